package id.go.kemensos.returnee.console;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestClient;

/**
 * What case management reaches, for the office, the ministry, protection officers and auditors: by regency and sex,
 * people with a case and their offers accepted, declined and delivered; follow-ups done and overdue; needs found; and,
 * for those who may see them, offers by service (a victim's counted as protection services); for protection officers
 * alone, whom the trafficking law reaches, by regency, sex and age band (eligibility-service's report), and who is
 * registered, found eligible and paid by returnee category and trafficking status (registration-service's). And the
 * directory of referral partners, for whoever refers or advises people.
 */
@Controller
class CaseReportPages {

    /** One regency and sex of {@code GET /api/case-reports/reach}. */
    public record Reach(
            String provinceCode,
            String regencyCode,
            String sex,
            long cases,
            long offers,
            long accepted,
            long declined,
            long delivered,
            long followUpsDone) {}

    /** One regency of {@code GET /api/case-reports/follow-ups}. */
    public record FollowUps(
            String provinceCode,
            String regencyCode,
            long scheduled,
            long done,
            long due,
            long overdue,
            Map<String, Long> businessAtLatestFollowUp) {}

    /** One regency of {@code GET /api/case-reports/needs}: per dimension, people at each level. */
    public record Needs(String provinceCode, String regencyCode, Map<String, Map<String, Long>> byDimension) {

        /** People whose latest assessment found this dimension in MEDIUM or HIGH need. */
        public long needing(String dimension) {
            Map<String, Long> levels = byDimension.getOrDefault(dimension, Map.of());
            return levels.getOrDefault("MEDIUM", 0L) + levels.getOrDefault("HIGH", 0L);
        }
    }

    /** One province's offers of one service by state ({@code GET /api/case-reports/services}). */
    public record Services(String provinceCode, String service, Map<String, Long> byState) {}

    /** One row of eligibility's {@code GET /api/protection-reports/reach}: people a restricted law reaches. */
    public record ProtectionReach(
            String ruleSetId, String regencyCode, String sex, String ageBand, String outcome, long people) {}

    /** One row of registration's {@code GET /api/protection-reports/returnees}: reach by category and status. */
    public record CategoryReach(
            String regencyCode,
            String sex,
            String ageBand,
            String category,
            String traffickingStatus,
            long registered,
            long eligible,
            long paid) {}

    private final OfficerRelay services;

    CaseReportPages(OfficerRelay services) {
        this.services = services;
    }

    @GetMapping("/case-reports")
    String reports(
            @RequestParam(required = false) String provinceCode,
            @RequestParam(defaultValue = "false") boolean byCategory,
            @ModelAttribute("officer") SignedInOfficer officer,
            Model model) {
        String province = officer.scope(provinceCode);
        model.addAttribute("provinceCode", province);
        model.addAttribute(
                "reach", list(province, "/api/case-reports/reach", new ParameterizedTypeReference<List<Reach>>() {}));
        model.addAttribute(
                "followUps",
                list(province, "/api/case-reports/follow-ups", new ParameterizedTypeReference<List<FollowUps>>() {}));
        model.addAttribute(
                "needs", list(province, "/api/case-reports/needs", new ParameterizedTypeReference<List<Needs>>() {}));
        model.addAttribute(
                "dimensions",
                services.cases()
                        .get()
                        .uri("/api/need-dimensions")
                        .retrieve()
                        .body(new ParameterizedTypeReference<List<CaseFile.Dimension>>() {}));
        // Offers by service are not the provincial office's to see (a victim's services); the page goes on without.
        List<Services> byService = null;
        if (!officer.can("PROVINCIAL_OFFICER") || officer.can("PROTECTION_OFFICER")) {
            try {
                byService = list(
                        province, "/api/case-reports/services", new ParameterizedTypeReference<List<Services>>() {});
            } catch (OfficerRelay.Refused notTheirs) {
                byService = null;
            }
        }
        model.addAttribute("services", byService);
        // Counts about victims: protection officers only (eligibility-service refuses anyone else, and logs the read).
        List<ProtectionReach> protection = null;
        List<CategoryReach> categories = null;
        if (officer.can("PROTECTION_OFFICER")) {
            protection = protectionReport(
                    services.eligibility(),
                    "/api/protection-reports/reach",
                    province,
                    new ParameterizedTypeReference<List<ProtectionReach>>() {});
            // It opens every person's seal (20 s for 100,000 people): counted for one province, when asked for, not
            // at each visit.
            categories = !byCategory || province == null
                    ? null
                    : protectionReport(
                            services.registration(),
                            "/api/protection-reports/returnees",
                            province,
                            new ParameterizedTypeReference<List<CategoryReach>>() {});
        }
        model.addAttribute("protectionReach", protection);
        model.addAttribute("categoryReach", categories);
        model.addAttribute("mayCountCategories", officer.can("PROTECTION_OFFICER"));
        return "case-reports";
    }

    @GetMapping("/partners")
    String partners(
            @RequestParam(required = false) String provinceCode,
            @RequestParam(required = false) String service,
            @ModelAttribute("officer") SignedInOfficer officer,
            Model model) {
        String province = officer.scope(provinceCode);
        List<CaseFile.Partner> partners = services.cases()
                .get()
                .uri(uri -> uri.path("/api/partners")
                        .queryParamIfPresent("province", Optional.ofNullable(province))
                        .queryParamIfPresent(
                                "service", Optional.ofNullable(service).filter(s -> !s.isBlank()))
                        .build())
                .retrieve()
                .body(new ParameterizedTypeReference<List<CaseFile.Partner>>() {});
        model.addAttribute("provinceCode", province);
        model.addAttribute("service", service);
        model.addAttribute("partners", partners == null ? List.of() : partners);
        return "partners";
    }

    /** A protection report of a service, for one province or every one the officer reaches. */
    private static <T> List<T> protectionReport(
            RestClient service, String path, String province, ParameterizedTypeReference<List<T>> type) {
        List<T> rows = service.get()
                .uri(uri -> uri.path(path)
                        .queryParamIfPresent("provinceCode", Optional.ofNullable(province))
                        .build())
                .retrieve()
                .body(type);
        return rows == null ? List.of() : rows;
    }

    private <T> List<T> list(String province, String path, ParameterizedTypeReference<List<T>> type) {
        RestClient cases = services.cases();
        List<T> rows = cases.get()
                .uri(uri -> uri.path(path)
                        .queryParamIfPresent("province", Optional.ofNullable(province))
                        .build())
                .retrieve()
                .body(type);
        return rows == null ? List.of() : rows;
    }
}

package id.go.kemensos.returnee.console;

import id.go.kemensos.returnee.security.OfficerRole;
import id.go.kemensos.returnee.security.SpreadsheetCsv;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The start page: what the officer can do here, and, for the roles that may read the counts, the dashboard: people
 * registered and paid by province (or, for one province, by regency), money paid, and payments settled per day, as
 * charts and as the table behind them (also a CSV). A provincial officer sees their own province only; the services
 * enforce it.
 */
@Controller
class DashboardPage {

    /** Who reads the count reports of registration, disbursement and notification (the README's role matrix). */
    private static final Set<OfficerRole> READERS = EnumSet.of(
            OfficerRole.PROVINCIAL_OFFICER,
            OfficerRole.MINISTRY_OFFICER,
            OfficerRole.FINANCE_MAKER,
            OfficerRole.FINANCE_CHECKER,
            OfficerRole.AUDITOR);

    private static final ParameterizedTypeReference<List<Map<String, Object>>> ROWS =
            new ParameterizedTypeReference<>() {};

    private final OfficerRelay services;
    private final Provinces provinces;
    private final JsonMapper json = JsonMapper.builder().build();

    DashboardPage(OfficerRelay services, Provinces provinces) {
        this.services = services;
        this.provinces = provinces;
    }

    @GetMapping("/")
    String dashboard(
            @RequestParam(required = false) String provinceCode,
            @ModelAttribute("officer") SignedInOfficer officer,
            Model model) {
        figures(officer, provinceCode).ifPresent(figures -> {
            model.addAttribute("figures", figures);
            model.addAttribute("chartData", json.writeValueAsString(figures));
            model.addAttribute("provinceCodes", officer.provincial() ? List.of() : provinces.codes());
        });
        return "dashboard";
    }

    @GetMapping("/dashboard.csv")
    ResponseEntity<String> csv(
            @RequestParam(required = false) String provinceCode, @ModelAttribute("officer") SignedInOfficer officer) {
        DashboardFigures figures =
                figures(officer, provinceCode).orElseThrow(() -> new OfficerRelay.Refused(403, null));
        List<List<Object>> rows = figures.areas().stream()
                .map(a -> List.<Object>of(a.code(), a.name(), a.registered(), a.paid(), a.paidTotal()))
                .toList();
        return SpreadsheetCsv.download(
                "dasbor-" + (figures.provinceCode() == null ? "nasional" : figures.provinceCode()) + ".csv",
                SpreadsheetCsv.of(List.of("kode", "wilayah", "terdaftar", "dibayar", "jumlah_dibayar_rp"), rows));
    }

    private Optional<DashboardFigures> figures(SignedInOfficer officer, String requested) {
        if (officer.roles().stream().noneMatch(READERS::contains)) {
            return Optional.empty();
        }
        String scope = officer.scope(requested);
        String zone = provinces.of(scope).zoneLabel();
        List<Map<String, Object>> registrations = services.registration()
                .get()
                .uri(uri -> uri.path("/api/reports/returnees")
                        .queryParamIfPresent("provinceCode", Optional.ofNullable(scope))
                        .build())
                .retrieve()
                .body(ROWS);
        List<Map<String, Object>> payments = services.disbursement()
                .get()
                .uri(uri -> uri.path("/api/reports/payments")
                        .queryParam("groupBy", "province,regency,state")
                        .queryParamIfPresent("provinceCode", Optional.ofNullable(scope))
                        .build())
                .retrieve()
                .body(ROWS);
        List<Map<String, Object>> perDay = services.disbursement()
                .get()
                .uri(uri -> uri.path("/api/reports/payments")
                        .queryParam("groupBy", "day,state")
                        .queryParam("zone", zone)
                        .queryParamIfPresent("provinceCode", Optional.ofNullable(scope))
                        .build())
                .retrieve()
                .body(ROWS);
        List<Map<String, Object>> sms = services.notification()
                .get()
                .uri(uri -> uri.path("/api/reports/sms")
                        .queryParamIfPresent("provinceCode", Optional.ofNullable(scope))
                        .build())
                .retrieve()
                .body(ROWS);
        return Optional.of(DashboardFigures.of(
                scope, orEmpty(registrations), orEmpty(payments), orEmpty(perDay), orEmpty(sms), provinces));
    }

    private static List<Map<String, Object>> orEmpty(List<Map<String, Object>> rows) {
        return rows == null ? List.of() : rows;
    }
}

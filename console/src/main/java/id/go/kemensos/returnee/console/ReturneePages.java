package id.go.kemensos.returnee.console;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The province's returnees and where each stands (registered, decided, scheduled, paid), a page at a time, filtered by
 * regency and status. NIK and account come masked from registration-service; the listing is recorded in its access log.
 */
@Controller
class ReturneePages {

    /** The statuses registration-service follows a person through, in the order they happen. */
    static final List<String> STATUSES = List.of(
            "REGISTERED",
            "NEEDS_REVIEW",
            "ELIGIBLE",
            "INELIGIBLE",
            "PAYMENT_SCHEDULED",
            "PAYMENT_AWAITING_BUDGET",
            "PAYMENT_APPROVED",
            "PAYMENT_SENT",
            "PAYMENT_FAILED",
            "PAID",
            "PAYMENT_RETURNED",
            "PAYMENT_CANCELLED",
            "CASH_AT_POST_OFFICE",
            "CASH_UNCLAIMED");

    public record Person(
            UUID beneficiaryId,
            String nikMasked,
            String fullName,
            String provinceCode,
            String regencyCode,
            String phoneE164,
            String bankCode,
            String accountNumberMasked,
            Instant registeredAt,
            String status,
            boolean tellInPerson,
            boolean cashAtPostOffice,
            ProtectionFacts protection) {}

    /** Why the person came home and whether they are a trafficking victim: sent to protection officers only. */
    public record ProtectionFacts(String category, String traffickingStatus, String referralSource) {}

    static final List<String> TRAFFICKING_STATUSES = List.of("NONE", "INDICATED", "IDENTIFIED");

    public record Page(List<Person> items, int page, int size, long total) {

        public boolean hasNext() {
            return (long) (page + 1) * size < total;
        }
    }

    private final OfficerRelay services;

    ReturneePages(OfficerRelay services) {
        this.services = services;
    }

    @GetMapping("/returnees")
    String list(
            @RequestParam(required = false) String provinceCode,
            @RequestParam(required = false) String regencyCode,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) UUID uploadId,
            @RequestParam(defaultValue = "0") int page,
            @ModelAttribute("officer") SignedInOfficer officer,
            Model model) {
        String province = officer.scope(provinceCode);
        String chosenStatus = status != null && STATUSES.contains(status) ? status : null;
        Page people = services.registration()
                .get()
                .uri(uri -> uri.path("/api/returnees")
                        .queryParamIfPresent("provinceCode", Optional.ofNullable(province))
                        .queryParamIfPresent("regencyCode", Optional.ofNullable(blankToNull(regencyCode)))
                        .queryParamIfPresent("status", Optional.ofNullable(chosenStatus))
                        .queryParamIfPresent("uploadId", Optional.ofNullable(uploadId))
                        .queryParam("page", Math.max(0, page))
                        .queryParam("size", 25)
                        .build())
                .retrieve()
                .body(Page.class);
        model.addAttribute("people", people);
        model.addAttribute("provinceCode", province);
        model.addAttribute("regencyCode", blankToNull(regencyCode));
        model.addAttribute("status", chosenStatus);
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("uploadId", uploadId);
        return "returnees";
    }

    /**
     * One person: their registration (masked as registration-service shows it to this officer) and every decision about
     * them, current first. Decisions under Law 21/2007, with the protection services they entitle the person to, come
     * only to protection officers; eligibility-service decides, the page only groups them. Another province's person is
     * not found.
     */
    @GetMapping("/returnees/{beneficiaryId}")
    String person(@PathVariable UUID beneficiaryId, Model model) {
        Person person = services.registration()
                .get()
                .uri("/api/returnees/{id}", beneficiaryId)
                .retrieve()
                .body(Person.class);
        List<EligibilityDecision> decisions = services.eligibility()
                .get()
                .uri("/api/beneficiaries/{id}/decisions", beneficiaryId)
                .retrieve()
                .body(new ParameterizedTypeReference<List<EligibilityDecision>>() {});
        List<EligibilityDecision> all = decisions == null ? List.of() : decisions;
        model.addAttribute("person", person);
        model.addAttribute(
                "protection",
                all.stream().filter(d -> d.restricted() && d.current()).toList());
        model.addAttribute(
                "current",
                all.stream().filter(d -> !d.restricted() && d.current()).toList());
        model.addAttribute("earlier", all.stream().filter(d -> !d.current()).toList());
        model.addAttribute("traffickingStatuses", TRAFFICKING_STATUSES);
        return "returnee";
    }

    /**
     * A protection officer records whether the person is indicated or identified as a trafficking victim (after a
     * screening or an assessment); eligibility decides again under Law 21/2007.
     */
    @PostMapping("/returnees/{beneficiaryId}/trafficking-status")
    String recordTraffickingStatus(
            @PathVariable UUID beneficiaryId, @RequestParam String status, RedirectAttributes redirect) {
        if (!TRAFFICKING_STATUSES.contains(status)) {
            redirect.addFlashAttribute("problem", "person.status-unknown");
            return "redirect:/returnees/" + beneficiaryId;
        }
        try {
            services.registration()
                    .put()
                    .uri("/api/returnees/{id}/trafficking-status", beneficiaryId)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("status", status))
                    .retrieve()
                    .toBodilessEntity();
            redirect.addFlashAttribute("notice", "person.status-recorded");
        } catch (OfficerRelay.Refused refused) {
            refused.tellOn(redirect);
        }
        return "redirect:/returnees/" + beneficiaryId;
    }

    /**
     * One search box for a clerk: a full NIK (16 digits, as on the ID card) finds that person, anything else is a name
     * (whole words, any order). Sent in a POST body to registration-service, so neither stands in a URL, browser
     * history or log. Answers the list with the people found.
     */
    @PostMapping("/returnees/lookup")
    String lookup(
            @RequestParam(defaultValue = "") String query,
            @ModelAttribute("officer") SignedInOfficer officer,
            Model model) {
        List<Person> found;
        if (query.replaceAll("[\\s.-]", "").matches("\\d+")) {
            found = findByNik(services, query, model).stream().toList();
        } else {
            found = findByName(query, model);
        }
        model.addAttribute("people", new Page(found, 0, Math.max(1, found.size()), found.size()));
        model.addAttribute("provinceCode", officer.scope(null));
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("lookedUp", true);
        return "returnees";
    }

    private List<Person> findByName(String name, Model model) {
        try {
            Page page = services.registration()
                    .post()
                    .uri("/api/returnees/search")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("name", name))
                    .retrieve()
                    .body(Page.class);
            List<Person> people = page == null ? List.of() : page.items();
            if (people.isEmpty()) {
                model.addAttribute("problem", "lookup.none-named");
            }
            return people;
        } catch (OfficerRelay.Refused refused) {
            if (refused.status() != 400) {
                throw refused;
            }
            model.addAttribute("problem", "lookup.no-word");
            return List.of();
        }
    }

    /**
     * A NIK look-up for the pages that offer one; a malformed NIK or nobody found is said on the page
     * ({@code problem}).
     */
    static Optional<Person> findByNik(OfficerRelay services, String nik, Model model) {
        try {
            return Optional.ofNullable(services.registration()
                    .post()
                    .uri("/api/returnees/lookup")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("nik", nik))
                    .retrieve()
                    .body(Person.class));
        } catch (OfficerRelay.Refused refused) {
            if (refused.status() != 400 && refused.status() != 404) {
                throw refused;
            }
            model.addAttribute("problem", refused.status() == 400 ? "lookup.bad-nik" : "lookup.not-found");
            return Optional.empty();
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

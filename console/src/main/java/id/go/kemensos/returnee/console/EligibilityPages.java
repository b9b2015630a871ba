package id.go.kemensos.returnee.console;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
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
 * Decisions that need an officer: each with the criteria that were not met and their legal basis, ruled ELIGIBLE or
 * INELIGIBLE with a reason (the decision itself is kept; the ruling is recorded under the officer's subject). A
 * ministry officer sees the general laws and programs, a protection officer the restricted ones: eligibility-service
 * chooses.
 */
@Controller
class EligibilityPages {

    private static final Set<String> RULINGS = Set.of("ELIGIBLE", "INELIGIBLE");

    private final OfficerRelay services;

    EligibilityPages(OfficerRelay services) {
        this.services = services;
    }

    @GetMapping("/eligibility/reviews")
    String reviews(
            @RequestParam(required = false) String provinceCode,
            @ModelAttribute("officer") SignedInOfficer officer,
            Model model) {
        String province = officer.scope(provinceCode); // null: every province the officer reaches
        EligibilityDecision.Page page = services.eligibility()
                .get()
                .uri(uri -> uri.path("/api/reviews")
                        .queryParamIfPresent("provinceCode", Optional.ofNullable(province))
                        .queryParam("size", 25)
                        .build())
                .retrieve()
                .body(EligibilityDecision.Page.class);
        model.addAttribute("decisions", page);
        model.addAttribute("provinceCode", province);
        return "eligibility-reviews";
    }

    /** A re-evaluation as eligibility-service reports its progress ({@code GET /api/reevaluations/{id}}). */
    public record Reevaluation(
            UUID reevaluationId,
            String provinceCode,
            String ruleSetId,
            String state,
            long total,
            long beneficiaries,
            long decided,
            long changed,
            Instant startedAt,
            Instant finishedAt,
            String failure) {

        public boolean finished() {
            return !"RUNNING".equals(state);
        }

        /** People gone through, as a percentage of those there were when it started (100 once completed). */
        public int percent() {
            return "COMPLETED".equals(state) || total == 0 ? 100 : (int) Math.min(100, beneficiaries * 100 / total);
        }
    }

    /**
     * Decide a province's people again with the rules in force now (after the ministry ships a new rule version). It
     * runs in eligibility-service's background; the officer follows it on its own page, which a double click does not
     * duplicate.
     */
    @PostMapping("/eligibility/reevaluations")
    String reevaluate(@RequestParam String provinceCode) {
        Reevaluation started = services.eligibility()
                .post()
                .uri("/api/reevaluations")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("provinceCode", provinceCode))
                .retrieve()
                .body(Reevaluation.class);
        return "redirect:/eligibility/reevaluations/" + started.reevaluationId();
    }

    @GetMapping("/eligibility/reevaluations/{reevaluationId}")
    String reevaluation(@PathVariable UUID reevaluationId, Model model) {
        model.addAttribute("job", progressOf(reevaluationId));
        return "reevaluation";
    }

    /** The progress fragment htmx swaps in every second until the re-evaluation is done. */
    @GetMapping("/eligibility/reevaluations/{reevaluationId}/progress")
    String reevaluationProgress(@PathVariable UUID reevaluationId, Model model) {
        model.addAttribute("job", progressOf(reevaluationId));
        return "reevaluation :: progress";
    }

    private Reevaluation progressOf(UUID reevaluationId) {
        return services.eligibility()
                .get()
                .uri("/api/reevaluations/{id}", reevaluationId)
                .retrieve()
                .body(Reevaluation.class);
    }

    @PostMapping("/eligibility/decisions/{decisionId}/override")
    String override(
            @PathVariable UUID decisionId,
            @RequestParam(defaultValue = "") String provinceCode,
            @RequestParam(defaultValue = "") String outcome,
            @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        String back =
                "redirect:/eligibility/reviews?provinceCode=" + provinceCode; // as the officer was looking (blank: all)
        if (!RULINGS.contains(outcome) || reason.isBlank()) {
            redirect.addFlashAttribute("problem", "eligibility.ruling-needed");
            return back;
        }
        services.eligibility()
                .post()
                .uri("/api/decisions/{id}/override", decisionId)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("outcome", outcome, "reason", reason.strip()))
                .retrieve()
                .toBodilessEntity();
        redirect.addFlashAttribute(
                "notice", "ELIGIBLE".equals(outcome) ? "eligibility.ruled-eligible" : "eligibility.ruled-ineligible");
        return back;
    }
}

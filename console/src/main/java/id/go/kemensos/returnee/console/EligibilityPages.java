package id.go.kemensos.returnee.console;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Decisions that need an officer: each with the criteria that were not met and their legal basis, ruled ELIGIBLE or
 * INELIGIBLE with a reason (the decision itself is kept; the ruling is recorded under the officer's subject). A ministry
 * officer sees the general laws and programs, a protection officer the restricted ones: eligibility-service chooses.
 */
@Controller
class EligibilityPages {

    private static final Set<String> RULINGS = Set.of("ELIGIBLE", "INELIGIBLE");

    private final OfficerRelay services;

    EligibilityPages(OfficerRelay services) {
        this.services = services;
    }

    @GetMapping("/eligibility/reviews")
    String reviews(@RequestParam(required = false) String provinceCode, @ModelAttribute("officer") SignedInOfficer officer, Model model) {
        String province = officer.scope(provinceCode); // null: every province the officer reaches
        EligibilityDecision.Page page = services.eligibility().get()
                .uri(uri -> uri.path("/api/reviews").queryParamIfPresent("provinceCode", Optional.ofNullable(province))
                        .queryParam("size", 25).build())
                .retrieve().body(EligibilityDecision.Page.class);
        model.addAttribute("decisions", page);
        model.addAttribute("provinceCode", province);
        return "eligibility-reviews";
    }

    /** What a re-evaluation did: people decided again, decisions made, and how many outcomes changed. */
    public record Reevaluation(long beneficiaries, long decided, long changed) {
    }

    /**
     * Decide a province's people again with the rules in force now (after the ministry ships a new rule version). Runs
     * to the end before answering; only changed outcomes add decisions.
     */
    @PostMapping("/eligibility/reevaluations")
    String reevaluate(@RequestParam String provinceCode, RedirectAttributes redirect) {
        Reevaluation result = services.eligibility().post().uri("/api/reevaluations").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("provinceCode", provinceCode)).retrieve().body(Reevaluation.class);
        redirect.addFlashAttribute("reevaluation", result);
        return "redirect:/eligibility/reviews?provinceCode=" + provinceCode;
    }

    @PostMapping("/eligibility/decisions/{decisionId}/override")
    String override(@PathVariable UUID decisionId, @RequestParam(defaultValue = "") String provinceCode, @RequestParam(defaultValue = "") String outcome,
                    @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        String back = "redirect:/eligibility/reviews?provinceCode=" + provinceCode; // as the officer was looking (blank: all)
        if (!RULINGS.contains(outcome) || reason.isBlank()) {
            redirect.addFlashAttribute("problem", "eligibility.ruling-needed");
            return back;
        }
        services.eligibility().post().uri("/api/decisions/{id}/override", decisionId).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("outcome", outcome, "reason", reason.strip())).retrieve().toBodilessEntity();
        redirect.addFlashAttribute("notice", "ELIGIBLE".equals(outcome) ? "eligibility.ruled-eligible" : "eligibility.ruled-ineligible");
        return back;
    }
}

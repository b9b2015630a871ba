package id.go.kemensos.returnee.console;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The auditor's pages over audit-service: verify the ledger's hash chain, a beneficiary's timeline and why a payment was made.
 * Reading only: the one form, verification, recomputes the chain and changes nothing. Each read of a person is recorded in the
 * access log by audit-service, as for any caller.
 */
@Controller
class AuditPages {

    private final OfficerRelay services;

    AuditPages(OfficerRelay services) {
        this.services = services;
    }

    @GetMapping("/audit")
    String audit() {
        return "audit";
    }

    @PostMapping("/audit/verification")
    String verify(Model model) {
        model.addAttribute("verification", services.audit().post().uri("/api/ledger/verification").retrieve()
                .body(AuditViews.Verification.class));
        return "audit";
    }

    /** The look-up form: an id pasted by the auditor, to the page that shows it (a malformed id is said so, not thrown). */
    @GetMapping("/audit/lookup")
    String lookup(@RequestParam String kind, @RequestParam String id, RedirectAttributes redirect) {
        Optional<UUID> parsed = parse(id);
        if (parsed.isEmpty()) {
            redirect.addFlashAttribute("problem", "audit.bad-id");
            return "redirect:/audit";
        }
        return "payment".equals(kind) ? "redirect:/audit/payments/" + parsed.get() : "redirect:/audit/beneficiaries/" + parsed.get();
    }

    @GetMapping("/audit/beneficiaries/{beneficiaryId}")
    String timeline(@PathVariable UUID beneficiaryId, Model model) {
        List<AuditViews.TimelineEntry> entries = services.audit().get().uri("/api/beneficiaries/{id}/timeline", beneficiaryId)
                .retrieve().body(new ParameterizedTypeReference<List<AuditViews.TimelineEntry>>() { });
        model.addAttribute("beneficiaryId", beneficiaryId);
        model.addAttribute("entries", entries == null ? List.of() : entries);
        return "timeline";
    }

    @GetMapping("/audit/payments/{paymentId}")
    String justification(@PathVariable UUID paymentId, Model model) {
        model.addAttribute("why", services.audit().get().uri("/api/payments/{id}/justification", paymentId).retrieve()
                .body(AuditViews.Justification.class));
        return "justification";
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

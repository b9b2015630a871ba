package id.go.kemensos.returnee.console;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Payments the bank failed or returned, with why, and a maker's reissue (with a reason) to the payee's account as it is
 * now; the replacement goes through the budget and approval like any other payment.
 */
@Controller
class ReissuePages {

    private final OfficerRelay services;

    ReissuePages(OfficerRelay services) {
        this.services = services;
    }

    @GetMapping("/finance/payments")
    String payments(
            @RequestParam(required = false) String provinceCode,
            @ModelAttribute("officer") SignedInOfficer officer,
            Model model) {
        String province = officer.scope(provinceCode);
        List<PaymentSummary> payments = services.disbursement()
                .get()
                .uri(uri -> uri.path("/api/payments")
                        .queryParamIfPresent("provinceCode", Optional.ofNullable(province))
                        .queryParam("state", "FAILED", "RETURNED")
                        .build())
                .retrieve()
                .body(new ParameterizedTypeReference<List<PaymentSummary>>() {});
        model.addAttribute("provinceCode", province);
        model.addAttribute("payments", payments == null ? List.of() : payments);
        return "finance-payments";
    }

    @PostMapping("/finance/payments/{paymentId}/reissue")
    String reissue(
            @PathVariable UUID paymentId,
            @RequestParam(defaultValue = "") String provinceCode,
            @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        ReasonedDecision.send(
                services.disbursement(),
                "/api/payments/{id}/reissue",
                paymentId,
                reason,
                redirect,
                "reissue.done",
                "reissue.reason-needed");
        return "redirect:/finance/payments?provinceCode=" + provinceCode;
    }
}

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
 * Finance's account reviews: payments the bank's account inquiry did not confirm as the registered person's, with both
 * names side by side. A maker accepts the account with a reason; otherwise the clerk amends the returnee's account and
 * the payment is checked again on its own.
 */
@Controller
class AccountReviewPages {

    private final OfficerRelay services;

    AccountReviewPages(OfficerRelay services) {
        this.services = services;
    }

    @GetMapping("/finance/accounts")
    String reviews(
            @RequestParam(required = false) String provinceCode,
            @ModelAttribute("officer") SignedInOfficer officer,
            Model model) {
        String province = officer.scope(provinceCode);
        List<AccountReview> reviews = services.disbursement()
                .get()
                .uri(uri -> uri.path("/api/account-reviews")
                        .queryParamIfPresent("provinceCode", Optional.ofNullable(province))
                        .build())
                .retrieve()
                .body(new ParameterizedTypeReference<List<AccountReview>>() {});
        model.addAttribute("provinceCode", province);
        model.addAttribute("reviews", reviews == null ? List.of() : reviews);
        return "finance-accounts";
    }

    @PostMapping("/finance/accounts/{paymentId}")
    String accept(
            @PathVariable UUID paymentId,
            @RequestParam(defaultValue = "") String provinceCode,
            @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        ReasonedDecision.send(
                services.disbursement(),
                "/api/payments/{id}/account-review",
                paymentId,
                reason,
                redirect,
                "accounts.accepted",
                "accounts.reason-needed");
        return "redirect:/finance/accounts?provinceCode=" + provinceCode;
    }
}

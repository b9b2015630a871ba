package id.go.kemensos.returnee.disbursement.account;

import id.go.kemensos.returnee.messaging.LockConflicts;
import id.go.kemensos.returnee.messaging.PersonalDataAccessLog;
import id.go.kemensos.returnee.security.Officer;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AccountReviewController {

    private final AccountReviews reviews;
    private final PersonalDataAccessLog accessLog;

    AccountReviewController(AccountReviews reviews, PersonalDataAccessLog accessLog) {
        this.reviews = reviews;
        this.accessLog = accessLog;
    }

    record AcceptRequest(@NotBlank @Size(max = 500) String reason) {}

    @Operation(
            summary = "Scheduled payments whose account the bank did not confirm as the registered person's (account "
                    + "masked)",
            description = "Of one province, or of all without provinceCode. Shows the registered and the bank's holder "
                    + "names, so the list is logged as a personal-data export.")
    @GetMapping("/api/account-reviews")
    List<AccountReviews.AccountReview> pending(@RequestParam(required = false) String provinceCode, Officer officer) {
        List<AccountReviews.AccountReview> pending =
                reviews.pending(provinceCode == null || provinceCode.isBlank() ? null : provinceCode.strip());
        if (!pending.isEmpty()) {
            accessLog.export(
                    officer.reference(),
                    "LIST_ACCOUNT_REVIEWS",
                    "/api/account-reviews" + (provinceCode == null ? "" : "?provinceCode=" + provinceCode),
                    pending.size() + " people");
        }
        return pending;
    }

    @Operation(
            summary = "Accept the account of a payment held by the account check, with the officer and a reason",
            description =
                    "Otherwise amend the returnee's account at registration: the payment is checked again against "
                            + "the new one.")
    @PostMapping("/api/payments/{paymentId}/account-review")
    ResponseEntity<Map<String, Object>> accept(
            @PathVariable UUID paymentId, @Valid @RequestBody AcceptRequest request, Officer officer) {
        LockConflicts.retry(
                "account review of payment " + paymentId,
                () -> reviews.accept(
                        paymentId, officer.reference(), request.reason().strip()));
        return ResponseEntity.ok(Map.of("paymentId", paymentId, "accountCheck", "VERIFIED"));
    }
}

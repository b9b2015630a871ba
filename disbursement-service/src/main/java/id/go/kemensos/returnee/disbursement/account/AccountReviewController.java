package id.go.kemensos.returnee.disbursement.account;

import id.go.kemensos.returnee.messaging.LockConflicts;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import id.go.kemensos.returnee.security.Officer;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.UUID;

@RestController
class AccountReviewController {

    private final AccountReviews reviews;

    AccountReviewController(AccountReviews reviews) {
        this.reviews = reviews;
    }

    record AcceptRequest(@NotBlank @Size(max = 500) String reason) {
    }

    @Operation(summary = "Scheduled payments whose account the bank did not confirm as the registered person's (account masked)")
    @GetMapping("/api/account-reviews")
    List<Map<String, Object>> pending(@RequestParam String provinceCode) {
        return reviews.pending(provinceCode);
    }

    @Operation(summary = "Accept the account of a payment held by the account check, with the officer and a reason",
            description = "Otherwise amend the returnee's account at registration: the payment is checked again against the new one.")
    @PostMapping("/api/payments/{paymentId}/account-review")
    ResponseEntity<Map<String, Object>> accept(@PathVariable UUID paymentId, @Valid @RequestBody AcceptRequest request, Officer officer) {
        LockConflicts.retry("account review of payment " + paymentId, () -> reviews.accept(paymentId, officer.reference(),
                request.reason().strip()));
        return ResponseEntity.ok(Map.of("paymentId", paymentId, "accountCheck", "VERIFIED"));
    }
}

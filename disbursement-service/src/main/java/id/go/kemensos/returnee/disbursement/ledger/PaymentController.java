package id.go.kemensos.returnee.disbursement.ledger;

import com.fasterxml.jackson.annotation.JsonProperty;
import id.go.kemensos.returnee.disbursement.payment.Payment;
import id.go.kemensos.returnee.disbursement.payment.PaymentRepository;
import id.go.kemensos.returnee.disbursement.payment.PaymentState;
import id.go.kemensos.returnee.messaging.PersonalDataAccessLog;
import id.go.kemensos.returnee.security.Officer;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/payments")
class PaymentController {

    private final PaymentReturns returns;
    private final PaymentRepository payments;
    private final PersonalDataAccessLog accessLog;

    PaymentController(PaymentReturns returns, PaymentRepository payments, PersonalDataAccessLog accessLog) {
        this.returns = returns;
        this.payments = payments;
        this.accessLog = accessLog;
    }

    record ReissueRequest(@NotBlank @Size(max = 500) String reason) {}

    /** A payment in a list: ids, money and where it stands, never a name (account number masked). */
    record PaymentSummary(
            UUID paymentId,
            UUID beneficiaryId,
            String programId,
            String cycleId,
            long amount,
            String provinceCode,
            String regencyCode,
            PaymentState state,
            String bankCode,
            String accountNumberMasked,
            String failureCode,
            String failureReason,
            UUID reissueOf,
            Instant updatedAt) {

        static PaymentSummary of(Payment p) {
            Payment.Terms t = p.terms();
            return new PaymentSummary(
                    t.paymentId(),
                    t.beneficiaryId(),
                    t.programId(),
                    t.cycleId(),
                    t.amount(),
                    t.provinceCode(),
                    t.regencyCode(),
                    p.state(),
                    p.bankCode(),
                    p.accountMasked(),
                    p.failureCode(),
                    p.failureReason(),
                    t.reissueOf(),
                    p.updatedAt());
        }
    }

    /** A payment as the ledger holds it, in the ledger's own (snake_case) field names; the account masked. */
    record PaymentRecord(
            @JsonProperty("payment_id") UUID paymentId,
            @JsonProperty("program_id") String programId,
            @JsonProperty("cycle_id") String cycleId,
            @JsonProperty("beneficiary_id") UUID beneficiaryId,
            long amount,
            @JsonProperty("province_code") String provinceCode,
            @JsonProperty("regency_code") String regencyCode,
            PaymentState state,
            @JsonProperty("account_check") Payment.AccountCheck accountCheck,
            @JsonProperty("approved_by") String approvedBy,
            @JsonProperty("batch_id") UUID batchId,
            @JsonProperty("waiting_reason") String waitingReason,
            @JsonProperty("bank_code") String bankCode,
            @JsonProperty("account_number_masked") String accountNumberMasked,
            @JsonProperty("bank_reference") String bankReference,
            @JsonProperty("failure_code") String failureCode,
            @JsonProperty("failure_reason") String failureReason,
            @JsonProperty("reissue_of") UUID reissueOf,
            @JsonProperty("scheduled_at") Instant scheduledAt,
            @JsonProperty("settled_at") Instant settledAt,
            @JsonProperty("updated_at") Instant updatedAt) {

        static PaymentRecord of(Payment p) {
            Payment.Terms t = p.terms();
            return new PaymentRecord(
                    t.paymentId(),
                    t.programId(),
                    t.cycleId(),
                    t.beneficiaryId(),
                    t.amount(),
                    t.provinceCode(),
                    t.regencyCode(),
                    p.state(),
                    p.accountCheck(),
                    p.approvedBy(),
                    p.batchId(),
                    p.waitingReason(),
                    p.bankCode(),
                    p.accountMasked(),
                    p.bankReference(),
                    p.failureCode(),
                    p.failureReason(),
                    t.reissueOf(),
                    t.scheduledAt(),
                    p.settledAt(),
                    p.updatedAt());
        }
    }

    @Operation(
            summary = "A province's (or, without provinceCode, every province's) payments in the given states, "
                    + "newest first (by default those a maker may reissue)",
            description = "Pseudonymous ids, amounts and masked accounts only, so listing is not logged as a "
                    + "personal-data read; opening one payment is. At most 500.")
    @GetMapping
    List<PaymentSummary> list(
            @RequestParam(required = false) String provinceCode,
            @RequestParam(defaultValue = "FAILED,RETURNED") List<PaymentState> state) {
        String province = provinceCode == null || provinceCode.isBlank() ? null : provinceCode.strip();
        return payments.inStates(province, state, 500).stream()
                .map(PaymentSummary::of)
                .toList();
    }

    @Operation(summary = "A payment as the ledger holds it (account number masked)")
    @GetMapping("/{paymentId}")
    ResponseEntity<PaymentRecord> get(@PathVariable UUID paymentId, Officer officer) {
        return payments.find(paymentId)
                .map(p -> {
                    accessLog.read(
                            officer.reference(), p.beneficiaryId(), "READ_PAYMENT", "/api/payments/" + paymentId);
                    return ResponseEntity.ok(PaymentRecord.of(p));
                })
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    @Operation(
            summary = "Replace a FAILED or RETURNED payment with a new one to the payee's current account",
            description = "The new payment goes through budget and approval like any other. 409 for any other state.")
    @PostMapping("/{paymentId}/reissue")
    ResponseEntity<Map<String, UUID>> reissue(
            @PathVariable UUID paymentId, @Valid @RequestBody ReissueRequest request, Officer officer) {
        UUID newId =
                returns.reissue(paymentId, officer.reference(), request.reason().strip());
        return ResponseEntity.ok(Map.of("paymentId", paymentId, "newPaymentId", newId));
    }
}

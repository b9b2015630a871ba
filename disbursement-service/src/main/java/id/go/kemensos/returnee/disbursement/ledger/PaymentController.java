package id.go.kemensos.returnee.disbursement.ledger;

import id.go.kemensos.returnee.messaging.PersonalDataAccessLog;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import id.go.kemensos.returnee.security.Officer;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.UUID;

@RestController
@RequestMapping("/api/payments")
class PaymentController {

    private final PaymentReturns returns;
    private final JdbcTemplate jdbc;
    private final PersonalDataAccessLog accessLog;

    PaymentController(PaymentReturns returns, JdbcTemplate jdbc, PersonalDataAccessLog accessLog) {
        this.returns = returns;
        this.jdbc = jdbc;
        this.accessLog = accessLog;
    }

    record ReissueRequest(@NotBlank @Size(max = 500) String reason) {
    }

    @Operation(summary = "A payment as the ledger holds it (account number masked)")
    @GetMapping("/{paymentId}")
    ResponseEntity<Map<String, Object>> get(@PathVariable UUID paymentId, Officer officer) {
        List<Map<String, Object>> rows = jdbc.queryForList("""
                SELECT payment_id, program_id, cycle_id, beneficiary_id, amount, province_code, regency_code, state, approved_by, batch_id,
                       waiting_reason, bank_code, account_masked AS account_number_masked, bank_reference,
                       failure_code, failure_reason, reissue_of, scheduled_at, settled_at, updated_at
                FROM payment_intent WHERE payment_id = ?""", paymentId.toString());
        if (rows.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        accessLog.read(officer.reference(), UUID.fromString((String) rows.get(0).get("beneficiary_id")), "READ_PAYMENT",
                "/api/payments/" + paymentId);
        return ResponseEntity.ok(rows.get(0));
    }

    @Operation(summary = "Replace a FAILED or RETURNED payment with a new one to the payee's current account",
            description = "The new payment goes through budget and approval like any other. 409 for any other state.")
    @PostMapping("/{paymentId}/reissue")
    ResponseEntity<Map<String, UUID>> reissue(@PathVariable UUID paymentId, @Valid @RequestBody ReissueRequest request, Officer officer) {
        UUID newId = returns.reissue(paymentId, officer.reference(), request.reason().strip());
        return ResponseEntity.ok(Map.of("paymentId", paymentId, "newPaymentId", newId));
    }
}

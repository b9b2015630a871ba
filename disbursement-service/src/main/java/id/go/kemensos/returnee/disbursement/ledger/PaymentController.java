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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
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

    /** A payment in a list: ids, money and where it stands, never a name (account number masked). */
    record PaymentSummary(UUID paymentId, UUID beneficiaryId, String programId, String cycleId, long amount, String provinceCode,
                          String regencyCode, PaymentState state, String bankCode, String accountNumberMasked, String failureCode,
                          String failureReason, UUID reissueOf, Instant updatedAt) {
    }

    @Operation(summary = "A province's (or, without provinceCode, every province's) payments in the given states, newest first (by default those a maker may reissue)",
            description = "Pseudonymous ids, amounts and masked accounts only, so listing is not logged as a personal-data read; "
                    + "opening one payment is. At most 500.")
    @GetMapping
    List<PaymentSummary> list(@RequestParam(required = false) String provinceCode,
                              @RequestParam(defaultValue = "FAILED,RETURNED") List<PaymentState> state) {
        String states = String.join(",", Collections.nCopies(state.size(), "?"));
        List<Object> arguments = new ArrayList<>();
        String province = provinceCode == null || provinceCode.isBlank() ? null : provinceCode.strip();
        arguments.add(province);
        arguments.add(province);
        state.forEach(s -> arguments.add(s.name()));
        return jdbc.query("SELECT payment_id, beneficiary_id, program_id, cycle_id, amount, province_code, regency_code, state, bank_code, "
                        + "account_masked, failure_code, failure_reason, reissue_of, updated_at FROM payment_intent "
                        + "WHERE (? IS NULL OR province_code = ?) AND state IN (" + states + ") ORDER BY updated_at DESC LIMIT 500",
                (rs, n) -> new PaymentSummary(UUID.fromString(rs.getString("payment_id")), UUID.fromString(rs.getString("beneficiary_id")),
                        rs.getString("program_id"), rs.getString("cycle_id"), rs.getLong("amount"), rs.getString("province_code"),
                        rs.getString("regency_code"), PaymentState.valueOf(rs.getString("state")), rs.getString("bank_code"),
                        rs.getString("account_masked"), rs.getString("failure_code"), rs.getString("failure_reason"),
                        rs.getString("reissue_of") == null ? null : UUID.fromString(rs.getString("reissue_of")),
                        rs.getTimestamp("updated_at").toInstant()),
                arguments.toArray());
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

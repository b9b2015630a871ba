package id.go.kemensos.returnee.disbursement.ledger;

import id.go.kemensos.returnee.contracts.disbursement.PaymentReissued;
import id.go.kemensos.returnee.contracts.disbursement.PaymentReturned;
import id.go.kemensos.returnee.contracts.disbursement.PaymentScheduled;
import id.go.kemensos.returnee.security.Refusal;
import id.go.kemensos.returnee.disbursement.budget.ProgramBudgets;
import id.go.kemensos.returnee.messaging.Outbox;
import id.go.kemensos.returnee.messaging.TimeOrderedIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** After the bank: credits that came back (from reconciliation) and replacements for failed or returned payments. */
@Service
public class PaymentReturns {

    private static final Logger log = LoggerFactory.getLogger(PaymentReturns.class);

    private final PaymentLedger ledger;
    private final ProgramBudgets budgets;
    private final Outbox outbox;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    PaymentReturns(PaymentLedger ledger, ProgramBudgets budgets, Outbox outbox, JdbcTemplate jdbc, Clock clock) {
        this.ledger = ledger;
        this.budgets = budgets;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The statement shows a settled credit came back: the payment is RETURNED and its amount goes back to the budget.
     *
     * @return false when the payment was not settled (already returned, say)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean markReturned(UUID paymentId, String bankReference, UUID reconciliationId) {
        Map<String, Object> p = jdbc.queryForMap("SELECT beneficiary_id, program_id, cycle_id, province_code, amount FROM payment_intent "
                + "WHERE payment_id = ?", paymentId.toString());
        if (!ledger.transition(paymentId, PaymentState.SETTLED, PaymentState.RETURNED, "failure_code = 'RETURNED'")) {
            return false;
        }
        long amount = ((Number) p.get("amount")).longValue();
        budgets.release((String) p.get("program_id"), (String) p.get("province_code"), (String) p.get("cycle_id"), amount);
        outbox.append(new PaymentReturned(paymentId, UUID.fromString((String) p.get("beneficiary_id")), amount, bankReference, reconciliationId,
                clock.instant()));
        log.info("Payment {} returned by the bank (reconciliation {})", paymentId, reconciliationId);
        return true;
    }

    /**
     * Replaces a FAILED or RETURNED payment with a new intent for the same person, program year and amount, paid to the
     * payee's account as it is now (after an amendment, typically). The old intent becomes REISSUED and gives up its slot
     * in the one-live-payment-per-person-and-year key to the new one, which then goes through approval like any other.
     */
    @Transactional
    public UUID reissue(UUID paymentId, String requestedBy, String reason) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM payment_intent WHERE payment_id = ? FOR UPDATE", paymentId.toString());
        if (rows.isEmpty()) {
            throw Refusal.notFound("Pembayaran tidak ditemukan / no such payment: " + paymentId);
        }
        Map<String, Object> old = rows.get(0);
        String state = (String) old.get("state");
        if (!"FAILED".equals(state) && !"RETURNED".equals(state)) {
            throw Refusal.conflict("Hanya pembayaran GAGAL atau DIKEMBALIKAN yang dapat diterbitkan ulang (ini " + state
                    + ") / only a FAILED or RETURNED payment can be reissued");
        }
        UUID newId = TimeOrderedIds.next();
        Instant now = clock.instant();
        UUID beneficiaryId = UUID.fromString((String) old.get("beneficiary_id"));
        long amount = ((Number) old.get("amount")).longValue();
        ledger.transition(paymentId, PaymentState.valueOf(state), PaymentState.REISSUED, "live = NULL");
        jdbc.update("""
                        INSERT INTO payment_intent (payment_id, program_id, cycle_id, beneficiary_id, decision_id, amount, province_code,
                            regency_code, state, scheduled_at, updated_at, reissue_of)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'SCHEDULED', ?, ?, ?)""", newId.toString(), old.get("program_id"), old.get("cycle_id"),
                beneficiaryId.toString(), old.get("decision_id"), amount, old.get("province_code"), old.get("regency_code"), Timestamp.from(now),
                Timestamp.from(now), paymentId.toString());
        outbox.append(new PaymentReissued(paymentId, newId, beneficiaryId, amount, requestedBy, reason, now));
        outbox.append(new PaymentScheduled(newId, beneficiaryId, (String) old.get("program_id"), (String) old.get("cycle_id"),
                UUID.fromString((String) old.get("decision_id")), amount, (String) old.get("province_code"), (String) old.get("regency_code"), now));
        ledger.afterScheduling(new PaymentLedger.Scheduled(newId, beneficiaryId, (String) old.get("program_id"), (String) old.get("cycle_id"),
                (String) old.get("province_code"), amount));
        log.info("Payment {} reissued as {} by {}", paymentId, newId, requestedBy);
        return newId;
    }
}

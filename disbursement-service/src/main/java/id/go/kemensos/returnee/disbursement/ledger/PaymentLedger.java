package id.go.kemensos.returnee.disbursement.ledger;

import id.go.kemensos.returnee.contracts.MaskedValues;
import id.go.kemensos.returnee.contracts.disbursement.PaymentApproved;
import id.go.kemensos.returnee.contracts.disbursement.PaymentFailed;
import id.go.kemensos.returnee.contracts.disbursement.PaymentScheduled;
import id.go.kemensos.returnee.contracts.disbursement.PaymentSent;
import id.go.kemensos.returnee.contracts.disbursement.PaymentSettled;
import id.go.kemensos.returnee.contracts.eligibility.DecisionOverridden;
import id.go.kemensos.returnee.contracts.eligibility.EligibilityDecided;
import id.go.kemensos.returnee.contracts.eligibility.Outcome;
import id.go.kemensos.returnee.disbursement.DisbursementProperties;
import id.go.kemensos.returnee.messaging.IncomingEvent;
import id.go.kemensos.returnee.messaging.Outbox;
import id.go.kemensos.returnee.messaging.ProcessedEvents;
import id.go.kemensos.returnee.messaging.TimeOrderedIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The payment ledger. Every transition is a guarded UPDATE (from the expected state only) plus its outbox event, in one
 * transaction; the unique (program, cycle, beneficiary) key makes redelivered or repeated decisions schedule nothing new.
 */
@Service
public class PaymentLedger {

    static final String CONSUMER = "disbursement.eligibility-events";
    private static final Logger log = LoggerFactory.getLogger(PaymentLedger.class);

    private static final String CLAIMABLE = """
            SELECT p.payment_id, p.beneficiary_id, p.program_id, p.cycle_id, p.amount, y.bank_code, y.account_number,
                   y.account_holder_name
            FROM payment_intent p JOIN payee y ON y.beneficiary_id = p.beneficiary_id
            WHERE p.state = 'APPROVED'
            ORDER BY p.scheduled_at
            LIMIT ? FOR UPDATE SKIP LOCKED""";
    private static final String DUE_FOR_CHECK = """
            SELECT p.payment_id, p.beneficiary_id, p.program_id, p.cycle_id, p.amount, p.bank_code, p.account_number,
                   y.account_holder_name
            FROM payment_intent p JOIN payee y ON y.beneficiary_id = p.beneficiary_id
            WHERE p.state = 'SENT' AND p.next_check_at <= ?
            ORDER BY p.next_check_at
            LIMIT ? FOR UPDATE SKIP LOCKED""";

    private final ProcessedEvents processed;
    private final Outbox outbox;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final DisbursementProperties properties;

    PaymentLedger(ProcessedEvents processed, Outbox outbox, JdbcTemplate jdbc, Clock clock, DisbursementProperties properties) {
        this.processed = processed;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    @Transactional
    public void onEligibilityEvent(IncomingEvent event) {
        if (!processed.markHandled(CONSUMER, event.id())) {
            return;
        }
        event.payloadAs(EligibilityDecided.class)
                .filter(d -> d.outcome() == Outcome.ELIGIBLE && d.grantAmount() > 0)
                .ifPresent(this::schedule);
        // An officer ruled a decision that needed review ELIGIBLE: the grant is scheduled as for any eligible decision.
        event.payloadAs(DecisionOverridden.class)
                .filter(o -> o.outcome() == Outcome.ELIGIBLE && o.grantAmount() > 0)
                .ifPresent(o -> schedule(new EligibilityDecided(o.decisionId(), o.beneficiaryId(), o.programId(), o.cycleId(), o.outcome(),
                        o.grantAmount(), o.entitlements(), o.ruleSetId(), o.ruleSetVersion(), List.of(), o.provinceCode(), o.regencyCode(),
                        null, o.overriddenAt())));
    }

    private void schedule(EligibilityDecided decision) {
        Instant now = clock.instant();
        UUID paymentId = TimeOrderedIds.next();
        int inserted = jdbc.update("""
                        INSERT IGNORE INTO payment_intent (payment_id, program_id, cycle_id, beneficiary_id, decision_id, amount,
                            province_code, regency_code, state, scheduled_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'SCHEDULED', ?, ?)""",
                paymentId.toString(), decision.programId(), decision.cycleId(), decision.beneficiaryId().toString(),
                decision.decisionId().toString(), decision.grantAmount(), decision.provinceCode(), decision.regencyCode(),
                Timestamp.from(now), Timestamp.from(now));
        if (inserted == 0) {
            log.info("Beneficiary {} already has a payment intent for {} {}; nothing scheduled", decision.beneficiaryId(),
                    decision.programId(), decision.cycleId());
            return;
        }
        outbox.append(new PaymentScheduled(paymentId, decision.beneficiaryId(), decision.programId(), decision.cycleId(),
                decision.decisionId(), decision.grantAmount(), decision.provinceCode(), decision.regencyCode(), now));
        DisbursementProperties.AutoApproval auto = properties.autoApproval();
        if (auto.enabled() && decision.grantAmount() <= auto.maxAmount()) {
            approve(paymentId, decision.beneficiaryId(), decision.grantAmount(), "auto:below-" + auto.maxAmount(), now);
        }
    }

    private void approve(UUID paymentId, UUID beneficiaryId, long amount, String approvedBy, Instant now) {
        if (transition(paymentId, PaymentState.SCHEDULED, PaymentState.APPROVED, "approved_by = ?", approvedBy)) {
            outbox.append(new PaymentApproved(paymentId, beneficiaryId, amount, approvedBy, now));
        }
    }

    /** Claims approved payments whose payee is known, marks them SENT and returns them for the bank. */
    @Transactional
    public List<TransferOrder> claimForTransfer(int limit) {
        List<TransferOrder> orders = jdbc.query(CLAIMABLE, order(false), limit);
        Instant now = clock.instant();
        Instant checkAt = now.plus(properties.dispatch().statusCheckDelay());
        for (TransferOrder o : orders) {
            transition(o.paymentId(), PaymentState.APPROVED, PaymentState.SENT,
                    "bank_code = ?, account_number = ?, next_check_at = ?", o.bankCode(), o.accountNumber(), Timestamp.from(checkAt));
            outbox.append(new PaymentSent(o.paymentId(), o.beneficiaryId(), o.amount(), o.bankCode(),
                    MaskedValues.lastFour(o.accountNumber()), now));
        }
        return orders;
    }

    /** Sent payments without a final answer whose status check is due; they are pushed back so that no other pass takes them. */
    @Transactional
    public List<TransferOrder> claimDueForStatusCheck(int limit) {
        Instant now = clock.instant();
        List<TransferOrder> orders = jdbc.query(DUE_FOR_CHECK, order(true), Timestamp.from(now), limit);
        for (TransferOrder o : orders) {
            jdbc.update("UPDATE payment_intent SET next_check_at = ?, status_checks = status_checks + 1 WHERE payment_id = ?",
                    Timestamp.from(now.plus(properties.dispatch().statusCheckDelay())), o.paymentId().toString());
        }
        return orders;
    }

    @Transactional
    public void settle(TransferOrder order, String bankReference) {
        if (transition(order.paymentId(), PaymentState.SENT, PaymentState.SETTLED, "bank_reference = ?, next_check_at = NULL", bankReference)) {
            outbox.append(new PaymentSettled(order.paymentId(), order.beneficiaryId(), order.programId(), order.amount(),
                    order.bankCode(), MaskedValues.lastFour(order.accountNumber()), bankReference, clock.instant(), order.cycleId()));
        }
    }

    @Transactional
    public void fail(TransferOrder order, String code, String reason) {
        if (transition(order.paymentId(), PaymentState.SENT, PaymentState.FAILED,
                "failure_code = ?, failure_reason = ?, next_check_at = NULL", code, reason)) {
            outbox.append(new PaymentFailed(order.paymentId(), order.beneficiaryId(), order.amount(), order.bankCode(),
                    MaskedValues.lastFour(order.accountNumber()), code, reason, clock.instant()));
        }
    }

    private boolean transition(UUID paymentId, PaymentState from, PaymentState to, String set, Object... values) {
        Object[] args = new Object[values.length + 4];
        args[0] = to.name();
        args[1] = Timestamp.from(clock.instant());
        System.arraycopy(values, 0, args, 2, values.length);
        args[values.length + 2] = paymentId.toString();
        args[values.length + 3] = from.name();
        return jdbc.update("UPDATE payment_intent SET state = ?, updated_at = ?, " + set
                + " WHERE payment_id = ? AND state = ?", args) == 1;
    }

    private static RowMapper<TransferOrder> order(boolean alreadySent) {
        return (rs, n) -> new TransferOrder(UUID.fromString(rs.getString("payment_id")), UUID.fromString(rs.getString("beneficiary_id")),
                rs.getString("program_id"), rs.getString("cycle_id"), rs.getLong("amount"), rs.getString("bank_code"), rs.getString("account_number"),
                rs.getString("account_holder_name"), alreadySent);
    }
}

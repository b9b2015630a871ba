package id.go.kemensos.returnee.disbursement.ledger;

import id.go.kemensos.returnee.contracts.MaskedValues;
import id.go.kemensos.returnee.contracts.disbursement.PaymentApproved;
import id.go.kemensos.returnee.contracts.disbursement.PaymentAwaitingBudget;
import id.go.kemensos.returnee.contracts.disbursement.PaymentFailed;
import id.go.kemensos.returnee.contracts.disbursement.PaymentScheduled;
import id.go.kemensos.returnee.contracts.disbursement.PaymentSent;
import id.go.kemensos.returnee.contracts.disbursement.PaymentSettled;
import id.go.kemensos.returnee.contracts.eligibility.DecisionOverridden;
import id.go.kemensos.returnee.contracts.eligibility.EligibilityDecided;
import id.go.kemensos.returnee.contracts.eligibility.Outcome;
import id.go.kemensos.returnee.contracts.registration.BankAccount;
import id.go.kemensos.returnee.disbursement.DisbursementProperties;
import id.go.kemensos.returnee.disbursement.budget.ProgramBudgets;
import id.go.kemensos.returnee.disbursement.payee.PayeeSeal;
import id.go.kemensos.returnee.messaging.IncomingEvent;
import id.go.kemensos.returnee.messaging.Outbox;
import id.go.kemensos.returnee.messaging.ProcessedEvents;
import id.go.kemensos.returnee.messaging.TimeOrderedIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The payment ledger. Every transition is a guarded UPDATE (from the expected state only) plus its outbox event, in one
 * transaction; the unique (program, cycle, beneficiary) key makes redelivered or repeated decisions schedule nothing new.
 */
@Service
public class PaymentLedger {

    static final String CONSUMER = "disbursement.eligibility-events";
    private static final Logger log = LoggerFactory.getLogger(PaymentLedger.class);

    /** Approved payments: to the account checked (sealed on the payment), or the payee's where no inquiry ran. */
    private static final String CLAIMABLE = """
            SELECT p.payment_id, p.beneficiary_id, p.program_id, p.cycle_id, p.amount, p.checked_account, y.personal_data
            FROM payment_intent p JOIN payee y ON y.beneficiary_id = p.beneficiary_id
            WHERE p.state = 'APPROVED'
            ORDER BY p.scheduled_at
            LIMIT ? FOR UPDATE SKIP LOCKED""";
    /** Sent payments: to the account they were sent to (sealed on the payment). */
    private static final String DUE_FOR_CHECK = """
            SELECT p.payment_id, p.beneficiary_id, p.program_id, p.cycle_id, p.amount, p.paid_account
            FROM payment_intent p
            WHERE p.state = 'SENT' AND p.next_check_at <= ?
            ORDER BY p.next_check_at
            LIMIT ? FOR UPDATE SKIP LOCKED""";

    private final ProcessedEvents processed;
    private final Outbox outbox;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final DisbursementProperties properties;
    private final ProgramBudgets budgets;
    private final PayeeSeal seal;

    PaymentLedger(ProcessedEvents processed, Outbox outbox, JdbcTemplate jdbc, Clock clock, DisbursementProperties properties,
                  ProgramBudgets budgets, PayeeSeal seal) {
        this.seal = seal;
        this.budgets = budgets;
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
        afterScheduling(new Scheduled(paymentId, decision.beneficiaryId(), decision.programId(), decision.cycleId(),
                decision.provinceCode(), decision.grantAmount()));
    }

    /**
     * A new intent waits for the bank's account inquiry (AccountVerifier), which approves it when the account is verified;
     * without an inquiry it counts as verified at once.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void afterScheduling(Scheduled payment) {
        if (!properties.accountInquiry().enabled()) {
            jdbc.update("UPDATE payment_intent SET account_check = 'VERIFIED' WHERE payment_id = ?", payment.paymentId().toString());
            approveIfAutomatic(payment);
        }
    }

    /** With automatic approval on and the amount under its limit, approves a verified payment within its budget. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void approveIfAutomatic(Scheduled payment) {
        DisbursementProperties.AutoApproval auto = properties.autoApproval();
        if (auto.covers(payment.programId(), payment.amount())) {
            approveWithinBudget(payment, "auto:below-" + auto.maxAmount());
        }
    }

    /** A scheduled payment, as approval and budgets see it. The fiscal year of its budget is its program year (cycle). */
    public record Scheduled(UUID paymentId, UUID beneficiaryId, String programId, String cycleId, String provinceCode, long amount) {
    }

    /**
     * Approves a scheduled payment if its budget has room: the reservation and the approval commit together. Otherwise the
     * payment stays SCHEDULED with the reason (PaymentAwaitingBudget, once per reason) until a ceiling allows it.
     *
     * @return whether it was approved
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean approveWithinBudget(Scheduled payment, String approvedBy) {
        Optional<String> refused = budgets.reserve(payment.programId(), payment.provinceCode(), payment.cycleId(), payment.amount());
        if (refused.isPresent()) {
            awaitBudget(payment, refused.get());
            return false;
        }
        approve(payment.paymentId(), payment.beneficiaryId(), payment.amount(), approvedBy, clock.instant());
        return true;
    }

    /** Records why a payment waits; the event is raised when the reason changes, not on every retry. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void awaitBudget(Scheduled payment, String reason) {
        int changed = jdbc.update("UPDATE payment_intent SET waiting_reason = ?, updated_at = ? WHERE payment_id = ? AND state = 'SCHEDULED' "
                + "AND (waiting_reason IS NULL OR waiting_reason <> ?)", reason, Timestamp.from(clock.instant()), payment.paymentId().toString(), reason);
        if (changed == 1) {
            outbox.append(new PaymentAwaitingBudget(payment.paymentId(), payment.beneficiaryId(), payment.amount(), payment.programId(),
                    payment.provinceCode(), payment.cycleId(), reason, clock.instant()));
            log.info("Payment {} waits for budget: {}", payment.paymentId(), reason);
        }
    }

    /** An approval inside a transaction that has already reserved the budget (a batch). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void approve(UUID paymentId, UUID beneficiaryId, long amount, String approvedBy, Instant now) {
        if (transition(paymentId, PaymentState.SCHEDULED, PaymentState.APPROVED, "approved_by = ?, waiting_reason = NULL", approvedBy)) {
            outbox.append(new PaymentApproved(paymentId, beneficiaryId, amount, approvedBy, now));
        }
    }

    /**
     * With automatic approval, payments that waited for a program's budget in a province and year are approved again in
     * scheduling order once a ceiling is raised, until the budget is used up.
     */
    @Transactional
    public int resumeAwaitingBudget(String programId, String provinceCode, String fiscalYear) {
        DisbursementProperties.AutoApproval auto = properties.autoApproval();
        if (!auto.covers(programId, 0)) {
            return 0; // with maker-checker the waiting payments go into the next batch an officer prepares
        }
        List<Scheduled> waiting = jdbc.query("""
                        SELECT payment_id, beneficiary_id, program_id, cycle_id, province_code, amount FROM payment_intent
                        WHERE program_id = ? AND province_code = ? AND cycle_id = ? AND state = 'SCHEDULED' AND batch_id IS NULL
                          AND account_check = 'VERIFIED' AND amount <= ? ORDER BY scheduled_at FOR UPDATE""", SCHEDULED_ROW, programId, provinceCode, fiscalYear, auto.maxAmount());
        int approved = 0;
        for (Scheduled payment : waiting) {
            if (!approveWithinBudget(payment, "auto:below-" + auto.maxAmount())) {
                break;
            }
            approved++;
        }
        return approved;
    }

    public static final RowMapper<Scheduled> SCHEDULED_ROW = (rs, n) -> new Scheduled(UUID.fromString(rs.getString("payment_id")),
            UUID.fromString(rs.getString("beneficiary_id")), rs.getString("program_id"), rs.getString("cycle_id"), rs.getString("province_code"),
            rs.getLong("amount"));

    /**
     * Claims approved payments whose payee is known, marks them SENT and returns them for the bank: to the account the
     * inquiry checked (the one approved), or, where no inquiry runs, to the payee's account now.
     */
    @Transactional
    public List<TransferOrder> claimForTransfer(int limit) {
        List<ClaimedPayment> claimed = jdbc.query(CLAIMABLE, (rs, n) -> new ClaimedPayment(UUID.fromString(rs.getString("payment_id")),
                UUID.fromString(rs.getString("beneficiary_id")), rs.getString("program_id"), rs.getString("cycle_id"), rs.getLong("amount"),
                rs.getString("checked_account"), rs.getString("personal_data")), limit);
        seal.loadKeys(claimed.stream().map(ClaimedPayment::beneficiaryId).toList());
        Instant now = clock.instant();
        Instant checkAt = now.plus(properties.dispatch().statusCheckDelay());
        List<TransferOrder> orders = new ArrayList<>();
        for (ClaimedPayment c : claimed) {
            Optional<BankAccount> account = c.checkedAccount() != null
                    ? seal.openAccount(c.beneficiaryId(), PayeeSeal.CHECKED_ACCOUNT, c.checkedAccount())
                    : seal.openPayee(c.beneficiaryId(), c.payee()).map(PayeeSeal.Payee::account);
            TransferOrder o = new TransferOrder(c.paymentId(), c.beneficiaryId(), c.programId(), c.cycleId(), c.amount(),
                    account.map(BankAccount::bankCode).orElse(null), account.map(BankAccount::accountNumber).orElse(null),
                    account.map(BankAccount::holderName).orElse(null), false);
            if (account.isEmpty()) {
                // Erased after approval: the account can no longer be read, so the money cannot go; the budget gets it back.
                transition(o.paymentId(), PaymentState.APPROVED, PaymentState.SENT, "next_check_at = NULL");
                fail(o, PERSONAL_DATA_ERASED, "Data pribadi penerima telah dihapus / the payee's personal data was erased");
                continue;
            }
            transition(o.paymentId(), PaymentState.APPROVED, PaymentState.SENT, "bank_code = ?, paid_account = ?, account_masked = ?, next_check_at = ?",
                    o.bankCode(), seal.account(o.beneficiaryId(), PayeeSeal.PAID_ACCOUNT, account.get()), account.get().maskedAccountNumber(),
                    Timestamp.from(checkAt));
            outbox.append(new PaymentSent(o.paymentId(), o.beneficiaryId(), o.amount(), o.bankCode(), account.get().maskedAccountNumber(), now));
            orders.add(o);
        }
        return orders;
    }

    /** A claimed approved payment, before its account is opened. */
    private record ClaimedPayment(UUID paymentId, UUID beneficiaryId, String programId, String cycleId, long amount, String checkedAccount,
                                  String payee) {
    }

    /** The failure code of a payment that could not go because its payee was erased. */
    public static final String PERSONAL_DATA_ERASED = "PERSONAL_DATA_ERASED";

    /** Sent payments without a final answer whose status check is due; they are pushed back so that no other pass takes them. */
    @Transactional
    public List<TransferOrder> claimDueForStatusCheck(int limit) {
        Instant now = clock.instant();
        List<TransferOrder> orders = jdbc.query(DUE_FOR_CHECK, (rs, n) -> sentOrder(rs), Timestamp.from(now), limit);
        for (TransferOrder o : orders) {
            jdbc.update("UPDATE payment_intent SET next_check_at = ?, status_checks = status_checks + 1 WHERE payment_id = ?",
                    Timestamp.from(now.plus(properties.dispatch().statusCheckDelay())), o.paymentId().toString());
        }
        return orders;
    }

    @Transactional
    public void settle(TransferOrder order, String bankReference) {
        if (transition(order.paymentId(), PaymentState.SENT, PaymentState.SETTLED, "bank_reference = ?, next_check_at = NULL, settled_at = ?",
                bankReference, Timestamp.from(clock.instant()))) {
            outbox.append(new PaymentSettled(order.paymentId(), order.beneficiaryId(), order.programId(), order.amount(),
                    order.bankCode(), MaskedValues.lastFour(order.accountNumber()), bankReference, clock.instant(), order.cycleId()));
        }
    }

    @Transactional
    public void fail(TransferOrder order, String code, String reason) {
        if (transition(order.paymentId(), PaymentState.SENT, PaymentState.FAILED,
                "failure_code = ?, failure_reason = ?, next_check_at = NULL", code, reason)) {
            // The money never left: its reservation goes back to the budget (a reissue reserves again).
            String province = jdbc.queryForObject("SELECT province_code FROM payment_intent WHERE payment_id = ?", String.class,
                    order.paymentId().toString());
            budgets.release(order.programId(), province, order.cycleId(), order.amount());
            outbox.append(new PaymentFailed(order.paymentId(), order.beneficiaryId(), order.amount(), order.bankCode(),
                    MaskedValues.lastFour(order.accountNumber()), code, reason, clock.instant()));
        }
    }

    /** A guarded state change: applies only from the expected state. */
    boolean transition(UUID paymentId, PaymentState from, PaymentState to, String set, Object... values) {
        Object[] args = new Object[values.length + 4];
        args[0] = to.name();
        args[1] = Timestamp.from(clock.instant());
        System.arraycopy(values, 0, args, 2, values.length);
        args[values.length + 2] = paymentId.toString();
        args[values.length + 3] = from.name();
        return jdbc.update("UPDATE payment_intent SET state = ?, updated_at = ?, " + set
                + " WHERE payment_id = ? AND state = ?", args) == 1;
    }

    /** A sent payment for its status check; its account reads as null once the payee was erased (a resend is then refused). */
    private TransferOrder sentOrder(ResultSet rs) throws SQLException {
        UUID beneficiaryId = UUID.fromString(rs.getString("beneficiary_id"));
        Optional<BankAccount> account = seal.openAccount(beneficiaryId, PayeeSeal.PAID_ACCOUNT, rs.getString("paid_account"));
        return new TransferOrder(UUID.fromString(rs.getString("payment_id")), beneficiaryId, rs.getString("program_id"), rs.getString("cycle_id"),
                rs.getLong("amount"), account.map(BankAccount::bankCode).orElse(null), account.map(BankAccount::accountNumber).orElse(null),
                account.map(BankAccount::holderName).orElse(null), true);
    }
}

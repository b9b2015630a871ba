package id.go.kemensos.returnee.disbursement.ledger;

import id.go.kemensos.returnee.contracts.disbursement.PaymentEvent;
import id.go.kemensos.returnee.contracts.eligibility.DecisionOverridden;
import id.go.kemensos.returnee.contracts.eligibility.EligibilityDecided;
import id.go.kemensos.returnee.contracts.eligibility.Outcome;
import id.go.kemensos.returnee.contracts.program.Program;
import id.go.kemensos.returnee.contracts.program.ProgramCatalogue;
import id.go.kemensos.returnee.contracts.registration.BankAccount;
import id.go.kemensos.returnee.disbursement.DisbursementProperties;
import id.go.kemensos.returnee.disbursement.bank.CashOrder;
import id.go.kemensos.returnee.disbursement.bank.PaymentOrder;
import id.go.kemensos.returnee.disbursement.bank.TransferOrder;
import id.go.kemensos.returnee.disbursement.bank.TransferOutcome;
import id.go.kemensos.returnee.disbursement.budget.ProgramBudgets;
import id.go.kemensos.returnee.disbursement.payee.PayeeProjection;
import id.go.kemensos.returnee.disbursement.payee.PayeeSeal;
import id.go.kemensos.returnee.disbursement.payment.DeclinedGrants;
import id.go.kemensos.returnee.disbursement.payment.Payment;
import id.go.kemensos.returnee.disbursement.payment.PaymentRepository;
import id.go.kemensos.returnee.messaging.Outbox;
import id.go.kemensos.returnee.messaging.TimeOrderedIds;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The payment ledger's orchestration: grants scheduled from eligible decisions, approval within budget, and the way to
 * the bank and back. The money rules are {@link Payment}'s; each step here loads payments, applies a transition, saves
 * them and appends the events the transition returned, in one transaction.
 */
@Service
public class PaymentLedger {

    static final String CONSUMER = "disbursement.eligibility-events";
    private static final Logger log = LoggerFactory.getLogger(PaymentLedger.class);

    private final Outbox outbox;
    private final PaymentRepository payments;
    private final Clock clock;
    private final DisbursementProperties properties;
    private final ProgramBudgets budgets;
    private final PayeeProjection payees;
    private final PayeeSeal seal;
    private final DeclinedGrants declines;
    private final ProgramCatalogue programs;

    PaymentLedger(
            Outbox outbox,
            PaymentRepository payments,
            Clock clock,
            DisbursementProperties properties,
            ProgramBudgets budgets,
            PayeeProjection payees,
            PayeeSeal seal,
            DeclinedGrants declines,
            ProgramCatalogue programs) {
        this.outbox = outbox;
        this.payments = payments;
        this.clock = clock;
        this.properties = properties;
        this.budgets = budgets;
        this.payees = payees;
        this.seal = seal;
        this.declines = declines;
        this.programs = programs;
    }

    /**
     * An eligible decision's grant is scheduled (once: the person's one live payment of the program year), unless the
     * person declined it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void onDecided(EligibilityDecided d) {
        if (d.outcome() == Outcome.ELIGIBLE && d.grantAmount() > 0) {
            schedule(
                    d.decisionId(),
                    d.beneficiaryId(),
                    d.programId(),
                    d.cycleId(),
                    d.grantAmount(),
                    d.provinceCode(),
                    d.regencyCode());
        }
    }

    /** An officer ruled a decision that needed review ELIGIBLE: the grant is scheduled as for any eligible decision. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void onOverridden(DecisionOverridden o) {
        if (o.outcome() == Outcome.ELIGIBLE && o.grantAmount() > 0) {
            schedule(
                    o.decisionId(),
                    o.beneficiaryId(),
                    o.programId(),
                    o.cycleId(),
                    o.grantAmount(),
                    o.provinceCode(),
                    o.regencyCode());
        }
    }

    private void schedule(
            UUID decisionId,
            UUID beneficiaryId,
            String programId,
            String cycleId,
            long amount,
            String provinceCode,
            String regencyCode) {
        if (declines.isDeclined(beneficiaryId, programId)) {
            log.info("Beneficiary {} declined the {} grant; nothing scheduled", beneficiaryId, programId);
            return;
        }
        Instant now = clock.instant();
        Payment.Created created = Payment.schedule(new Payment.Terms(
                TimeOrderedIds.next(),
                programId,
                cycleId,
                beneficiaryId,
                decisionId,
                amount,
                provinceCode,
                regencyCode,
                null,
                now));
        if (!enter(created)) {
            log.info(
                    "Beneficiary {} already has a payment for {} {}; nothing scheduled",
                    beneficiaryId,
                    programId,
                    cycleId);
        }
    }

    /**
     * Enters a new payment (a grant scheduled, or a reissue) in the ledger with the events of its creation. It waits for
     * the bank's account inquiry (AccountVerifier), which approves it when the account is verified; where no inquiry
     * runs, its account counts as verified at once and it is approved as automatic approval allows.
     *
     * @return false when the person already has a live payment of this program year (nothing entered)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean enter(Payment.Created created) {
        Payment payment = created.payment();
        boolean inquiry = properties.accountInquiry().enabled();
        if (!inquiry) {
            payment.verifyWithoutInquiry(payment.terms().scheduledAt());
        }
        if (!payments.insertIfAbsent(payment)) {
            return false;
        }
        outbox.appendAll(created.events());
        if (!inquiry) {
            approveIfAutomatic(payment);
        }
        return true;
    }

    /** With automatic approval on and the amount under its limit, approves a verified payment within its budget. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void approveIfAutomatic(Payment payment) {
        DisbursementProperties.AutoApproval auto = properties.autoApproval();
        if (auto.covers(payment.programId(), payment.amount())) {
            approveWithinBudget(payment, "auto:below-" + auto.maxAmount());
        }
    }

    /**
     * Approves a scheduled payment if its budget has room: the reservation and the approval commit together. Otherwise
     * the payment stays SCHEDULED with the reason until a ceiling allows it.
     *
     * @return empty when it was approved, else the shortfall it waits on
     */
    private Optional<ProgramBudgets.Shortfall> approveWithinBudget(Payment payment, String approvedBy) {
        Optional<ProgramBudgets.Shortfall> refused = budgets.reserve(payment);
        if (refused.isPresent()) {
            awaitBudget(payment, refused.get().reason());
            return refused;
        }
        approve(payment, approvedBy);
        return Optional.empty();
    }

    /** Records why a payment waits for budget (an event when the reason changes). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void awaitBudget(Payment payment, String reason) {
        List<PaymentEvent> events = payment.awaitBudget(reason, clock.instant());
        if (!events.isEmpty()) {
            payments.save(payment);
            outbox.appendAll(events);
            log.info("Payment {} waits for budget: {}", payment.paymentId(), reason);
        }
    }

    /** An approval inside a transaction that has already reserved the budget (a batch). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void approve(Payment payment, String approvedBy) {
        List<PaymentEvent> events = payment.approve(approvedBy, clock.instant());
        payments.save(payment);
        outbox.appendAll(events);
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
        int approved = 0;
        for (Payment payment : payments.lockAwaitingBudget(programId, provinceCode, fiscalYear, auto.maxAmount())) {
            Optional<ProgramBudgets.Shortfall> refused = approveWithinBudget(payment, "auto:below-" + auto.maxAmount());
            if (refused.isEmpty()) {
                approved++;
            } else if (refused.get().ofProvince()) {
                break; // the province's line is used up: nobody after this payment fits either
            }
        }
        return approved;
    }

    /** Whether a dispatch round may find payments to send or to ask about: a look without locks, outside a transaction. */
    public boolean anyToDispatch() {
        return payments.anyWaiting(PaymentRepository.Waiting.TRANSFERS, clock.instant());
    }

    /**
     * Claims approved payments, marks them SENT and returns them for the bank: to the account the inquiry checked (the
     * one approved), or, where no inquiry runs, to the payee's account now; a payee without an account is paid in cash
     * at a post office.
     */
    @Transactional
    public List<PaymentOrder> claimForTransfer(int limit) {
        List<Payment> claimed = payments.claimApproved(limit);
        if (claimed.isEmpty()) {
            return List.of();
        }
        seal.loadKeys(claimed.stream().map(Payment::beneficiaryId).toList());
        Map<UUID, PayeeProjection.OpenedPayee> payee = payees.open(claimed.stream()
                .filter(p -> p.checkedAccount() == null)
                .map(Payment::beneficiaryId)
                .toList());
        Instant now = clock.instant();
        Instant checkAt = now.plus(properties.dispatch().statusCheckDelay());
        List<PaymentOrder> orders = new ArrayList<>();
        List<PaymentEvent> events = new ArrayList<>();
        for (Payment p : claimed) {
            Optional<PayeeSeal.Payee> registered =
                    Optional.ofNullable(payee.get(p.beneficiaryId())).flatMap(PayeeProjection.OpenedPayee::opened);
            // Approved for cash, it is paid in cash, whatever account is given meanwhile (nobody has checked it); where
            // no check ran, a payee without an account is paid in cash too.
            if (p.isCash()
                    || (p.checkedAccount() == null
                            && registered.isPresent()
                            && registered.get().account() == null)) {
                events.addAll(p.sendAsCash(checkAt, now));
                orders.add(cashOrder(p, payee.get(p.beneficiaryId()), false));
                continue;
            }
            Optional<BankAccount> account = p.checkedAccount() != null
                    ? seal.openAccount(
                            p.beneficiaryId(),
                            PayeeSeal.CHECKED_ACCOUNT,
                            p.checkedAccount().sealedAccount())
                    : registered.map(PayeeSeal.Payee::account);
            if (account.isEmpty()) {
                // Erased after approval: the account can no longer be read, so the money cannot go; the budget gets it
                // back.
                events.addAll(p.failUnsendable(TransferOutcome.PERSONAL_DATA_ERASED, now));
                budgets.release(p);
                continue;
            }
            BankAccount to = account.get();
            events.addAll(p.send(
                    to.bankCode(),
                    seal.account(p.beneficiaryId(), PayeeSeal.PAID_ACCOUNT, to),
                    to.maskedAccountNumber(),
                    checkAt,
                    now));
            orders.add(new TransferOrder(
                    p.paymentId(),
                    p.beneficiaryId(),
                    p.programId(),
                    p.cycleId(),
                    p.amount(),
                    to.bankCode(),
                    to.accountNumber(),
                    to.holderName(),
                    false));
        }
        // Every claimed payment has moved on (sent, or failed unsendable): their rows in one batch.
        payments.saveAll(claimed);
        outbox.appendAll(events);
        return orders;
    }

    /** A payee erased opens empty: a remittance PT Pos never received cannot be sent, its status still answers. */
    private CashOrder cashOrder(Payment p, PayeeProjection.OpenedPayee registered, boolean alreadySent) {
        PayeeSeal.Payee payee = registered == null ? null : registered.opened().orElse(null);
        return new CashOrder(
                p.paymentId(),
                p.beneficiaryId(),
                p.programId(),
                p.amount(),
                payee == null ? null : payee.fullName(),
                payee == null ? null : payee.nikMasked(),
                p.terms().regencyCode(),
                programs.find(p.programId()).map(Program::cashClaimDays).orElse(Program.DEFAULT_CASH_CLAIM_DAYS),
                registered != null && !registered.kept().hasPhone(),
                alreadySent);
    }

    /**
     * Sent payments without a final answer whose status check is due; they are pushed back so that no other pass takes
     * them.
     */
    @Transactional
    public List<PaymentOrder> claimDueForStatusCheck(int limit) {
        Instant now = clock.instant();
        List<Payment> due = payments.claimDueForStatusCheck(now, limit);
        seal.loadKeys(due.stream().map(Payment::beneficiaryId).toList());
        Map<UUID, PayeeProjection.OpenedPayee> cashPayees = payees.open(
                due.stream().filter(Payment::isCash).map(Payment::beneficiaryId).toList());
        List<PaymentOrder> orders = new ArrayList<>();
        for (Payment p : due) {
            if (p.isCash()) {
                p.statusCheckDue(now.plus(
                        p.claimDeadline() == null
                                ? properties.dispatch().statusCheckDelay()
                                : properties.postOffice().statusCheckInterval()));
                orders.add(cashOrder(p, cashPayees.get(p.beneficiaryId()), true));
                continue;
            }
            p.statusCheckDue(now.plus(properties.dispatch().statusCheckDelay()));
            // Its account reads as null once the payee was erased: a resend is then refused, a status check still
            // answers.
            Optional<BankAccount> account =
                    seal.openAccount(p.beneficiaryId(), PayeeSeal.PAID_ACCOUNT, p.sealedPaidAccount());
            orders.add(new TransferOrder(
                    p.paymentId(),
                    p.beneficiaryId(),
                    p.programId(),
                    p.cycleId(),
                    p.amount(),
                    account.map(BankAccount::bankCode).orElse(null),
                    account.map(BankAccount::accountNumber).orElse(null),
                    account.map(BankAccount::holderName).orElse(null),
                    true));
        }
        payments.saveAll(due);
        return orders;
    }

    /**
     * The bank's answers of a dispatch round, in one transaction: a credited account settles its payment; a transfer
     * refused for good fails it, and as the money never left its reservation goes back to the budget. An answer for a
     * payment no longer SENT (answered already) changes nothing; an answer that is not final waits for the status check.
     */
    @Transactional
    public void record(Map<UUID, TransferOutcome> outcomes) {
        Instant now = clock.instant();
        List<Payment> answered = new ArrayList<>();
        List<PaymentEvent> events = new ArrayList<>();
        for (Payment p : payments.lockAll(outcomes.keySet())) {
            if (!p.isSent()) {
                continue;
            }
            TransferOutcome outcome = outcomes.get(p.paymentId());
            if (outcome instanceof TransferOutcome.Settled settled) {
                events.addAll(p.settle(settled.bankReference(), now));
            } else if (outcome instanceof TransferOutcome.Rejected rejected) {
                events.addAll(p.fail(rejected.code(), rejected.reason(), now));
                budgets.release(p);
            } else if (outcome instanceof TransferOutcome.CashIssued issued && p.isCash()) {
                events.addAll(p.cashIssued(
                        issued.posReference(),
                        issued.claimDeadline(),
                        seal.claimCode(p.beneficiaryId(), issued.claimCode()),
                        now.plus(properties.postOffice().statusCheckInterval()),
                        now));
            } else if (outcome instanceof TransferOutcome.CashExpired expired && p.isCash()) {
                events.addAll(p.expireUnclaimed(expired.posReference(), now));
                budgets.release(p);
            } else {
                continue;
            }
            answered.add(p);
        }
        payments.saveAll(answered);
        outbox.appendAll(events);
    }
}

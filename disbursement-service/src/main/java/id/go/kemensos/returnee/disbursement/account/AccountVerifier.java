package id.go.kemensos.returnee.disbursement.account;

import id.go.kemensos.returnee.contracts.disbursement.PaymentEvent;
import id.go.kemensos.returnee.contracts.program.ProgramCatalogue;
import id.go.kemensos.returnee.contracts.registration.AccountHolderNames;
import id.go.kemensos.returnee.contracts.registration.BankAccount;
import id.go.kemensos.returnee.disbursement.DisbursementProperties;
import id.go.kemensos.returnee.disbursement.bank.BankGatewayClient;
import id.go.kemensos.returnee.disbursement.ledger.PaymentLedger;
import id.go.kemensos.returnee.disbursement.payee.PayeeProjection;
import id.go.kemensos.returnee.disbursement.payee.PayeeSeal;
import id.go.kemensos.returnee.disbursement.payment.Payment;
import id.go.kemensos.returnee.disbursement.payment.PaymentRepository;
import id.go.kemensos.returnee.messaging.LockConflicts;
import id.go.kemensos.returnee.messaging.Outbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Asks the bank, before a payment can be approved, whose account it is going to: an open account whose holder is the
 * registered person is VERIFIED (and, with automatic approval, approved within budget); a closed or unknown account, or
 * another name, is a MISMATCH for a finance officer. A payee without an account has one opened by their program's bank
 * where it opens accounts in bulk ({@link CollectiveAccountOpener}), which is then asked about here like any other;
 * elsewhere they are paid in cash at a post office, with nothing to ask. The bank is called outside any transaction; a payment whose check
 * was cut short by a crash is checked again after a minute.
 */
@Component
class AccountVerifier implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AccountVerifier.class);
    private static final Duration ABANDONED = Duration.ofMinutes(1);
    /**
     * How long an unanswered inquiry waits before it is asked again: not every 0.2 s round while the bank is down, and
     * not so long that a bank failing now and then holds payments up (PaidExactlyOnceIT: half of 40 paid within 30 s
     * at 30% faults failed with 10 s).
     */
    private static final Duration UNANSWERED_PAUSE = Duration.ofSeconds(2);

    private static final int BATCH = 200;

    /** A payment whose account is being asked about, with its payee as registered (opened). */
    record Check(UUID paymentId, UUID beneficiaryId, int accountVersion, PayeeSeal.Payee payee) {

        BankAccount account() {
            return payee.account();
        }
    }

    private final PaymentRepository payments;
    private final PayeeProjection payees;
    private final PayeeSeal seal;
    private final TransactionTemplate tx;
    private final BankGatewayClient bank;
    private final PaymentLedger ledger;
    private final Outbox outbox;
    private final Clock clock;
    private final DisbursementProperties properties;
    private final AccountHolderNames names;
    private final ProgramCatalogue programs;
    private final ExecutorService calls;

    AccountVerifier(
            PaymentRepository payments,
            PayeeProjection payees,
            PayeeSeal seal,
            TransactionTemplate tx,
            BankGatewayClient bank,
            PaymentLedger ledger,
            Outbox outbox,
            Clock clock,
            DisbursementProperties properties,
            ProgramCatalogue programs) {
        this.programs = programs;
        this.payments = payments;
        this.payees = payees;
        this.seal = seal;
        this.tx = tx;
        this.bank = bank;
        this.ledger = ledger;
        this.outbox = outbox;
        this.clock = clock;
        this.properties = properties;
        this.names = AccountHolderNames.STANDARD; // the rule eligibility applies too
        this.calls = Executors.newFixedThreadPool(properties.dispatch().parallelCalls());
    }

    /**
     * Inquiries run in parallel, as transfers do: one slow bank answer must not hold up the others. Their answers are
     * recorded together, in one transaction; should that fail for good, the checks are taken up again as abandoned.
     */
    @Scheduled(fixedDelayString = "${disbursement.dispatch.interval}")
    void verifyPending() {
        if (!payments.anyWaiting(PaymentRepository.Waiting.ACCOUNT_CHECKS, clock.instant())) {
            return;
        }
        List<Check> checks = claim();
        if (checks.isEmpty()) {
            return;
        }
        Map<Check, BankGatewayClient.AccountInquiry> answers = new ConcurrentHashMap<>();
        CompletableFuture.allOf(checks.stream()
                        .map(check -> CompletableFuture.runAsync(() -> answers.put(check, answerOf(check)), calls))
                        .toArray(CompletableFuture[]::new))
                .join();
        LockConflicts.retry(
                "account checks of " + answers.size() + " payments",
                () -> tx.executeWithoutResult(status -> recordAll(answers)));
    }

    /** An unexpected failure of one inquiry leaves that payment to be asked again, not the round unrecorded. */
    private BankGatewayClient.AccountInquiry answerOf(Check check) {
        try {
            return bank.inquire(
                    check.paymentId().toString(),
                    check.account().bankCode(),
                    check.account().accountNumber());
        } catch (RuntimeException e) {
            return new BankGatewayClient.AccountInquiry.Unknown(e.getClass().getSimpleName());
        }
    }

    private void recordAll(Map<Check, BankGatewayClient.AccountInquiry> answers) {
        Map<UUID, Payment> locked = new HashMap<>();
        payments.lockAll(answers.keySet().stream().map(Check::paymentId).toList())
                .forEach(p -> locked.put(p.paymentId(), p));
        List<Payment> recorded = new ArrayList<>();
        List<Payment> verified = new ArrayList<>();
        answers.forEach((check, answer) -> {
            Payment payment = locked.get(check.paymentId());
            // Not awaiting: the payee's account changed meanwhile, and the check starts again.
            if (payment != null && payment.awaitsAccountAnswer()) {
                if (record(check, answer, payment)) {
                    verified.add(payment);
                }
                recorded.add(payment);
            }
        });
        // The round's answers in one batch of rows, then the approvals the verified accounts allow.
        payments.saveAll(recorded);
        verified.forEach(ledger::approveIfAutomatic);
        // One line a round, not one a payment: a bank that is down would otherwise fill the log.
        List<String> unanswered = answers.values().stream()
                .filter(BankGatewayClient.AccountInquiry.Unknown.class::isInstance)
                .map(answer -> ((BankGatewayClient.AccountInquiry.Unknown) answer).reason())
                .toList();
        if (!unanswered.isEmpty()) {
            log.warn(
                    "Account inquiries of {} of {} payments unanswered (first: {}); asked again in {} s",
                    unanswered.size(),
                    answers.size(),
                    unanswered.get(0),
                    UNANSWERED_PAUSE.toSeconds());
        }
    }

    @Override
    public void close() {
        calls.shutdown();
    }

    /**
     * Marks a batch of pending checks CHECKING (so that a second pass does not take them) and returns them. A payment
     * whose payee was erased cannot be checked or paid: it is marked a MISMATCH for finance to see.
     */
    private List<Check> claim() {
        return tx.execute(status -> {
            Instant now = clock.instant();
            List<Payment> claimed =
                    payments.claimAccountChecks(now.minus(ABANDONED), now.minus(UNANSWERED_PAUSE), BATCH);
            List<UUID> people = claimed.stream().map(Payment::beneficiaryId).toList();
            Map<UUID, PayeeProjection.OpenedPayee> payee = payees.open(people);
            List<Check> checks = new ArrayList<>();
            List<Payment> changed = new ArrayList<>();
            List<Payment> cash = new ArrayList<>();
            for (Payment p : claimed) {
                PayeeProjection.OpenedPayee registered = payee.get(p.beneficiaryId());
                if (registered == null) {
                    continue; // its registration has not reached this service yet
                }
                if (registered.opened().isEmpty()) {
                    p.holdUnreadableAccount(now);
                } else if (registered.opened().get().account() == null) {
                    PayeeSeal.Payee person = registered.opened().get();
                    Optional<BankAccount> opened = p.sealedOpenedAccount() == null
                            ? Optional.empty()
                            : seal.openAccount(p.beneficiaryId(), PayeeSeal.OPENED_ACCOUNT, p.sealedOpenedAccount());
                    if (opened.isPresent()) {
                        // The account a bank opened for them: asked about as any account, in their registered name.
                        p.startAccountCheck(now);
                        checks.add(new Check(
                                p.paymentId(),
                                p.beneficiaryId(),
                                registered.kept().accountVersion(),
                                new PayeeSeal.Payee(person.fullName(), opened.get(), person.nikMasked())));
                    } else {
                        Optional<String> openingBank = programs.find(p.programId())
                                .flatMap(program ->
                                        program.collectiveAccountBank(p.terms().regencyCode()));
                        if (openingBank.isPresent()) {
                            outbox.appendAll(p.awaitCollectiveAccount(openingBank.get(), now));
                        } else {
                            // No account to ask about: the cash will wait at a post office.
                            outbox.appendAll(p.payInCash(now));
                            cash.add(p);
                        }
                    }
                } else {
                    p.startAccountCheck(now);
                    checks.add(new Check(
                            p.paymentId(),
                            p.beneficiaryId(),
                            registered.kept().accountVersion(),
                            registered.opened().get()));
                }
                changed.add(p);
            }
            payments.saveAll(changed);
            cash.forEach(ledger::approveIfAutomatic);
            return checks;
        });
    }

    /**
     * Records a bank's answer on the payment (saved by the caller, with the round's others) and its events.
     *
     * @return whether the account was verified
     */
    private boolean record(Check check, BankGatewayClient.AccountInquiry answer, Payment payment) {
        Instant now = clock.instant();
        if (answer instanceof BankGatewayClient.AccountInquiry.Unknown unknown) {
            payment.accountCheckUnanswered(now);
            log.debug("Account inquiry for payment {} unanswered ({})", check.paymentId(), unknown.reason());
            return false;
        }
        String seen = null;
        boolean verified;
        String detail;
        double score = 0;
        if (answer instanceof BankGatewayClient.AccountInquiry.Holder holder) {
            seen = holder.name();
            AccountHolderNames.Comparison comparison =
                    names.compare(holder.name(), check.payee().fullName());
            score = comparison.score();
            verified = comparison.matches();
            // The names themselves are shown to finance from the sealed fields, never written into the detail or its
            // event.
            detail = verified
                    ? null
                    : "Nama pemilik rekening di bank tidak sesuai nama terdaftar / "
                            + "the bank's account holder does not match the registered name (score "
                            + String.format(Locale.ROOT, "%.2f", score) + ")";
        } else {
            BankGatewayClient.AccountInquiry.Refused refused = (BankGatewayClient.AccountInquiry.Refused) answer;
            verified = false;
            detail = "Rekening ditolak bank: " + refused.reason() + " / the bank refused the account (" + refused.code()
                    + ")";
        }
        // The account checked is the account paid: kept on the payment, so that a later amendment cannot redirect it
        // unchecked.
        BankAccount account = check.account();
        List<PaymentEvent> checked = payment.recordAccountCheck(
                verified,
                new Payment.CheckedAccount(
                        account.bankCode(),
                        seal.account(check.beneficiaryId(), PayeeSeal.CHECKED_ACCOUNT, account),
                        check.accountVersion()),
                account.maskedAccountNumber(),
                seen == null ? null : seal.holderSeen(check.beneficiaryId(), seen),
                score,
                detail,
                now);
        outbox.appendAll(checked);
        if (!verified) {
            log.info("Payment {} held: account {} {}", check.paymentId(), account.maskedAccountNumber(), detail);
        }
        return verified;
    }
}

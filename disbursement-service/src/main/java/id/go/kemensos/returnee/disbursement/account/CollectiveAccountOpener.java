package id.go.kemensos.returnee.disbursement.account;

import id.go.kemensos.returnee.contracts.registration.BankAccount;
import id.go.kemensos.returnee.disbursement.DisbursementProperties;
import id.go.kemensos.returnee.disbursement.bank.BankGatewayClient;
import id.go.kemensos.returnee.disbursement.bank.BankGatewayClient.OpeningStatus;
import id.go.kemensos.returnee.disbursement.ledger.PaymentLedger;
import id.go.kemensos.returnee.disbursement.payee.PayeeProjection;
import id.go.kemensos.returnee.disbursement.payee.PayeeSeal;
import id.go.kemensos.returnee.disbursement.payment.Payment;
import id.go.kemensos.returnee.disbursement.payment.PaymentRepository;
import id.go.kemensos.returnee.messaging.LockConflicts;
import id.go.kemensos.returnee.messaging.Outbox;
import id.go.kemensos.returnee.messaging.TimeOrderedIds;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Has a bank open accounts in bulk (rekening kolektif) for payees without one, where their program says so. Payments
 * waiting in OPENING are put into a request per bank, its reference committed before the bank is called; the request
 * is then only ever asked about, and sent (again, under the same reference, which the bank takes once) when the bank
 * says it never had it. An opened account is sealed on the payment and checked by {@link AccountVerifier} like any
 * other; a person the bank could not open an account for collects the grant at a post office.
 */
@Component
class CollectiveAccountOpener {

    private static final Logger log = LoggerFactory.getLogger(CollectiveAccountOpener.class);

    private final PaymentRepository payments;
    private final PayeeProjection payees;
    private final PayeeSeal seal;
    private final BankGatewayClient bank;
    private final PaymentLedger ledger;
    private final Outbox outbox;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final DisbursementProperties.CollectiveAccounts settings;

    CollectiveAccountOpener(
            PaymentRepository payments,
            PayeeProjection payees,
            PayeeSeal seal,
            BankGatewayClient bank,
            PaymentLedger ledger,
            Outbox outbox,
            TransactionTemplate tx,
            Clock clock,
            DisbursementProperties properties) {
        this.payments = payments;
        this.payees = payees;
        this.seal = seal;
        this.bank = bank;
        this.ledger = ledger;
        this.outbox = outbox;
        this.tx = tx;
        this.clock = clock;
        this.settings = properties.collectiveAccounts();
    }

    /** A request carried by payments of one bank, with what the bank needs to know of each person. */
    private record Request(String reference, String bankCode, List<BankGatewayClient.Applicant> applicants) {}

    @Scheduled(fixedDelayString = "${disbursement.dispatch.interval}")
    void open() {
        if (!payments.anyWaiting(PaymentRepository.Waiting.OPENINGS, clock.instant())) {
            return;
        }
        LockConflicts.retry("collective opening requests", this::formRequests);
        for (Request request : dueRequests()) {
            OpeningStatus status = bank.openingStatus(request.reference());
            if (status instanceof OpeningStatus.NotReceived) {
                if (request.applicants().isEmpty()) {
                    continue; // nobody in it can be named any more (erased): held, nothing to send
                }
                boolean taken = bank.requestAccounts(request.reference(), request.bankCode(), request.applicants());
                log.info(
                        "Collective opening request {} for {} people sent to bank {}{}",
                        request.reference(),
                        request.applicants().size(),
                        request.bankCode(),
                        taken ? "" : " (not taken yet; asked again later)");
            } else if (status instanceof OpeningStatus.Answered answered) {
                LockConflicts.retry(
                        "answers to opening request " + request.reference(),
                        () -> tx.executeWithoutResult(s -> record(
                                request.reference(),
                                answered.forEvery(request.applicants().stream()
                                        .map(BankGatewayClient.Applicant::paymentId)
                                        .toList()))));
            } else if (status instanceof OpeningStatus.Unknown unknown) {
                log.warn(
                        "Collective opening request {} unanswered ({}); asked again later",
                        request.reference(),
                        unknown.reason());
            }
        }
    }

    /** Puts the payments no request carries yet into one request per bank (committed before any bank call). */
    private void formRequests() {
        tx.executeWithoutResult(status -> {
            Instant now = clock.instant();
            List<Payment> waiting = payments.claimUnrequestedOpenings(settings.requestSize());
            if (waiting.isEmpty()) {
                return;
            }
            waiting.stream()
                    .collect(Collectors.groupingBy(Payment::openingBankCode, LinkedHashMap::new, Collectors.toList()))
                    .forEach((bankCode, ofBank) -> {
                        String reference = TimeOrderedIds.next().toString();
                        ofBank.forEach(p -> p.collectiveAccountRequested(reference, now, now));
                        log.info(
                                "{} people without an account put in opening request {} to bank {}",
                                ofBank.size(),
                                reference,
                                bankCode);
                    });
            payments.saveAll(waiting);
        });
    }

    /**
     * The requests whose status is due, pushed back by the status interval so that no other pass asks too, each with
     * its applicants as registered (a payee erased meanwhile is held, as the account verifier holds one). Only whole
     * requests: a request is sent with, and its final answer read against, every payment it carries, so one this pass
     * claimed only part of (the claim's limit, or rows another pass holds) waits for a later pass.
     */
    private List<Request> dueRequests() {
        return tx.execute(status -> {
            Instant now = clock.instant();
            List<Payment> claimed = payments.claimOpeningsDue(now, settings.requestSize());
            Map<String, Integer> carried = payments.countAwaitingOpening(
                    claimed.stream().map(Payment::openingReference).collect(Collectors.toSet()));
            Map<String, Long> claimedPerRequest =
                    claimed.stream().collect(Collectors.groupingBy(Payment::openingReference, Collectors.counting()));
            // A request larger than a pass can claim (the request size lowered since it was formed) goes as claimed;
            // the final answer then refuses the rest, who are paid at a post office rather than wait for ever.
            boolean oneRequestFillsThePass = claimedPerRequest.size() == 1 && claimed.size() >= settings.requestSize();
            List<Payment> due = claimed.stream()
                    .filter(p -> oneRequestFillsThePass
                            || claimedPerRequest.get(p.openingReference())
                                    >= carried.getOrDefault(p.openingReference(), 0))
                    .toList();
            if (due.isEmpty()) {
                return List.of();
            }
            Map<UUID, PayeeProjection.OpenedPayee> payee =
                    payees.open(due.stream().map(Payment::beneficiaryId).toList());
            Map<String, Request> requests = new LinkedHashMap<>();
            for (Payment p : due) {
                Request request = requests.computeIfAbsent(
                        p.openingReference(), ref -> new Request(ref, p.openingBankCode(), new ArrayList<>()));
                PayeeProjection.OpenedPayee registered = payee.get(p.beneficiaryId());
                if (registered == null || registered.opened().isEmpty()) {
                    p.holdUnreadableAccount(now);
                    continue;
                }
                p.openingStatusDue(now.plus(settings.statusInterval()));
                PayeeSeal.Payee person = registered.opened().get();
                request.applicants()
                        .add(new BankGatewayClient.Applicant(
                                p.paymentId(),
                                person.fullName(),
                                person.nikMasked(),
                                p.terms().regencyCode()));
            }
            payments.saveAll(due);
            return List.copyOf(requests.values());
        });
    }

    /** The bank's answers: each opened account sealed on its payment, to be checked; each refusal to the post office. */
    private void record(String reference, Map<UUID, BankGatewayClient.OpeningAnswer> answers) {
        Instant now = clock.instant();
        List<Payment> changed = new ArrayList<>();
        List<Payment> cash = new ArrayList<>();
        for (Payment p : payments.lockAll(answers.keySet())) {
            BankGatewayClient.OpeningAnswer answer = answers.get(p.paymentId());
            if (!p.awaitsOpenedAccount() || !reference.equals(p.openingReference())) {
                continue; // the person gave an account of their own meanwhile, or an earlier answer was recorded
            }
            if (answer.opened()) {
                BankAccount account = new BankAccount(p.openingBankCode(), answer.accountNumber(), answer.holderName());
                outbox.appendAll(p.collectiveAccountOpened(
                        seal.account(p.beneficiaryId(), PayeeSeal.OPENED_ACCOUNT, account),
                        account.maskedAccountNumber(),
                        now));
            } else {
                outbox.appendAll(p.collectiveAccountRefused(answer.refusal(), now));
                cash.add(p);
            }
            changed.add(p);
        }
        payments.saveAll(changed);
        cash.forEach(ledger::approveIfAutomatic);
        log.info(
                "Opening request {}: {} accounts opened, {} refused (paid at a post office)",
                reference,
                changed.size() - cash.size(),
                cash.size());
    }
}

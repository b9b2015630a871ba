package id.go.kemensos.returnee.disbursement.account;

import com.fasterxml.jackson.annotation.JsonProperty;
import id.go.kemensos.returnee.contracts.disbursement.PaymentEvent;
import id.go.kemensos.returnee.contracts.registration.BankAccount;
import id.go.kemensos.returnee.disbursement.ledger.PaymentLedger;
import id.go.kemensos.returnee.disbursement.payee.PayeeProjection;
import id.go.kemensos.returnee.disbursement.payee.PayeeSeal;
import id.go.kemensos.returnee.disbursement.payment.Payment;
import id.go.kemensos.returnee.disbursement.payment.PaymentRepository;
import id.go.kemensos.returnee.disbursement.payment.PaymentState;
import id.go.kemensos.returnee.messaging.Outbox;
import id.go.kemensos.returnee.security.Refusal;
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
import org.springframework.transaction.annotation.Transactional;

/**
 * Payments whose account the bank could not confirm as the registered person's. A finance officer who has seen proof (a
 * joint account, a bank's spelling) accepts the account, with a reason; otherwise the returnee's account is amended at
 * registration, and the payment is checked again against the new one.
 */
@Service
public class AccountReviews {

    private static final Logger log = LoggerFactory.getLogger(AccountReviews.class);

    private final PaymentRepository payments;
    private final PayeeProjection payees;
    private final PayeeSeal seal;
    private final PaymentLedger ledger;
    private final Outbox outbox;
    private final Clock clock;

    AccountReviews(
            PaymentRepository payments,
            PayeeProjection payees,
            PayeeSeal seal,
            PaymentLedger ledger,
            Outbox outbox,
            Clock clock) {
        this.payments = payments;
        this.payees = payees;
        this.seal = seal;
        this.ledger = ledger;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** A payment held for review, with the two names to compare; an erased payee's read as null. */
    public record AccountReview(
            @JsonProperty("payment_id") UUID paymentId,
            @JsonProperty("beneficiary_id") UUID beneficiaryId,
            @JsonProperty("program_id") String programId,
            @JsonProperty("cycle_id") String cycleId,
            long amount,
            @JsonProperty("regency_code") String regencyCode,
            @JsonProperty("bank_code") String bankCode,
            @JsonProperty("account_number_masked") String accountNumberMasked,
            @JsonProperty("registered_name") String registeredName,
            @JsonProperty("account_holder_seen") String accountHolderSeen,
            @JsonProperty("account_check_detail") String detail,
            @JsonProperty("account_checked_at") Instant checkedAt) {}

    /**
     * Payments held for a finance officer's review, with the two names to compare (the registered one and the bank's),
     * opened from their sealed fields.
     */
    public List<AccountReview> pending(String provinceCode) { // null: every province
        List<Payment> held = payments.awaitingAccountReview(provinceCode);
        List<UUID> people = held.stream().map(Payment::beneficiaryId).toList();
        Map<UUID, PayeeProjection.OpenedPayee> payee = payees.open(people);
        List<AccountReview> shown = new ArrayList<>();
        for (Payment p : held) {
            UUID person = p.beneficiaryId();
            Optional<PayeeProjection.OpenedPayee> registered = Optional.ofNullable(payee.get(person));
            Optional<PayeeSeal.Payee> opened = registered.flatMap(PayeeProjection.OpenedPayee::opened);
            String bankCode = PayeeProjection.bankOf(
                    p, registered.map(PayeeProjection.OpenedPayee::kept).orElse(null));
            shown.add(new AccountReview(
                    p.paymentId(),
                    person,
                    p.programId(),
                    p.cycleId(),
                    p.amount(),
                    p.terms().regencyCode(),
                    bankCode,
                    p.accountMasked() != null
                            ? p.accountMasked()
                            : opened.map(PayeeSeal.Payee::account)
                                    .map(BankAccount::maskedAccountNumber)
                                    .orElse(null),
                    opened.map(PayeeSeal.Payee::fullName).orElse(null),
                    p.sealedHolderSeen() == null
                            ? null
                            : seal.openHolderSeen(person, p.sealedHolderSeen()).orElse(null),
                    p.accountCheckDetail(),
                    p.accountCheckedAt()));
        }
        return shown;
    }

    @Transactional
    public void accept(UUID paymentId, String officer, String reason) {
        Payment payment = payments.lock(paymentId)
                .filter(p -> p.state() == PaymentState.SCHEDULED)
                .orElseThrow(() -> Refusal.notFound(
                        "Tidak ada pembayaran terjadwal " + paymentId + " / no scheduled payment " + paymentId));
        List<PaymentEvent> accepted = payment.acceptAccount(officer, reason, clock.instant());
        payments.save(payment);
        outbox.appendAll(accepted);
        ledger.approveIfAutomatic(payment);
        log.info("Account of payment {} accepted by {}", paymentId, officer);
    }
}

package id.go.kemensos.returnee.disbursement.ledger;

import id.go.kemensos.returnee.contracts.disbursement.PaymentEvent;
import id.go.kemensos.returnee.disbursement.budget.ProgramBudgets;
import id.go.kemensos.returnee.disbursement.payment.DeclinedGrants;
import id.go.kemensos.returnee.disbursement.payment.Payment;
import id.go.kemensos.returnee.disbursement.payment.PaymentRepository;
import id.go.kemensos.returnee.disbursement.payment.PaymentState;
import id.go.kemensos.returnee.messaging.Outbox;
import id.go.kemensos.returnee.messaging.TimeOrderedIds;
import id.go.kemensos.returnee.security.Refusal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** After the bank: credits that came back (from reconciliation) and replacements for failed or returned payments. */
@Service
public class PaymentReturns {

    private static final Logger log = LoggerFactory.getLogger(PaymentReturns.class);

    private final PaymentLedger ledger;
    private final PaymentRepository payments;
    private final ProgramBudgets budgets;
    private final Outbox outbox;
    private final Clock clock;
    private final DeclinedGrants declines;

    PaymentReturns(
            PaymentLedger ledger,
            PaymentRepository payments,
            ProgramBudgets budgets,
            Outbox outbox,
            Clock clock,
            DeclinedGrants declines) {
        this.declines = declines;
        this.ledger = ledger;
        this.payments = payments;
        this.budgets = budgets;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * The statement shows a settled credit came back: the payment is RETURNED and its amount goes back to the budget.
     *
     * @return false when the payment was not settled (already returned, say)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean markReturned(UUID paymentId, String bankReference, UUID reconciliationId) {
        Optional<Payment> settled = payments.lock(paymentId).filter(p -> p.state() == PaymentState.SETTLED);
        if (settled.isEmpty()) {
            return false;
        }
        Payment payment = settled.get();
        List<PaymentEvent> returned = payment.markReturned(bankReference, reconciliationId, clock.instant());
        budgets.release(payment);
        payments.save(payment);
        outbox.appendAll(returned);
        log.info("Payment {} returned by the bank (reconciliation {})", paymentId, reconciliationId);
        return true;
    }

    /**
     * Replaces a FAILED or RETURNED payment with a new one for the same person, program year and amount, paid to the
     * payee's account as it is now (after an amendment, typically), checked and approved like any other.
     */
    @Transactional
    public UUID reissue(UUID paymentId, String requestedBy, String reason) {
        Payment old = payments.lock(paymentId)
                .orElseThrow(() -> Refusal.notFound("Pembayaran tidak ditemukan / no such payment: " + paymentId));
        if (declines.isDeclined(old.beneficiaryId(), old.programId())) {
            throw Refusal.conflict("Penerima telah menolak bantuan ini; pembayaran tidak diterbitkan ulang / the person"
                    + " declined this grant; the payment is not reissued");
        }
        Instant now = clock.instant();
        Payment.Created replacement = old.reissue(TimeOrderedIds.next(), requestedBy, reason, now);
        payments.save(old); // first: it leaves the person's one live slot to its replacement
        if (!ledger.enter(replacement)) { // the old one left its slot above, inside this transaction
            throw new IllegalStateException("Beneficiary " + old.beneficiaryId() + " has another live payment for "
                    + old.programId() + " " + old.cycleId() + "; payment " + paymentId + " not reissued");
        }
        log.info(
                "Payment {} reissued as {} by {}",
                paymentId,
                replacement.payment().paymentId(),
                requestedBy);
        return replacement.payment().paymentId();
    }
}

package id.go.kemensos.returnee.disbursement.decline;

import id.go.kemensos.returnee.contracts.casework.GrantDeclined;
import id.go.kemensos.returnee.disbursement.batch.PaymentBatches;
import id.go.kemensos.returnee.disbursement.budget.ProgramBudgets;
import id.go.kemensos.returnee.disbursement.payment.DeclinedGrants;
import id.go.kemensos.returnee.disbursement.payment.Payment;
import id.go.kemensos.returnee.disbursement.payment.PaymentRepository;
import id.go.kemensos.returnee.disbursement.payment.PaymentState;
import id.go.kemensos.returnee.messaging.Outbox;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A grant the person declined is not paid. The decline is kept, so that a decision that comes after it schedules
 * nothing (the two arrive on different topics, in either order), and the person's payment of the program that has not
 * gone to the bank yet is CANCELLED: its reservation goes back to the budget and it leaves the maker's batch it waited
 * in. One already sent cannot be called back; the on-call and the case worker see it in the log.
 */
@Service
class GrantCancellation {

    static final String CONSUMER = "disbursement.case-events";
    private static final Logger log = LoggerFactory.getLogger(GrantCancellation.class);
    static final String DECLINED = "Ditolak penerima (bantuan tidak diinginkan) / the person declined the grant";

    private final DeclinedGrants declines;
    private final PaymentRepository payments;
    private final PaymentBatches batches;
    private final ProgramBudgets budgets;
    private final Outbox outbox;
    private final Clock clock;

    GrantCancellation(
            DeclinedGrants declines,
            PaymentRepository payments,
            PaymentBatches batches,
            ProgramBudgets budgets,
            Outbox outbox,
            Clock clock) {
        this.declines = declines;
        this.payments = payments;
        this.batches = batches;
        this.budgets = budgets;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void onGrantDeclined(GrantDeclined declined) {
        declines.record(declined);
        for (Payment seen : payments.unsent(declined.beneficiaryId(), declined.programId())) {
            if (seen.batchId() != null) {
                batches.lockForPaymentChange(seen.batchId()); // the batch before its payment, as approval locks them
            }
            Payment payment = payments.lock(seen.paymentId()).orElseThrow();
            if (payment.state() != PaymentState.SCHEDULED && payment.state() != PaymentState.APPROVED) {
                log.warn(
                        "Payment {} was sent before the grant was declined; it cannot be stopped", payment.paymentId());
                continue;
            }
            if (payment.batchId() != null && !payment.batchId().equals(seen.batchId())) {
                batches.lockForPaymentChange(payment.batchId()); // batched meanwhile: its batch row is new, not locked
            }
            boolean heldBudget = payment.holdsBudget();
            boolean inPreparedBatch = payment.state() == PaymentState.SCHEDULED && payment.batchId() != null;
            var events = payment.cancel(DECLINED, declined.offerId(), clock.instant());
            if (heldBudget) {
                budgets.release(payment);
            }
            if (inPreparedBatch) {
                batches.withdraw(payment.batchId(), payment.amount());
            }
            payments.save(payment);
            outbox.appendAll(events);
            log.info("Payment {} cancelled: the person declined the grant", payment.paymentId());
        }
    }
}

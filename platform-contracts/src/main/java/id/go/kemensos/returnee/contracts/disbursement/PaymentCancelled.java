package id.go.kemensos.returnee.contracts.disbursement;

import id.go.kemensos.returnee.contracts.EventType;
import java.time.Instant;
import java.util.UUID;

/**
 * A payment stopped before it went to the bank, because the person declined the grant: no money moved. What it had
 * reserved of its budget ({@code releasedBudget}, zero if nothing) is given back; one waiting in a maker's batch
 * leaves it ({@code withdrawnFromBatch}, else null), whose count and total shrink. It stays the person's payment of
 * the program year, so none is scheduled again.
 */
public record PaymentCancelled(
        UUID paymentId,
        UUID beneficiaryId,
        String programId,
        String cycleId,
        long amount,
        String previousState,
        UUID withdrawnFromBatch,
        long releasedBudget,
        String reason,
        UUID offerId,
        Instant cancelledAt)
        implements PaymentEvent {

    public static final EventType EVENT_TYPE = EventType.of(DisbursementTopics.AGGREGATE, PaymentCancelled.class, 1);
}

package id.go.kemensos.returnee.contracts.disbursement;

import id.go.kemensos.returnee.contracts.EventType;
import java.time.Instant;
import java.util.UUID;

/**
 * The bank statement shows a settled transfer came back (closed or wrong account). The payment can be reissued.
 *
 * <p>{@code programId} is null in records written before it was added, when every payment was the stimulant grant's.
 */
public record PaymentReturned(
        UUID paymentId,
        UUID beneficiaryId,
        long amount,
        String bankReference,
        UUID reconciliationId,
        Instant returnedAt,
        String programId)
        implements PaymentEvent {

    public static final EventType EVENT_TYPE = EventType.of(DisbursementTopics.AGGREGATE, PaymentReturned.class, 1);
}

package id.go.kemensos.returnee.contracts.disbursement;

import id.go.kemensos.returnee.contracts.EventType;
import java.time.Instant;
import java.util.UUID;

/**
 * The bank refused the transfer for good (for example an unknown or closed account).
 *
 * <p>{@code programId} is null in records written before it was added, when every payment was the stimulant grant's.
 */
public record PaymentFailed(
        UUID paymentId,
        UUID beneficiaryId,
        long amount,
        String bankCode,
        String accountNumberMasked,
        String reasonCode,
        String reason,
        Instant failedAt,
        String programId)
        implements PaymentEvent {

    public static final EventType EVENT_TYPE = EventType.of(DisbursementTopics.AGGREGATE, PaymentFailed.class, 1);
}

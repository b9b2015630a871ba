package id.go.kemensos.returnee.contracts.disbursement;

import id.go.kemensos.returnee.contracts.EventType;
import java.time.Instant;
import java.util.UUID;

/**
 * A payment intent was approved for transfer. {@code approvedBy} is an officer's user id, or {@code auto:<rule>}.
 *
 * <p>{@code programId} is null in records written before it was added, when every payment was the stimulant grant's.
 */
public record PaymentApproved(
        UUID paymentId, UUID beneficiaryId, long amount, String approvedBy, Instant approvedAt, String programId)
        implements PaymentEvent {

    public static final EventType EVENT_TYPE = EventType.of(DisbursementTopics.AGGREGATE, PaymentApproved.class, 1);
}

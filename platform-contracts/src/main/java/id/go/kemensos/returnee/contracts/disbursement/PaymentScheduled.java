package id.go.kemensos.returnee.contracts.disbursement;

import id.go.kemensos.returnee.contracts.EventType;
import java.time.Instant;
import java.util.UUID;

/** An eligible beneficiary got a payment intent: one per (program, cycle, beneficiary), ever. */
public record PaymentScheduled(
        UUID paymentId,
        UUID beneficiaryId,
        String programId,
        String cycleId,
        UUID decisionId,
        long amount,
        String provinceCode,
        String regencyCode,
        Instant scheduledAt)
        implements PaymentEvent {

    public static final EventType EVENT_TYPE = EventType.of(DisbursementTopics.AGGREGATE, PaymentScheduled.class, 1);
}

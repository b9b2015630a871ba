package id.go.kemensos.returnee.contracts.disbursement;

import id.go.kemensos.returnee.contracts.EventType;
import java.time.Instant;
import java.util.UUID;

/**
 * The bank confirmed the credit to the beneficiary's own account. {@code cycleId} (the program year) was added later:
 * null in older events.
 */
public record PaymentSettled(
        UUID paymentId,
        UUID beneficiaryId,
        String programId,
        long amount,
        String bankCode,
        String accountNumberMasked,
        String bankReference,
        Instant settledAt,
        String cycleId)
        implements PaymentEvent {

    public static final EventType EVENT_TYPE = EventType.of(DisbursementTopics.AGGREGATE, PaymentSettled.class, 1);
}

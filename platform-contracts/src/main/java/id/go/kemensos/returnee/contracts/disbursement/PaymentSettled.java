package id.go.kemensos.returnee.contracts.disbursement;

import id.go.kemensos.returnee.contracts.EventType;
import java.time.Instant;
import java.util.UUID;

/**
 * The money reached its person: the bank confirmed the credit to their own account, or (channel POS_CASH) they
 * collected the cash at a post office, {@code bankReference} then being PT Pos's reference and the bank and account
 * null. {@code cycleId} (the program year) and {@code channel} were added later: null in older events (a transfer).
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
        String cycleId,
        PaymentChannel channel)
        implements PaymentEvent {

    public static final EventType EVENT_TYPE = EventType.of(DisbursementTopics.AGGREGATE, PaymentSettled.class, 1);
}

package id.go.kemensos.returnee.contracts.disbursement;

import id.go.kemensos.returnee.contracts.EventType;
import java.time.Instant;
import java.util.UUID;

/**
 * The transfer was handed to the bank gateway, with the payment id as its idempotency reference.
 *
 * <p>{@code programId} is null in records written before it was added, when every payment was the stimulant grant's.
 * {@code channel} POS_CASH: handed to PT Pos to be collected in cash (bank and account null); null in records written
 * before payments named their channel (a transfer).
 */
public record PaymentSent(
        UUID paymentId,
        UUID beneficiaryId,
        long amount,
        String bankCode,
        String accountNumberMasked,
        Instant sentAt,
        String programId,
        PaymentChannel channel)
        implements PaymentEvent {

    public static final EventType EVENT_TYPE = EventType.of(DisbursementTopics.AGGREGATE, PaymentSent.class, 1);
}

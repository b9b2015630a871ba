package id.go.kemensos.returnee.contracts.disbursement;

import id.go.kemensos.returnee.contracts.EventType;
import java.time.Instant;
import java.util.UUID;

/**
 * A failed or returned payment was replaced by a new intent ({@code newPaymentId}, SCHEDULED) for the same person,
 * program year and amount, to the payee's current account. The old one is REISSUED and stays in the ledger.
 */
public record PaymentReissued(
        UUID paymentId,
        UUID newPaymentId,
        UUID beneficiaryId,
        long amount,
        String requestedBy,
        String reason,
        Instant reissuedAt)
        implements PaymentEvent {

    public static final EventType EVENT_TYPE = EventType.of(DisbursementTopics.AGGREGATE, PaymentReissued.class, 1);
}

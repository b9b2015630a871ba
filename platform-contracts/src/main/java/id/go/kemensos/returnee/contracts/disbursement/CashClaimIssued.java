package id.go.kemensos.returnee.contracts.disbursement;

import id.go.kemensos.returnee.contracts.EventType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * PT Pos holds a payment's cash for its person: collected at any post office, with the identity card and the claim code,
 * until the end of {@code claimDeadline} (in the office's local time). The code is a bearer secret: it travels sealed
 * with the person's data key ({@code sealedClaimCode}, field {@link #CLAIM_CODE_FIELD}), opened only to be sent to
 * them, and unreadable once they are erased.
 */
public record CashClaimIssued(
        UUID paymentId,
        UUID beneficiaryId,
        String programId,
        long amount,
        String posReference,
        LocalDate claimDeadline,
        String sealedClaimCode,
        Instant issuedAt)
        implements PaymentEvent {

    public static final String CLAIM_CODE_FIELD = "cashClaimCode";

    public static final EventType EVENT_TYPE = EventType.of(DisbursementTopics.AGGREGATE, CashClaimIssued.class, 1);
}

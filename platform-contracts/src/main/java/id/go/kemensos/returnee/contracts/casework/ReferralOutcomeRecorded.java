package id.go.kemensos.returnee.contracts.casework;

import id.go.kemensos.returnee.contracts.EventType;
import java.time.Instant;
import java.util.UUID;

/** Whether the partner delivered the service a referral asked for, as the case worker recorded it (their note stays
 * with the case). */
public record ReferralOutcomeRecorded(
        UUID referralId,
        UUID offerId,
        UUID caseId,
        UUID beneficiaryId,
        String service,
        boolean restricted,
        Outcome outcome,
        String recordedBy,
        Instant recordedAt)
        implements OfferEvent {

    public static final EventType EVENT_TYPE = EventType.of(CaseTopics.AGGREGATE, ReferralOutcomeRecorded.class, 1);

    public enum Outcome {
        DELIVERED,
        NOT_DELIVERED
    }
}

package id.go.kemensos.returnee.contracts.casework;

import id.go.kemensos.returnee.contracts.EventType;
import java.time.Instant;
import java.util.UUID;

/**
 * The person's answer to an offer, recorded by their case worker: ACCEPTED, or DECLINED with the kind of reason they
 * gave. Declining is normal (most survivors want other help than business capital), never an error. What they said in
 * their own words stays in case-service (it is personal, and erased with them), never on the event log.
 */
public record OfferAnswered(
        UUID offerId,
        UUID caseId,
        UUID beneficiaryId,
        String service,
        boolean restricted,
        Answer answer,
        DeclineReason declineReason,
        String recordedBy,
        Instant answeredAt)
        implements OfferEvent {

    public static final EventType EVENT_TYPE = EventType.of(CaseTopics.AGGREGATE, OfferAnswered.class, 1);

    public enum Answer {
        ACCEPTED,
        DECLINED
    }

    /** Why an offer was declined, as a kind: the words stay with the case. */
    public enum DeclineReason {
        NOT_NEEDED,
        ALREADY_RECEIVED,
        NOT_NOW,
        PREFERS_OTHER_SERVICE,
        TOO_FAR,
        OTHER
    }
}

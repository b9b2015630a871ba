package id.go.kemensos.returnee.contracts.casework;

import id.go.kemensos.returnee.contracts.EventType;
import java.time.Instant;
import java.util.UUID;

/** A step of the plan was done, or dropped (the person no longer wants it, or it cannot be done). */
public record PlanActionClosed(
        UUID actionId,
        UUID caseId,
        UUID beneficiaryId,
        String dimension,
        boolean restricted,
        Outcome outcome,
        String closedBy,
        Instant closedAt)
        implements OfferEvent {

    public static final EventType EVENT_TYPE = EventType.of(CaseTopics.AGGREGATE, PlanActionClosed.class, 1);

    public enum Outcome {
        DONE,
        DROPPED
    }
}

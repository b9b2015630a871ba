package id.go.kemensos.returnee.contracts.casework;

import id.go.kemensos.returnee.contracts.EventType;
import java.time.Instant;
import java.util.UUID;

/**
 * A grievance settled: a complaint RESOLVED or NOT_RESOLVED by its owner; a review request UPHELD (the officer ruled
 * the refused person eligible) or NOT_UPHELD, by the officer's ruling on the decision ({@code decisionId}), or UPHELD
 * because the refusal was decided again, eligible, before any ruling ({@code decisionId} the new decision, {@code
 * resolvedBy} {@link #BY_NEW_DECISION}).
 */
public record GrievanceResolved(
        UUID grievanceId,
        UUID beneficiaryId,
        GrievanceReceived.Kind kind,
        Resolution resolution,
        UUID decisionId,
        String regencyCode,
        String resolvedBy,
        Instant resolvedAt)
        implements CaseEvent {

    public static final EventType EVENT_TYPE = EventType.of(CaseTopics.AGGREGATE, GrievanceResolved.class, 1);

    /** Who settled a review request that a new eligible decision made moot: no officer, eligibility's new decision. */
    public static final String BY_NEW_DECISION = "eligibility-service";

    public enum Resolution {
        RESOLVED,
        NOT_RESOLVED,
        UPHELD,
        NOT_UPHELD
    }
}

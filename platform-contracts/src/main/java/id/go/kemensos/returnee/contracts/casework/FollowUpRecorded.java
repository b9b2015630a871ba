package id.go.kemensos.returnee.contracts.casework;

import id.go.kemensos.returnee.contracts.EventType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A follow-up done: how the person was reached, and their business since the grant (so that the program can say
 * whether the grant worked). The case worker's notes stay in case-service.
 */
public record FollowUpRecorded(
        UUID followUpId,
        UUID caseId,
        UUID beneficiaryId,
        LocalDate dueOn,
        Contact contact,
        BusinessStatus businessStatus,
        IncomeBand incomeBand,
        String recordedBy,
        Instant recordedAt)
        implements CaseEvent {

    public static final EventType EVENT_TYPE = EventType.of(CaseTopics.AGGREGATE, FollowUpRecorded.class, 1);

    /** How the case worker reached the person, or that they could not. */
    public enum Contact {
        VISIT,
        CALL,
        NOT_REACHED
    }

    /** The person's business: running, closed again, not started yet, or none planned. Unknown when not reached. */
    public enum BusinessStatus {
        RUNNING,
        CLOSED,
        NOT_STARTED,
        NO_BUSINESS,
        UNKNOWN
    }

    /** What the business earns a month, in bands (whole rupiah). */
    public enum IncomeBand {
        NONE,
        BELOW_1_MILLION,
        FROM_1_TO_3_MILLION,
        ABOVE_3_MILLION,
        UNKNOWN
    }
}

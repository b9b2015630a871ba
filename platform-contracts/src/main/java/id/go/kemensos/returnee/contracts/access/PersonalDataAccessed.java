package id.go.kemensos.returnee.contracts.access;

import id.go.kemensos.returnee.contracts.EventType;
import id.go.kemensos.returnee.contracts.PlatformEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * An officer read one person's personal data or exported a file that holds personal data (Law 27/2022: who, when, what,
 * whose or which file). Every service records its own reads; the audit ledger keeps them with everything else.
 *
 * @param beneficiaryId the person read, when the access was about one person; null for a list or a file
 * @param officer       the officer's subject (from the token)
 * @param action        what was done, e.g. {@code READ_RETURNEE}, {@code EXPORT_ERROR_REPORT}
 * @param resource      the path read, e.g. {@code /api/returnees/{id}}, with the query where it selects people
 * @param detail        how much was handed out, e.g. {@code 50 people} or {@code 3 rows}; may be empty
 */
public record PersonalDataAccessed(
        UUID accessId, UUID beneficiaryId, String officer, String action, String resource, String detail, Instant at)
        implements PlatformEvent {

    /** Raised by every service: its source is the service that recorded it. */
    public static final EventType EVENT_TYPE =
            EventType.sharedBy(AccessTopics.AGGREGATE, PersonalDataAccessed.class, 1);

    /** Keyed by the person when there is one, so that a person's accesses stay in order; by the access otherwise. */
    @Override
    public String subjectId() {
        return (beneficiaryId != null ? beneficiaryId : accessId).toString();
    }
}

package id.go.kemensos.returnee.contracts.registration;

import id.go.kemensos.returnee.contracts.EventType;
import java.time.Instant;
import java.util.UUID;

/**
 * An officer decided a row that an upload held for review: REGISTER (the person is registered; {@code beneficiaryId}
 * set and a ReturneeRegistered follows in the same transaction) or REJECT. Keyed by the upload id, like
 * UploadCompleted.
 */
public record UploadRowReviewed(
        UUID uploadId,
        long rowNumber,
        String decision,
        String reason,
        String reviewedBy,
        UUID beneficiaryId,
        Instant reviewedAt)
        implements RegistrationEvent {

    public static final EventType EVENT_TYPE = EventType.of(RegistrationTopics.AGGREGATE, UploadRowReviewed.class, 1);

    @Override
    public String subjectId() {
        return uploadId.toString();
    }
}

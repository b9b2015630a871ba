package id.go.kemensos.returnee.contracts.registration;

import id.go.kemensos.returnee.contracts.EventType;
import java.time.Instant;
import java.util.UUID;

/**
 * A provincial list has been processed: every row ended accepted, rejected or held, so
 * {@code rows = accepted + rejected + held}. Keyed by the upload id. {@code registered} counts the accepted rows that
 * were new people.
 */
public record UploadCompleted(
        UUID uploadId,
        String provinceCode,
        String fileName,
        long rows,
        long accepted,
        long rejected,
        long held,
        long registered,
        Instant completedAt)
        implements RegistrationEvent {

    public static final EventType EVENT_TYPE = EventType.of(RegistrationTopics.AGGREGATE, UploadCompleted.class, 1);

    @Override
    public String subjectId() {
        return uploadId.toString();
    }
}

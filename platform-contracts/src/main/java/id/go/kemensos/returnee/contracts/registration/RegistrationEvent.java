package id.go.kemensos.returnee.contracts.registration;

import id.go.kemensos.returnee.contracts.PlatformEvent;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Every event registration-service publishes, a closed set: a consumer's handlers for this stream can name only
 * types that appear on it (the compiler checks), and a new event type is a deliberate change here.
 */
public sealed interface RegistrationEvent extends PlatformEvent
        permits PersonalDataErased, ReturneeRegistered, ReturneeUpdated, UploadCompleted, UploadRowReviewed {

    /** The people whose sealed details these events carry: whose keys a consumer reads to open them. */
    static List<UUID> peopleSealed(List<? extends RegistrationEvent> events) {
        return events.stream()
                .map(event -> event instanceof ReturneeRegistered registered
                        ? registered.beneficiaryId()
                        : event instanceof ReturneeUpdated updated ? updated.beneficiaryId() : null)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
    }
}

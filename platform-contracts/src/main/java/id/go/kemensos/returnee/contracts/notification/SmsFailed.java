package id.go.kemensos.returnee.contracts.notification;

import id.go.kemensos.returnee.contracts.BeneficiaryEvent;
import id.go.kemensos.returnee.contracts.EventType;
import java.time.Instant;
import java.util.UUID;

/** A message could not be delivered after its bounded retries. */
public record SmsFailed(
        UUID messageId,
        UUID beneficiaryId,
        String template,
        UUID sourceEventId,
        String phoneMasked,
        String reason,
        Instant failedAt)
        implements NotificationEvent, BeneficiaryEvent {

    public static final EventType EVENT_TYPE = EventType.of(NotificationTopics.AGGREGATE, SmsFailed.class, 1);
}

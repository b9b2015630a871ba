package id.go.kemensos.returnee.contracts.notification;

import id.go.kemensos.returnee.contracts.BeneficiaryEvent;
import id.go.kemensos.returnee.contracts.EventType;
import java.time.Instant;
import java.util.UUID;

/** The SMS gateway accepted one message. {@code sourceEventId} is the event the message answers. */
public record SmsSent(
        UUID messageId,
        UUID beneficiaryId,
        String template,
        UUID sourceEventId,
        String phoneMasked,
        String gatewayMessageId,
        int segments,
        Instant sentAt)
        implements NotificationEvent, BeneficiaryEvent {

    public static final EventType EVENT_TYPE = EventType.of(NotificationTopics.AGGREGATE, SmsSent.class, 1);
}

package id.go.kemensos.returnee.contracts.notification;

import id.go.kemensos.returnee.contracts.BeneficiaryEvent;
import id.go.kemensos.returnee.contracts.EventType;
import java.time.Instant;
import java.util.UUID;

/** The SMS gateway's delivery receipt: the message reached the handset. */
public record SmsDelivered(
        UUID messageId,
        UUID beneficiaryId,
        String template,
        UUID sourceEventId,
        String gatewayMessageId,
        Instant deliveredAt)
        implements NotificationEvent, BeneficiaryEvent {

    public static final EventType EVENT_TYPE = EventType.of(NotificationTopics.AGGREGATE, SmsDelivered.class, 1);
}

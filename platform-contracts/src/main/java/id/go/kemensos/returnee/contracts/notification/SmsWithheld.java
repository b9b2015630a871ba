package id.go.kemensos.returnee.contracts.notification;

import id.go.kemensos.returnee.contracts.BeneficiaryEvent;
import id.go.kemensos.returnee.contracts.EventType;
import java.time.Instant;
import java.util.UUID;

/**
 * A message that will not be sent, now or later: the person asked for no SMS (consent withdrawn, Law 27/2022) before it
 * left. Opting back in sends only what comes after.
 */
public record SmsWithheld(
        UUID messageId, UUID beneficiaryId, String template, UUID sourceEventId, String reason, Instant withheldAt)
        implements NotificationEvent, BeneficiaryEvent {

    public static final EventType EVENT_TYPE = EventType.of(NotificationTopics.AGGREGATE, SmsWithheld.class, 1);
}

package id.go.kemensos.returnee.contracts.notification;

import id.go.kemensos.returnee.contracts.BeneficiaryEvent;
import id.go.kemensos.returnee.contracts.EventType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A returnee's SMS wishes as an officer recorded them: the language, and whether to be texted at all (consent, under
 * Law 27/2022). Raised only when something changed; {@code changed} names what ("language", "optedOut").
 */
public record SmsPreferencesSet(
        UUID beneficiaryId, String language, boolean optedOut, List<String> changed, String recordedBy, Instant setAt)
        implements NotificationEvent, BeneficiaryEvent {

    public static final EventType EVENT_TYPE = EventType.of(NotificationTopics.AGGREGATE, SmsPreferencesSet.class, 1);
}

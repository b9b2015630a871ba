package id.go.kemensos.returnee.notification.sms;

import id.go.kemensos.returnee.contracts.MaskedValues;
import id.go.kemensos.returnee.contracts.notification.SmsFailed;
import id.go.kemensos.returnee.contracts.notification.SmsSent;
import id.go.kemensos.returnee.messaging.Outbox;
import id.go.kemensos.returnee.notification.NotificationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Queued messages and their transitions QUEUED → SENT | FAILED, each with its outbox event. */
@Repository
public class SmsMessages {

    private static final String DUE = """
            SELECT m.message_id, m.beneficiary_id, m.template, m.source_event_id, m.params, m.attempts, c.full_name, c.phone_e164, c.language
            FROM sms_message m JOIN contact c ON c.beneficiary_id = m.beneficiary_id
            WHERE m.state = 'QUEUED' AND m.next_attempt_at <= ? AND c.opted_out = FALSE
            ORDER BY m.next_attempt_at
            LIMIT ? FOR UPDATE SKIP LOCKED""";
    private static final TypeReference<Map<String, String>> PARAMS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final Outbox outbox;
    private final JsonMapper json;
    private final Clock clock;
    private final NotificationProperties.Dispatch settings;

    SmsMessages(JdbcTemplate jdbc, Outbox outbox, JsonMapper json, Clock clock, NotificationProperties properties) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
        this.settings = properties.dispatch();
    }

    /** Claims due messages: their next attempt moves out by the retry delay, a lease that also paces retries. */
    @Transactional
    public List<PendingSms> claimDue(int limit) {
        Instant now = clock.instant();
        List<PendingSms> due = jdbc.query(DUE, (rs, n) -> new PendingSms(UUID.fromString(rs.getString("message_id")),
                        UUID.fromString(rs.getString("beneficiary_id")), SmsTemplate.valueOf(rs.getString("template")),
                        UUID.fromString(rs.getString("source_event_id")), json.readValue(rs.getString("params"), PARAMS),
                        rs.getInt("attempts") + 1, rs.getString("full_name"), rs.getString("phone_e164"), rs.getString("language")),
                Timestamp.from(now), limit);
        for (PendingSms sms : due) {
            jdbc.update("UPDATE sms_message SET attempts = attempts + 1, next_attempt_at = ?, updated_at = ? WHERE message_id = ?",
                    Timestamp.from(now.plus(settings.retryDelay())), Timestamp.from(now), sms.messageId().toString());
        }
        return due;
    }

    @Transactional
    public void markSent(PendingSms sms, String gatewayMessageId, int segments) {
        Instant now = clock.instant();
        int updated = jdbc.update("""
                        UPDATE sms_message SET state = 'SENT', gateway_message_id = ?, segments = ?, updated_at = ?
                        WHERE message_id = ? AND state = 'QUEUED'""",
                gatewayMessageId, segments, Timestamp.from(now), sms.messageId().toString());
        if (updated == 1) {
            outbox.append(new SmsSent(sms.messageId(), sms.beneficiaryId(), sms.template().name(), sms.sourceEventId(),
                    MaskedValues.lastFour(sms.phoneE164()), gatewayMessageId, segments, now));
        }
    }

    /** Records a failed attempt; the message fails for good after the last attempt or on a permanent refusal. */
    @Transactional
    public void markAttemptFailed(PendingSms sms, String reason, boolean permanent) {
        Instant now = clock.instant();
        boolean last = permanent || sms.attempt() >= settings.maxAttempts();
        jdbc.update("UPDATE sms_message SET last_error = ?, updated_at = ?" + (last ? ", state = 'FAILED'" : "")
                + " WHERE message_id = ? AND state = 'QUEUED'", truncate(reason), Timestamp.from(now), sms.messageId().toString());
        if (last) {
            outbox.append(new SmsFailed(sms.messageId(), sms.beneficiaryId(), sms.template().name(), sms.sourceEventId(),
                    MaskedValues.lastFour(sms.phoneE164()), truncate(reason), now));
        }
    }

    private static String truncate(String reason) {
        return reason == null || reason.length() <= 300 ? reason : reason.substring(0, 300);
    }

    public record PendingSms(UUID messageId, UUID beneficiaryId, SmsTemplate template, UUID sourceEventId,
                             Map<String, String> params, int attempt, String fullName, String phoneE164, String language) {
    }
}

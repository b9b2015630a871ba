package id.go.kemensos.returnee.notification.sms;

import id.go.kemensos.returnee.contracts.disbursement.PaymentFailed;
import id.go.kemensos.returnee.contracts.disbursement.PaymentSettled;
import id.go.kemensos.returnee.contracts.registration.ReturneeRegistered;
import id.go.kemensos.returnee.contracts.registration.ReturneeUpdated;
import id.go.kemensos.returnee.messaging.IncomingEvent;
import id.go.kemensos.returnee.messaging.ProcessedEvents;
import id.go.kemensos.returnee.messaging.TimeOrderedIds;
import id.go.kemensos.returnee.notification.contact.ContactDirectory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * Turns events into queued SMS. The (source event, template) key means a redelivered event queues nothing new, even if the
 * processed-event row were lost. Only what the template needs is queued: never the person's category.
 */
@Service
public class SmsQueue {

    static final String REGISTRATION_CONSUMER = "notification.registration-events";
    static final String DISBURSEMENT_CONSUMER = "notification.disbursement-events";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(ZoneId.of("Asia/Jakarta"));

    private final ProcessedEvents processed;
    private final ContactDirectory contacts;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final Properties bankNames = SmsTemplates.loadBankNames();

    SmsQueue(ProcessedEvents processed, ContactDirectory contacts, JdbcTemplate jdbc, JsonMapper json, Clock clock) {
        this.processed = processed;
        this.contacts = contacts;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public void onRegistrationEvent(IncomingEvent event) {
        if (!processed.markHandled(REGISTRATION_CONSUMER, event.id())) {
            return;
        }
        event.payloadAs(ReturneeRegistered.class).ifPresent(registered -> {
            contacts.remember(registered);
            queue(registered.beneficiaryId(), SmsTemplate.REGISTERED, event.id(), Map.of("name", registered.fullName()));
        });
        event.payloadAs(ReturneeUpdated.class).ifPresent(contacts::remember);
    }

    @Transactional
    public void onDisbursementEvent(IncomingEvent event) {
        if (!processed.markHandled(DISBURSEMENT_CONSUMER, event.id())) {
            return;
        }
        event.payloadAs(PaymentSettled.class).ifPresent(settled -> {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("amount", rupiah(settled.amount()));
            params.put("bank", bankNames.getProperty(settled.bankCode(), "bank"));
            params.put("account", settled.accountNumberMasked());
            params.put("date", DATE.format(settled.settledAt()));
            queue(settled.beneficiaryId(), SmsTemplate.PAYMENT_SENT, event.id(), params);
        });
        event.payloadAs(PaymentFailed.class)
                .ifPresent(failed -> queue(failed.beneficiaryId(), SmsTemplate.PAYMENT_FAILED, event.id(), Map.of()));
    }

    private void queue(UUID beneficiaryId, SmsTemplate template, UUID sourceEventId, Map<String, String> params) {
        Instant now = clock.instant();
        jdbc.update("""
                        INSERT IGNORE INTO sms_message (message_id, beneficiary_id, template, source_event_id, params, state,
                            next_attempt_at, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, 'QUEUED', ?, ?, ?)""",
                TimeOrderedIds.next().toString(), beneficiaryId.toString(), template.name(), sourceEventId.toString(),
                json.writeValueAsString(params), Timestamp.from(now), Timestamp.from(now), Timestamp.from(now));
    }

    /** Rp960.000: Indonesian thousands separator, whole rupiah. */
    static String rupiah(long amount) {
        return "Rp" + NumberFormat.getIntegerInstance(Locale.forLanguageTag("id-ID")).format(amount);
    }
}

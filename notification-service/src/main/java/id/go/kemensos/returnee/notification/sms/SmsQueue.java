package id.go.kemensos.returnee.notification.sms;

import id.go.kemensos.returnee.contracts.reference.BankCodes;
import id.go.kemensos.returnee.contracts.disbursement.PaymentFailed;
import id.go.kemensos.returnee.contracts.disbursement.PaymentReturned;
import id.go.kemensos.returnee.contracts.disbursement.PaymentSettled;
import id.go.kemensos.returnee.contracts.eligibility.DecisionOverridden;
import id.go.kemensos.returnee.contracts.eligibility.EligibilityDecided;
import id.go.kemensos.returnee.contracts.eligibility.Outcome;
import id.go.kemensos.returnee.contracts.registration.PersonalDataErased;
import id.go.kemensos.returnee.contracts.registration.ReturneeRegistered;
import id.go.kemensos.returnee.contracts.registration.ReturneeUpdated;
import id.go.kemensos.returnee.messaging.IncomingEvent;
import id.go.kemensos.returnee.messaging.ProcessedEvents;
import id.go.kemensos.returnee.messaging.TimeOrderedIds;
import id.go.kemensos.returnee.notification.contact.ContactDirectory;
import org.springframework.beans.factory.annotation.Value;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Turns events into queued SMS. The (source event, template) key means a redelivered event queues nothing new, even if the
 * processed-event row were lost. Only what the template needs is queued: never the person's category. For someone who
 * opted out a message is withheld at once.
 */
@Service
public class SmsQueue {

    static final String REGISTRATION_CONSUMER = "notification.registration-events";
    static final String DISBURSEMENT_CONSUMER = "notification.disbursement-events";
    static final String ELIGIBILITY_CONSUMER = "notification.eligibility-events";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(ZoneId.of("Asia/Jakarta"));

    private final ProcessedEvents processed;
    private final ContactDirectory contacts;
    private final SmsMessages messages;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final BankCodes banks = BankCodes.load();
    private final String grantProgramId;

    /**
     * @param grantProgramId the grant whose decisions are told by SMS; decisions under the laws (services, and for one law
     *                       the fact of being a trafficking victim) are never sent to a phone
     */
    SmsQueue(ProcessedEvents processed, ContactDirectory contacts, SmsMessages messages, JdbcTemplate jdbc, JsonMapper json, Clock clock,
             @Value("${notification.grant-program-id:BSU}") String grantProgramId) {
        this.grantProgramId = grantProgramId;
        this.processed = processed;
        this.contacts = contacts;
        this.messages = messages;
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
            if (contacts.remember(registered)) {
                // The name is not kept with the message: the dispatcher takes it from the contact when it sends.
                queue(registered.beneficiaryId(), SmsTemplate.REGISTERED, event.id(), Map.of());
            }
        });
        event.payloadAs(ReturneeUpdated.class).ifPresent(contacts::remember);
        event.payloadAs(PersonalDataErased.class).ifPresent(contacts::erased);
    }

    @Transactional
    public void onDisbursementEvent(IncomingEvent event) {
        if (!processed.markHandled(DISBURSEMENT_CONSUMER, event.id())) {
            return;
        }
        event.payloadAs(PaymentSettled.class).ifPresent(settled -> {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("amount", rupiah(settled.amount()));
            params.put("bank", banks.find(settled.bankCode()).map(BankCodes.Bank::shortName).orElse("bank"));
            params.put("account", settled.accountNumberMasked());
            params.put("date", DATE.format(settled.settledAt()));
            queue(settled.beneficiaryId(), SmsTemplate.PAYMENT_SENT, event.id(), params);
        });
        event.payloadAs(PaymentFailed.class)
                .ifPresent(failed -> queue(failed.beneficiaryId(), SmsTemplate.PAYMENT_FAILED, event.id(), Map.of()));
        event.payloadAs(PaymentReturned.class)
                .ifPresent(returned -> queue(returned.beneficiaryId(), SmsTemplate.PAYMENT_RETURNED, event.id(), Map.of()));
    }

    /** ELIGIBLE and INELIGIBLE grant decisions, and an officer's ruling on one; NEEDS_REVIEW waits for that ruling. */
    @Transactional
    public void onEligibilityEvent(IncomingEvent event) {
        if (!processed.markHandled(ELIGIBILITY_CONSUMER, event.id())) {
            return;
        }
        event.payloadAs(EligibilityDecided.class).filter(d -> grantProgramId.equals(d.programId()))
                .ifPresent(d -> tellDecision(d.beneficiaryId(), d.outcome(), d.grantAmount(), d.failedCriteria(), event.id()));
        event.payloadAs(DecisionOverridden.class).filter(o -> grantProgramId.equals(o.programId()))
                .ifPresent(o -> tellDecision(o.beneficiaryId(), o.outcome(), o.grantAmount(), List.of(), event.id()));
    }

    private void tellDecision(UUID beneficiaryId, Outcome outcome, long amount, List<String> notPassed, UUID sourceEventId) {
        if (outcome == Outcome.ELIGIBLE) {
            queue(beneficiaryId, SmsTemplate.ELIGIBLE, sourceEventId, Map.of("amount", rupiah(amount)));
        } else if (outcome == Outcome.INELIGIBLE) {
            // The first criterion that ruled the person out, as "C4:FAILED"; its reason is rendered in the person's language.
            String criterion = notPassed.stream().filter(c -> c.endsWith(":FAILED")).map(c -> c.substring(0, c.indexOf(':'))).findFirst()
                    .orElse("OTHER");
            queue(beneficiaryId, SmsTemplate.NOT_ELIGIBLE, sourceEventId, Map.of("criterion", criterion));
        }
    }

    private void queue(UUID beneficiaryId, SmsTemplate template, UUID sourceEventId, Map<String, String> params) {
        Instant now = clock.instant();
        UUID messageId = TimeOrderedIds.next();
        int queued = jdbc.update("""
                        INSERT IGNORE INTO sms_message (message_id, beneficiary_id, template, source_event_id, params, state,
                            next_attempt_at, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, 'QUEUED', ?, ?, ?)""",
                messageId.toString(), beneficiaryId.toString(), template.name(), sourceEventId.toString(),
                json.writeValueAsString(params), Timestamp.from(now), Timestamp.from(now), Timestamp.from(now));
        if (queued == 1 && contacts.optedOut(beneficiaryId)) {
            messages.withhold(messageId, beneficiaryId, template.name(), sourceEventId, ContactDirectory.OPTED_OUT, now);
        }
    }

    /** Rp960.000: Indonesian thousands separator, whole rupiah. */
    static String rupiah(long amount) {
        return "Rp" + NumberFormat.getIntegerInstance(Locale.forLanguageTag("id-ID")).format(amount);
    }
}

package id.go.kemensos.returnee.notification.contact;

import id.go.kemensos.returnee.contracts.MaskedValues;
import id.go.kemensos.returnee.contracts.notification.SmsPreferencesSet;
import id.go.kemensos.returnee.contracts.registration.PersonalDataErased;
import id.go.kemensos.returnee.contracts.registration.PersonalDetails;
import id.go.kemensos.returnee.contracts.registration.ReturneeRegistered;
import id.go.kemensos.returnee.contracts.registration.ReturneeUpdated;
import id.go.kemensos.returnee.messaging.Outbox;
import id.go.kemensos.returnee.privacy.PersonalDataCipher;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where to reach each beneficiary (the phone from the latest registration or amendment), and whether they may be
 * texted.
 */
@Repository
public class ContactDirectory {

    private static final Logger log = LoggerFactory.getLogger(ContactDirectory.class);
    /** Why a message is withheld. */
    public static final String OPTED_OUT = "opted out of SMS";
    /** Registered without a phone: the officer's list says so, and an officer tells the person. */
    public static final String NO_PHONE = "no phone number: to be told in person";

    /**
     * A person can no longer be written to (erased, or opted out), published synchronously inside the transaction that
     * records it, so that their queued messages are withheld with it.
     */
    public record Closed(UUID beneficiaryId, String reason) {}

    private final JdbcTemplate jdbc;
    private final Outbox outbox;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final PersonalDataCipher cipher;
    private final SealedContacts contacts;

    ContactDirectory(
            JdbcTemplate jdbc,
            Outbox outbox,
            ApplicationEventPublisher events,
            Clock clock,
            PersonalDataCipher cipher,
            SealedContacts contacts) {
        this.cipher = cipher;
        this.contacts = contacts;
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Keeps the person's name and phone, sealed with their data key (the masked phone stays clear, for events); false
     * when the person was erased before their registration arrived here (nothing is kept, nothing can be sent).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean remember(ReturneeRegistered r) {
        Optional<PersonalDetails> details = cipher.details(r);
        if (details.isEmpty()) {
            return false;
        }
        jdbc.update(
                """
                        INSERT INTO contact (beneficiary_id, personal_data, province_code, regency_code, phone_masked,
                                updated_at)
                            VALUES (?, ?, ?, ?, ?, ?)
                        ON DUPLICATE KEY UPDATE personal_data = VALUES(personal_data),
                            province_code = VALUES(province_code), regency_code = VALUES(regency_code),
                            phone_masked = VALUES(phone_masked), updated_at = VALUES(updated_at)""",
                r.beneficiaryId().toString(),
                seal(r.beneficiaryId(), details.get().fullName(), details.get().phoneE164()),
                r.provinceCode(),
                r.regencyCode(),
                MaskedValues.lastFour(details.get().phoneE164()),
                Timestamp.from(r.registeredAt()));
        return true;
    }

    /** Messages not yet sent go to the new number: the dispatcher reads the phone when it sends. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void remember(ReturneeUpdated u) {
        Optional<String> phone = cipher.details(u).map(PersonalDetails::phoneE164);
        Optional<SealedContacts.Contact> known = jdbc
                .queryForList(
                        "SELECT personal_data FROM contact WHERE beneficiary_id = ? FOR UPDATE",
                        String.class,
                        u.beneficiaryId().toString())
                .stream()
                .findFirst()
                .flatMap(text -> contacts.open(u.beneficiaryId(), text));
        if (phone.isEmpty() || known.isEmpty() || phone.get().equals(known.get().phoneE164())) {
            return; // erased, not registered here yet, or only the account changed
        }
        jdbc.update(
                "UPDATE contact SET personal_data = ?, phone_masked = ?, updated_at = ? WHERE beneficiary_id = ?",
                seal(u.beneficiaryId(), known.get().fullName(), phone.get()),
                MaskedValues.lastFour(phone.get()),
                Timestamp.from(u.updatedAt()),
                u.beneficiaryId().toString());
    }

    /** The person was erased: their queued messages are withheld (there is no phone to send them to any more). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void erased(PersonalDataErased erased) {
        cipher.forgetKey(erased.beneficiaryId());
        events.publishEvent(new Closed(erased.beneficiaryId(), SealedContacts.ERASED));
    }

    private String seal(UUID beneficiaryId, String fullName, String phone) {
        return contacts.seal(beneficiaryId, new SealedContacts.Contact(fullName, phone));
    }

    /**
     * Records what changed of the returnee's language and opt-out, with an {@link SmsPreferencesSet} event (none when
     * nothing changed); an opt-out withholds the messages still queued.
     *
     * @param provinceScope the recording officer's province (null: nationwide); a contact of another province is not
     * found
     * @return the contact's preferences now, or empty for an unknown beneficiary
     */
    @Transactional
    public Optional<Map<String, Object>> setPreferences(
            UUID beneficiaryId, String language, Boolean optedOut, String recordedBy, String provinceScope) {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT language, opted_out FROM contact WHERE beneficiary_id = ? "
                        + "AND (? IS NULL OR province_code = ?) FOR UPDATE",
                beneficiaryId.toString(),
                provinceScope,
                provinceScope);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        String languageBefore = (String) rows.get(0).get("language");
        boolean optedOutBefore = Boolean.TRUE.equals(rows.get(0).get("opted_out"));
        String languageNow = language != null ? language : languageBefore;
        boolean optedOutNow = optedOut != null ? optedOut : optedOutBefore;
        List<String> changed = new ArrayList<>();
        if (!languageNow.equals(languageBefore)) {
            changed.add("language");
        }
        if (optedOutNow != optedOutBefore) {
            changed.add("optedOut");
        }
        if (!changed.isEmpty()) {
            Instant now = clock.instant();
            // The time of an opt-out change tells the dispatcher which queued messages were queued before it.
            jdbc.update(
                    "UPDATE contact SET language = ?, opted_out = ?, updated_at = ?,"
                            + " opted_out_changed_at = COALESCE(?, opted_out_changed_at) WHERE beneficiary_id = ?",
                    languageNow,
                    optedOutNow,
                    Timestamp.from(now),
                    changed.contains("optedOut") ? Timestamp.from(now) : null,
                    beneficiaryId.toString());
            outbox.append(new SmsPreferencesSet(beneficiaryId, languageNow, optedOutNow, changed, recordedBy, now));
            if (optedOutNow && changed.contains("optedOut")) {
                events.publishEvent(new Closed(beneficiaryId, OPTED_OUT));
            }
            log.info(
                    "SMS preferences of {} set by {}: language {}, opted out {}",
                    beneficiaryId,
                    recordedBy,
                    languageNow,
                    optedOutNow);
        }
        return Optional.of(jdbc.queryForMap(
                "SELECT beneficiary_id, language, opted_out FROM contact WHERE beneficiary_id = ?",
                beneficiaryId.toString()));
    }
}

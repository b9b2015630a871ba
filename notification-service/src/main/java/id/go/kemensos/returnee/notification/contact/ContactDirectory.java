package id.go.kemensos.returnee.notification.contact;

import id.go.kemensos.returnee.contracts.notification.SmsPreferencesSet;
import id.go.kemensos.returnee.contracts.registration.ReturneeRegistered;
import id.go.kemensos.returnee.contracts.registration.ReturneeUpdated;
import id.go.kemensos.returnee.messaging.Outbox;
import id.go.kemensos.returnee.notification.sms.SmsMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Where to reach each beneficiary (the phone from the latest registration or amendment), and whether they may be texted. */
@Repository
public class ContactDirectory {

    private static final Logger log = LoggerFactory.getLogger(ContactDirectory.class);
    /** Why a message is withheld. */
    public static final String OPTED_OUT = "opted out of SMS";

    private final JdbcTemplate jdbc;
    private final Outbox outbox;
    private final SmsMessages messages;
    private final Clock clock;

    ContactDirectory(JdbcTemplate jdbc, Outbox outbox, SmsMessages messages, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.messages = messages;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void remember(ReturneeRegistered r) {
        jdbc.update("""
                        INSERT INTO contact (beneficiary_id, full_name, province_code, phone_e164, updated_at) VALUES (?, ?, ?, ?, ?)
                        ON DUPLICATE KEY UPDATE full_name = VALUES(full_name), province_code = VALUES(province_code),
                            phone_e164 = VALUES(phone_e164), updated_at = VALUES(updated_at)""",
                r.beneficiaryId().toString(), r.fullName(), r.provinceCode(), r.phoneE164(), Timestamp.from(r.registeredAt()));
    }

    /** Messages not yet sent go to the new number: the dispatcher reads the phone when it sends. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void remember(ReturneeUpdated u) {
        jdbc.update("UPDATE contact SET phone_e164 = ?, updated_at = ? WHERE beneficiary_id = ?",
                u.phoneE164(), Timestamp.from(u.updatedAt()), u.beneficiaryId().toString());
    }

    /** Whether the person asked for no SMS (false for someone not known here yet). */
    public boolean optedOut(UUID beneficiaryId) {
        return jdbc.queryForList("SELECT opted_out FROM contact WHERE beneficiary_id = ?", Boolean.class, beneficiaryId.toString()).stream()
                .anyMatch(Boolean.TRUE::equals);
    }

    /**
     * Records what changed of the returnee's language and opt-out, with an {@link SmsPreferencesSet} event (none when
     * nothing changed); an opt-out withholds the messages still queued.
     *
     * @param provinceScope the recording officer's province (null: nationwide); a contact of another province is not found
     * @return the contact's preferences now, or empty for an unknown beneficiary
     */
    @Transactional
    public Optional<Map<String, Object>> setPreferences(UUID beneficiaryId, String language, Boolean optedOut, String recordedBy,
                                                        String provinceScope) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT language, opted_out FROM contact WHERE beneficiary_id = ? "
                + "AND (? IS NULL OR province_code = ?) FOR UPDATE", beneficiaryId.toString(), provinceScope, provinceScope);
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
            jdbc.update("UPDATE contact SET language = ?, opted_out = ?, updated_at = ? WHERE beneficiary_id = ?", languageNow, optedOutNow,
                    Timestamp.from(now), beneficiaryId.toString());
            outbox.append(new SmsPreferencesSet(beneficiaryId, languageNow, optedOutNow, changed, recordedBy, now));
            if (optedOutNow && changed.contains("optedOut")) {
                messages.withholdQueued(beneficiaryId, OPTED_OUT);
            }
            log.info("SMS preferences of {} set by {}: language {}, opted out {}", beneficiaryId, recordedBy, languageNow, optedOutNow);
        }
        return Optional.of(jdbc.queryForMap("SELECT beneficiary_id, language, opted_out FROM contact WHERE beneficiary_id = ?",
                beneficiaryId.toString()));
    }
}

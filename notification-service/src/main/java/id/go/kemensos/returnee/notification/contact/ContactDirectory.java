package id.go.kemensos.returnee.notification.contact;

import id.go.kemensos.returnee.contracts.registration.ReturneeRegistered;
import id.go.kemensos.returnee.contracts.registration.ReturneeUpdated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Where to reach each beneficiary: the phone from the latest registration or amendment. */
@Repository
public class ContactDirectory {

    private static final Logger log = LoggerFactory.getLogger(ContactDirectory.class);

    private final JdbcTemplate jdbc;

    ContactDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void remember(ReturneeRegistered r) {
        jdbc.update("""
                        INSERT INTO contact (beneficiary_id, full_name, phone_e164, updated_at) VALUES (?, ?, ?, ?)
                        ON DUPLICATE KEY UPDATE full_name = VALUES(full_name), phone_e164 = VALUES(phone_e164),
                            updated_at = VALUES(updated_at)""",
                r.beneficiaryId().toString(), r.fullName(), r.phoneE164(), Timestamp.from(r.registeredAt()));
    }

    /** Messages not yet sent go to the new number: the dispatcher reads the phone when it sends. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void remember(ReturneeUpdated u) {
        jdbc.update("UPDATE contact SET phone_e164 = ?, updated_at = ? WHERE beneficiary_id = ?",
                u.phoneE164(), Timestamp.from(u.updatedAt()), u.beneficiaryId().toString());
    }

    /** @return the contact's preferences now, or empty for an unknown beneficiary */
    @Transactional
    public Optional<Map<String, Object>> setPreferences(UUID beneficiaryId, String language, Boolean optedOut, String recordedBy) {
        int updated = jdbc.update("UPDATE contact SET language = COALESCE(?, language), opted_out = COALESCE(?, opted_out), updated_at = ? "
                + "WHERE beneficiary_id = ?", language, optedOut, Timestamp.from(Instant.now()), beneficiaryId.toString());
        if (updated == 0) {
            return Optional.empty();
        }
        log.info("SMS preferences of {} set by {}: language {}, opted out {}", beneficiaryId, recordedBy, language, optedOut);
        return Optional.of(jdbc.queryForMap("SELECT beneficiary_id, language, opted_out FROM contact WHERE beneficiary_id = ?",
                beneficiaryId.toString()));
    }
}

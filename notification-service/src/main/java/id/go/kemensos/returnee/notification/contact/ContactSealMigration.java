package id.go.kemensos.returnee.notification.contact;

import id.go.kemensos.returnee.contracts.MaskedValues;
import id.go.kemensos.returnee.messaging.CodeMigration;
import id.go.kemensos.returnee.privacy.PersonKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Version 5: a contact's name and phone are sealed with the person's data key ({@link SealedContacts}); the masked
 * phone stays clear for events; queued messages no longer carry the name (the dispatcher takes it from the contact).
 * Written in Java because sealing needs the person's key, which registration-service creates (its schema version 9
 * creates the keys of people registered before): a contact whose key does not exist yet stops this migration with a
 * message, and it runs again at the next start.
 */
@Component
class ContactSealMigration extends CodeMigration {

    private final SealedContacts contacts;
    private final PersonKeys keys;

    ContactSealMigration(SealedContacts contacts, PersonKeys keys) {
        super(5, "sealed contacts");
        this.contacts = contacts;
        this.keys = keys;
    }

    @Override
    protected void migrate(JdbcTemplate jdbc) {
        jdbc.execute("ALTER TABLE contact ADD COLUMN IF NOT EXISTS personal_data MEDIUMTEXT NULL AFTER beneficiary_id, "
                + "ADD COLUMN IF NOT EXISTS phone_masked VARCHAR(8) NULL");
        List<Object[]> sealed = new ArrayList<>();
        jdbc.query("SELECT beneficiary_id, full_name, phone_e164 FROM contact WHERE personal_data IS NULL", rs -> {
            UUID person = UUID.fromString(rs.getString(1));
            keys.requireExisting(person);
            sealed.add(new Object[] {
                contacts.seal(person, new SealedContacts.Contact(rs.getString(2), rs.getString(3))),
                MaskedValues.lastFour(rs.getString(3)),
                person.toString()
            });
        });
        batched(jdbc, "UPDATE contact SET personal_data = ?, phone_masked = ? WHERE beneficiary_id = ?", sealed);
        jdbc.update("UPDATE sms_message SET params = JSON_REMOVE(params, '$.name') WHERE JSON_CONTAINS_PATH(params, "
                + "'one', '$.name')");
        jdbc.execute("ALTER TABLE contact DROP COLUMN full_name, DROP COLUMN phone_e164");
    }
}

package id.go.kemensos.returnee.registration.returnee;

import id.go.kemensos.returnee.contracts.registration.BankAccount;
import id.go.kemensos.returnee.contracts.registration.PersonalDetails;
import id.go.kemensos.returnee.contracts.registration.ReturneeCategory;
import id.go.kemensos.returnee.messaging.CodeMigration;
import id.go.kemensos.returnee.privacy.PersonKeys;
import id.go.kemensos.returnee.privacy.PersonalDataCipher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Version 9: a returnee's personal fields are sealed with a data key of their own (one {@code personal_data} column
 * instead of nine clear ones), and a person can be erased (their key destroyed, {@code erased_at}/{@code erased_by}
 * recorded, the NIK index freed so that the NIK registers anew as a new person; the ground and the officer's reason are
 * kept here, not in the event, as a reason may name someone). Written in Java because sealing needs the master key.
 * Keys of existing returnees are created in the key vault as they are sealed; a run cut short creates the rest when run
 * again.
 */
@Component
class PersonalDataSealMigration extends CodeMigration {

    private static final int BATCH = 1_000;

    private final PersonKeys keys;
    private final PersonalDataCipher cipher;

    PersonalDataSealMigration(PersonKeys keys, PersonalDataCipher cipher) {
        super(9, "sealed personal data and erasure");
        this.keys = keys;
        this.cipher = cipher;
    }

    @Override
    protected void migrate(JdbcTemplate jdbc) {
        jdbc.execute("ALTER TABLE returnee ADD COLUMN IF NOT EXISTS personal_data MEDIUMTEXT NULL AFTER nik_index, "
                + "ADD COLUMN IF NOT EXISTS erased_at DATETIME(6) NULL, ADD COLUMN IF NOT EXISTS erased_by "
                + "VARCHAR(100) NULL, "
                + "ADD COLUMN IF NOT EXISTS erasure_ground VARCHAR(32) NULL, ADD COLUMN IF NOT EXISTS "
                + "erasure_reason VARCHAR(500) NULL, "
                + "MODIFY nik_index CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NULL");
        Map<UUID, PersonalDetails> clear = new LinkedHashMap<>();
        jdbc.query(
                "SELECT beneficiary_id, nik_masked, full_name, birth_date, phone_e164, bank_code, account_number, "
                        + "account_holder_name, "
                        + "category, referral_source FROM returnee WHERE personal_data IS NULL",
                rs -> {
                    clear.put(
                            UUID.fromString(rs.getString(1)),
                            new PersonalDetails(
                                    rs.getString(2),
                                    rs.getString(3),
                                    rs.getDate(4).toLocalDate(),
                                    rs.getString(5),
                                    new BankAccount(rs.getString(6), rs.getString(7), rs.getString(8)),
                                    ReturneeCategory.valueOf(rs.getString(9)),
                                    rs.getString(10),
                                    null,
                                    null));
                });
        List<UUID> people = new ArrayList<>(clear.keySet());
        for (int from = 0; from < people.size(); from += BATCH) {
            List<UUID> batch = people.subList(from, Math.min(people.size(), from + BATCH));
            // A person whose key a run cut short had created keeps it (INSERT IGNORE); the stored keys are then read
            // back.
            keys.createAll(batch);
            keys.load(batch);
            jdbc.batchUpdate(
                    "UPDATE returnee SET personal_data = ? WHERE beneficiary_id = ?",
                    batch.stream()
                            .map(person -> new Object[] {cipher.seal(person, clear.get(person)), person.toString()})
                            .toList());
        }
        jdbc.execute("ALTER TABLE returnee DROP COLUMN nik_masked, DROP COLUMN full_name, DROP COLUMN birth_date, DROP "
                + "COLUMN phone_e164, "
                + "DROP COLUMN bank_code, DROP COLUMN account_number, DROP COLUMN account_holder_name, "
                + "DROP COLUMN category, "
                + "DROP COLUMN referral_source");
    }
}

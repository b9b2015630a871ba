package id.go.kemensos.returnee.registration.returnee;

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
 * Version 10: names become searchable without being stored in clear. Each returnee keeps the search tokens of their
 * name's words ({@link ReturneeNames}); existing rows get theirs from their sealed details, opened with their own keys.
 * Erased people have none.
 */
@Component
class NameTokenMigration extends CodeMigration {

    private static final int BATCH = 1_000;

    private final PersonKeys keys;
    private final PersonalDataCipher cipher;
    private final ReturneeNames names;

    NameTokenMigration(PersonKeys keys, PersonalDataCipher cipher, ReturneeNames names) {
        super(10, "name search tokens");
        this.keys = keys;
        this.cipher = cipher;
        this.names = names;
    }

    @Override
    protected void migrate(JdbcTemplate jdbc) {
        jdbc.execute("ALTER TABLE returnee ADD COLUMN IF NOT EXISTS name_tokens VARCHAR(400) CHARACTER SET ascii NULL "
                + "AFTER personal_data");
        Map<UUID, String> sealed = new LinkedHashMap<>();
        jdbc.query(
                "SELECT beneficiary_id, personal_data FROM returnee WHERE personal_data IS NOT NULL AND "
                        + "name_tokens IS NULL",
                rs -> {
                    sealed.put(UUID.fromString(rs.getString(1)), rs.getString(2));
                });
        List<UUID> people = new ArrayList<>(sealed.keySet());
        for (int from = 0; from < people.size(); from += BATCH) {
            List<UUID> batch = people.subList(from, Math.min(people.size(), from + BATCH));
            keys.load(batch);
            jdbc.batchUpdate(
                    "UPDATE returnee SET name_tokens = ? WHERE beneficiary_id = ?",
                    batch.stream()
                            .map(person -> new Object[] {
                                cipher.open(person, sealed.get(person))
                                        .map(d -> names.tokens(d.fullName()))
                                        .orElse(null),
                                person.toString()
                            })
                            .toList());
        }
    }
}

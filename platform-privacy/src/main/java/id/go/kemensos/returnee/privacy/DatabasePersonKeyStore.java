package id.go.kemensos.returnee.privacy;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * The local key vault: {@code keyvault.person_key} on the stack's database server, beside (not in) the services' schemas.
 * Every service user may read it, registration-service creates keys and destroys them on erasure; a destroyed key's row
 * stays, empty, so that an erased person's id is never given a new key. Production may hold the same rows in Vault or a
 * KMS behind this interface.
 */
public final class DatabasePersonKeyStore implements PersonKeyStore {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public DatabasePersonKeyStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public boolean insertIfAbsent(UUID person, byte[] wrappedKey) {
        return jdbc.update("INSERT IGNORE INTO keyvault.person_key (person_id, wrapped_key, created_at) VALUES (?, ?, ?)",
                person.toString(), wrappedKey, Timestamp.from(clock.instant())) == 1;
    }

    @Override
    public Optional<byte[]> find(UUID person) {
        return jdbc.query("SELECT wrapped_key FROM keyvault.person_key WHERE person_id = ? AND destroyed_at IS NULL",
                (rs, n) -> rs.getBytes(1), person.toString()).stream().findFirst();
    }

    @Override
    public boolean destroyed(UUID person) {
        return !jdbc.queryForList("SELECT 1 FROM keyvault.person_key WHERE person_id = ? AND destroyed_at IS NOT NULL", Integer.class,
                person.toString()).isEmpty();
    }

    @Override
    public boolean destroy(UUID person) {
        return jdbc.update("UPDATE keyvault.person_key SET wrapped_key = NULL, destroyed_at = ? WHERE person_id = ? AND destroyed_at IS NULL",
                Timestamp.from(clock.instant()), person.toString()) == 1;
    }
}

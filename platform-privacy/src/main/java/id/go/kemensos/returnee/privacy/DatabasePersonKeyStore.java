package id.go.kemensos.returnee.privacy;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The local key vault: {@code keyvault.person_key} on the stack's database server, beside (not in) the services'
 * schemas. Every service user may read it, registration-service creates keys and destroys them on erasure; a destroyed
 * key's row stays, empty, so that an erased person's id is never given a new key. Production may hold the same rows in
 * Vault or a KMS behind this interface.
 */
public final class DatabasePersonKeyStore implements PersonKeyStore {

    private static final int CHUNK = 1_000;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public DatabasePersonKeyStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public boolean insertIfAbsent(UUID person, byte[] wrappedKey) {
        return jdbc.update(
                        "INSERT IGNORE INTO keyvault.person_key (person_id, wrapped_key, created_at) VALUES (?, ?, ?)",
                        person.toString(),
                        wrappedKey,
                        Timestamp.from(clock.instant()))
                == 1;
    }

    @Override
    public void insertAllIfAbsent(Map<UUID, byte[]> wrappedKeys) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.batchUpdate(
                "INSERT IGNORE INTO keyvault.person_key (person_id, wrapped_key, created_at) VALUES (?, ?, ?)",
                wrappedKeys.entrySet().stream()
                        .map(e -> new Object[] {e.getKey().toString(), e.getValue(), now})
                        .toList());
    }

    @Override
    public Map<UUID, byte[]> findAll(Collection<UUID> people) {
        Map<UUID, byte[]> found = new HashMap<>();
        List<String> ids = people.stream().map(UUID::toString).distinct().toList();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            jdbc.query(
                    "SELECT person_id, wrapped_key FROM keyvault.person_key WHERE destroyed_at IS NULL AND "
                            + "person_id IN (" + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")",
                    rs -> {
                        found.put(UUID.fromString(rs.getString(1)), rs.getBytes(2));
                    },
                    chunk.toArray());
        }
        return found;
    }

    @Override
    public Optional<byte[]> find(UUID person) {
        return jdbc
                .query(
                        "SELECT wrapped_key FROM keyvault.person_key WHERE person_id = ? AND destroyed_at IS NULL",
                        (rs, n) -> rs.getBytes(1),
                        person.toString())
                .stream()
                .findFirst();
    }

    @Override
    public boolean destroyed(UUID person) {
        return !jdbc.queryForList(
                        "SELECT 1 FROM keyvault.person_key WHERE person_id = ? AND destroyed_at IS NOT NULL",
                        Integer.class,
                        person.toString())
                .isEmpty();
    }

    @Override
    public boolean destroy(UUID person) {
        return jdbc.update(
                        "UPDATE keyvault.person_key SET wrapped_key = NULL, destroyed_at = ? WHERE person_id = ? "
                                + "AND destroyed_at IS NULL",
                        Timestamp.from(clock.instant()),
                        person.toString())
                == 1;
    }
}

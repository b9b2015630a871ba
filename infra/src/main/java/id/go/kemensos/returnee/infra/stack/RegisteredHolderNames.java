package id.go.kemensos.returnee.infra.stack;

import id.go.kemensos.returnee.contracts.registration.PersonalDetails;
import id.go.kemensos.returnee.privacy.DatabasePersonKeyStore;
import id.go.kemensos.returnee.privacy.PersonKeys;
import id.go.kemensos.returnee.privacy.PersonalDataCipher;
import id.go.kemensos.returnee.privacy.PlatformKeys;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The local bank simulator's customers are the returnees this platform registered: an account nobody registered with
 * the simulator carries the holder name given at registration, as a real bank would answer an account inquiry for its
 * customer. A test that wants the bank to know another name registers the account itself. The simulator learns the
 * names from disbursement's payees, which are sealed with each person's data key: it opens each new or amended payee
 * once, with the stack's keys, and keeps the names by account (a fixture's shortcut, standing in for the bank's own
 * customer records).
 */
final class RegisteredHolderNames implements BiFunction<String, String, String> {

    private static final Logger log = LoggerFactory.getLogger(RegisteredHolderNames.class);
    /** The field disbursement seals a payee under (disbursement-service's PayeeSeal). */
    private static final String PAYEE = "payee";

    private final StackDatabase database;
    private final String user;
    private final String password;
    private final Path keysDirectory;
    /**
     * Payees are stamped with their event's time, not the time they were written, and events of different people are
     * written out of that order: each look goes back this far before the latest stamp seen.
     */
    private static final Duration LOOK_BACK = Duration.ofMinutes(5);

    private final Map<String, String> holders = new ConcurrentHashMap<>();
    private static final int CHUNK = 500;
    /**
     * The stamp (written, account version) of each payee last opened: a row seen again unchanged is not opened again.
     */
    private final Map<UUID, String> opened = new ConcurrentHashMap<>();

    private JdbcTemplate jdbc;
    private PersonalDataCipher cipher;
    private Instant seenUntil = Instant.EPOCH;

    RegisteredHolderNames(StackDatabase database, String user, String password, Path keysDirectory) {
        this.database = database;
        this.user = user;
        this.password = password;
        this.keysDirectory = keysDirectory;
    }

    /**
     * A known account is answered at once, whatever look is under way; an unknown one waits for a look at the payees,
     * which the inquiries waiting with it then share (one look brings every payee written meanwhile).
     */
    @Override
    public String apply(String bankCode, String accountNumber) {
        String account = bankCode + "/" + accountNumber;
        String known = holders.get(account);
        if (known != null) {
            return known;
        }
        synchronized (this) {
            known = holders.get(account);
            if (known != null) {
                return known;
            }
            try {
                readNewPayees();
            } catch (RuntimeException e) {
                log.warn("Bank simulator cannot look up the holder of an account: {}", e.getMessage());
                jdbc = null;
            }
            return holders.getOrDefault(account, "");
        }
    }

    /** Payees registered or amended since the last look, opened and remembered by account. */
    private void readNewPayees() {
        if (jdbc == null) {
            SingleConnectionDataSource connection =
                    new SingleConnectionDataSource(database.jdbcUrl("disbursement"), user, password, true);
            jdbc = new JdbcTemplate(connection);
            cipher = new PersonalDataCipher(
                    new PersonKeys(
                            PlatformKeys.load(keysDirectory), new DatabasePersonKeyStore(jdbc, Clock.systemUTC())),
                    JsonMapper.builder().build());
        }
        // First the stamps only (a few bytes a row), then the sealed payees of those new or changed since last opened.
        List<Object[]> rows = new ArrayList<>();
        jdbc.query(
                "SELECT beneficiary_id, updated_at, account_version FROM payee WHERE updated_at >= ?",
                rs -> {
                    rows.add(new Object[] {
                        UUID.fromString(rs.getString(1)),
                        rs.getString(2) + "/" + rs.getInt(3),
                        rs.getTimestamp(2).toInstant()
                    });
                },
                Timestamp.from(seenUntil.minus(LOOK_BACK)));
        List<Object[]> fresh =
                rows.stream().filter(r -> !r[1].equals(opened.get((UUID) r[0]))).toList();
        for (int from = 0; from < fresh.size(); from += CHUNK) {
            List<Object[]> chunk = fresh.subList(from, Math.min(fresh.size(), from + CHUNK));
            List<UUID> people = chunk.stream().map(r -> (UUID) r[0]).toList();
            cipher.loadKeys(people);
            jdbc.query(
                    "SELECT beneficiary_id, personal_data FROM payee WHERE beneficiary_id IN ("
                            + String.join(", ", Collections.nCopies(people.size(), "?")) + ")",
                    rs -> {
                        UUID person = UUID.fromString(rs.getString(1));
                        cipher.openRecord(person, PAYEE, rs.getString(2), PersonalDetails.class)
                                .map(PersonalDetails::bankAccount) // none: paid in cash at a post office
                                .ifPresent(account -> holders.put(
                                        account.bankCode() + "/" + account.accountNumber(), account.holderName()));
                    },
                    people.stream().map(UUID::toString).toArray());
            chunk.forEach(r -> opened.put((UUID) r[0], (String) r[1]));
        }
        rows.stream()
                .map(r -> (Instant) r[2])
                .max(Instant::compareTo)
                .filter(latest -> latest.isAfter(seenUntil))
                .ifPresent(latest -> seenUntil = latest);
    }
}

package id.go.kemensos.returnee.bench;

import id.go.kemensos.returnee.infra.stack.StackDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The statements MariaDB executed during a run, by kind, from its global status counters (every client: the services,
 * Keycloak, the relay's snapshot reads; not the binlog the relay streams). Statements per returnee is the round-trip
 * figure the services can change; commits and log flushes are what each transaction costs the disk.
 */
final class DatabaseStatements {

    /** Every statement a client sent, then the kinds worth seeing apart. */
    static final String ALL = "Questions";

    private final Map<String, Long> before;

    private DatabaseStatements(Map<String, Long> before) {
        this.before = before;
    }

    static DatabaseStatements start() {
        return new DatabaseStatements(counters());
    }

    /** The counters' growth since {@link #start()}: {@value #ALL} first, then each statement kind that ran. */
    Map<String, Long> sinceStart() {
        Map<String, Long> after = counters();
        Map<String, Long> grown = new LinkedHashMap<>();
        Long questions = after.get(ALL);
        if (questions != null) {
            grown.put(ALL, questions - before.getOrDefault(ALL, 0L));
        }
        new TreeMap<>(after).forEach((name, value) -> {
            long delta = value - before.getOrDefault(name, 0L);
            if (!name.equals(ALL) && delta > 0) {
                grown.put(name, delta);
            }
        });
        return grown;
    }

    private static Map<String, Long> counters() {
        Map<String, Long> counters = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(StackDatabase.serverUrl(), "root", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW GLOBAL STATUS WHERE Variable_name = 'Questions' "
                        + "OR Variable_name LIKE 'Com\\_%' OR Variable_name IN ('Innodb_os_log_fsyncs', "
                        + "'Binlog_commits', 'Binlog_group_commits')")) {
            while (rs.next()) {
                try {
                    counters.put(rs.getString(1), Long.parseLong(rs.getString(2)));
                } catch (NumberFormatException notACount) {
                    // a status that is not a counter
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read MariaDB's status counters as root on 3307", e);
        }
        return counters;
    }
}

package id.go.kemensos.returnee.infra.mariadb;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;

/**
 * The stack's schemas and users ({@code mariadb/bootstrap.sql}), created as root over JDBC: idempotent, so a stack
 * started again only adds what is missing. The script is MariaDB's; on MySQL 8.4 its one MariaDB-only privilege
 * (BINLOG MONITOR, which Debezium needs to read the binlog's position) is MySQL's REPLICATION CLIENT.
 */
public final class SchemasAndUsers {

    /** The server the script runs on. */
    public enum Server {
        MARIADB,
        MYSQL
    }

    private static final int NO_SUCH_GRANT = 1141;
    private static final int NO_SUCH_TABLE_GRANT = 1147;

    private SchemasAndUsers() {}

    /** The script's statements for this server, comments removed. */
    public static List<String> statements(Server server) {
        String script = resource("/mariadb/bootstrap.sql");
        if (server == Server.MYSQL) {
            script = script.replace("BINLOG MONITOR", "REPLICATION CLIENT");
        }
        return statements(script);
    }

    static List<String> statements(String script) {
        StringBuilder withoutComments = new StringBuilder();
        script.lines()
                .filter(line -> !line.stripLeading().startsWith("--"))
                .forEach(line -> withoutComments.append(line).append('\n'));
        return Arrays.stream(withoutComments.toString().split(";"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    /** Runs the script as root (empty password, the local stacks' only) at this URL. */
    public static void create(String rootJdbcUrl, Server server) {
        try (Connection c = DriverManager.getConnection(rootJdbcUrl + "&allowMultiQueries=false", "root", "");
                Statement s = c.createStatement()) {
            for (String statement : statements(server)) {
                try {
                    s.execute(statement);
                } catch (SQLException e) {
                    // Taking back a right the user never had (a fresh stack) is nothing to take back.
                    if (!(statement.startsWith("REVOKE")
                            && (e.getErrorCode() == NO_SUCH_GRANT || e.getErrorCode() == NO_SUCH_TABLE_GRANT))) {
                        throw e;
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Cannot create the schemas and users at " + rootJdbcUrl + ": " + e.getMessage(), e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = SchemasAndUsers.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

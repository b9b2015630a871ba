package id.go.kemensos.returnee.bench;

import id.go.kemensos.returnee.infra.stack.StackDatabase;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Plain JDBC inserts on the platform's MariaDB, as root into a {@code bench} schema of its own. The rows have the shape
 * of {@code outbox_event} (random UUID key, ~0.5 KB JSON payload), because that insert is in every transaction of the
 * platform.
 */
final class JdbcFloor {

    static final int BATCH_SIZE = 1_000;
    /**
     * Untimed batches first, so the figure is the steady state of the driver's JIT-compiled code and a warm buffer
     * pool.
     */
    private static final int WARM_UP_ROWS = 5 * BATCH_SIZE;

    private static final String BENCH_URL =
            "jdbc:mysql://127.0.0.1:3307/bench?rewriteBatchedStatements=true&connectionTimeZone=UTC";
    private static final String PAYLOAD_FILLER = "x".repeat(320);
    private static final OutboxRows FLOOR_ROWS = new OutboxRows(
            "bench_floor",
            "registration",
            "id.go.kemensos.registration.ReturneeRegistered.v1",
            "/bench/floor",
            "urn:bench:floor:v1");

    /**
     * Rows of the outbox's shape (a random UUID key, a ~0.5 KB JSON payload, the CloudEvents columns) into a table,
     * with what differs between the floors that insert them.
     */
    record OutboxRows(String table, String aggregateType, String type, String source, String dataSchema) {

        String insertSql() {
            return "INSERT INTO " + table + " (id, aggregatetype, aggregateid, type, payload, ce_source, "
                    + "ce_time, ce_subject, ce_dataschema) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
        }

        void bind(PreparedStatement insert, int sequence) throws SQLException {
            String aggregateId = UUID.randomUUID().toString();
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, aggregateType);
            insert.setString(3, aggregateId);
            insert.setString(4, type);
            insert.setString(
                    5,
                    "{\"beneficiaryId\":\"" + aggregateId + "\",\"sequence\":" + sequence + ",\"filler\":\""
                            + PAYLOAD_FILLER + "\"}");
            insert.setString(6, source);
            insert.setString(7, "2026-01-01T00:00:00Z");
            insert.setString(8, aggregateId);
            insert.setString(9, dataSchema);
        }
    }

    record Figures(long batchedRows, long batchedNanos, long singleRows, long singleNanos) {

        double batchedPerSecond() {
            return Rates.perSecond(batchedRows, batchedNanos);
        }

        double singlePerSecond() {
            return Rates.perSecond(singleRows, singleNanos);
        }
    }

    private final PrintStream out;

    JdbcFloor(PrintStream out) {
        this.out = out;
    }

    Figures run(int batchedRows, int singleRows) throws SQLException {
        createTable();
        try (Connection connection = DriverManager.getConnection(BENCH_URL, "root", "")) {
            insertBatched(connection, FLOOR_ROWS, WARM_UP_ROWS);
            long batchedNanos = insertBatched(connection, FLOOR_ROWS, batchedRows);
            out.printf(
                    "  inserted %,d rows in batches of %,d (commit per batch) in %s (after %,d untimed warm-up rows)%n",
                    batchedRows, BATCH_SIZE, Rates.secondsText(batchedNanos), WARM_UP_ROWS);
            long singleNanos = insertSingle(connection, singleRows);
            out.printf(
                    "  inserted %,d rows one by one (autocommit) in %s%n", singleRows, Rates.secondsText(singleNanos));
            try (Statement s = connection.createStatement()) {
                s.execute("DROP TABLE bench_floor"); // the figures are printed; the rows are of no further use
            }
            return new Figures(batchedRows, batchedNanos, singleRows, singleNanos);
        }
    }

    private static void createTable() throws SQLException {
        try (Connection c = DriverManager.getConnection(StackDatabase.serverUrl(), "root", "");
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS bench CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            s.execute("DROP TABLE IF EXISTS bench.bench_floor");
            s.execute("""
                    CREATE TABLE bench.bench_floor (
                        id            CHAR(36)     NOT NULL,
                        aggregatetype VARCHAR(64)  NOT NULL,
                        aggregateid   VARCHAR(64)  NOT NULL,
                        type          VARCHAR(255) NOT NULL,
                        payload       LONGTEXT     NOT NULL,
                        ce_source     VARCHAR(255) NOT NULL,
                        ce_time       VARCHAR(40)  NOT NULL,
                        ce_subject    VARCHAR(64)  NOT NULL,
                        ce_dataschema VARCHAR(255) NOT NULL,
                        created_at    DATETIME(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
                        PRIMARY KEY (id),
                        KEY ix_bench_floor_created_at (created_at)
                    ) ENGINE = InnoDB""");
        }
    }

    /** Inserts the rows in batches of {@value #BATCH_SIZE}, a commit per batch; returns the nanoseconds it took. */
    static long insertBatched(Connection connection, OutboxRows kind, int rows) throws SQLException {
        connection.setAutoCommit(false);
        try (PreparedStatement insert = connection.prepareStatement(kind.insertSql())) {
            long start = System.nanoTime();
            for (int i = 0; i < rows; i++) {
                kind.bind(insert, i);
                insert.addBatch();
                if ((i + 1) % BATCH_SIZE == 0 || i == rows - 1) {
                    insert.executeBatch();
                    connection.commit();
                }
            }
            return System.nanoTime() - start;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private static long insertSingle(Connection connection, int rows) throws SQLException {
        connection.setAutoCommit(true);
        try (PreparedStatement insert = connection.prepareStatement(FLOOR_ROWS.insertSql())) {
            long start = System.nanoTime();
            for (int i = 0; i < rows; i++) {
                FLOOR_ROWS.bind(insert, i);
                insert.executeUpdate();
            }
            return System.nanoTime() - start;
        }
    }
}

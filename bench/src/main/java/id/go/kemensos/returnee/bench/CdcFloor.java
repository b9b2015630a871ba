package id.go.kemensos.returnee.bench;

import id.go.kemensos.returnee.infra.kafka.KafkaAccess;
import id.go.kemensos.returnee.infra.stack.StackDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The change-data-capture floor: rows inserted into an outbox table of its own ({@code bench.outbox_event}, batched, a
 * commit per {@value JdbcFloor#BATCH_SIZE}) and captured by an outbox connector configured as the platform's (a copy of
 * platform-outbox's, pointed at that table, of the platform's outbox shape, and routed to {@value #TOPIC}), timed from the first insert until the last
 * record is on Kafka. What the platform's relay can move at most on this machine, whatever the services do.
 */
final class CdcFloor {

    static final String TOPIC = "benchcdc.events";
    static final String CONNECTOR = "bench-cdc-outbox";
    private static final int PARTITIONS = 6;
    private static final String BENCH_URL =
            "jdbc:mysql://127.0.0.1:3307/bench?rewriteBatchedStatements=true&connectionTimeZone=UTC";
    private static final JdbcFloor.OutboxRows ROWS = new JdbcFloor.OutboxRows(
            "outbox_event", "benchcdc", "id.go.kemensos.bench.CdcFloor.v1", "/bench/cdc", "urn:bench:cdc:v1");
    private static final String OUTBOX_MIGRATION = "/db/platform/V0_1__outbox_and_inbox.sql";

    /** Starts capturing the bench outbox with a connector of the given configuration, and stops it. */
    interface Capture {

        void start(String name, Map<String, String> config) throws Exception;

        void stop(String name) throws Exception;

        /** What captures: "embedded relay" or "Kafka Connect worker". */
        String label();
    }

    record Figures(String relay, long events, long insertNanos, long captureNanos) {

        double eventsPerSecond() {
            return Rates.perSecond(events, captureNanos);
        }

        double insertsPerSecond() {
            return Rates.perSecond(events, insertNanos);
        }
    }

    private final String bootstrapServers;
    private final PrintStream out;

    CdcFloor(String bootstrapServers, PrintStream out) {
        this.bootstrapServers = bootstrapServers;
        this.out = out;
    }

    /**
     * @param platformConnector the platform's outbox connector (infra/connect), copied for the bench
     */
    Figures run(int events, Map<String, String> platformConnector, Capture capture, Duration timeout) throws Exception {
        createOutbox();
        try (Admin admin = Admin.create(KafkaAccess.asAdmin(bootstrapServers))) {
            provisionTopic(admin);
            capture.start(CONNECTOR, benchConnector(platformConnector));
            try (RelayedEvents onTopic = new RelayedEvents(bootstrapServers, List.of(TOPIC))) {
                long before = awaitStreaming(onTopic);
                long start = System.nanoTime();
                insertBatched(events);
                long insertNanos = System.nanoTime() - start;
                awaitOnTopic(onTopic, before + events, timeout);
                long captureNanos = System.nanoTime() - start;
                out.printf(
                        "  %s: %,d outbox rows inserted in %s, all on %s after %s%n",
                        capture.label(),
                        events,
                        Rates.secondsText(insertNanos),
                        TOPIC,
                        Rates.secondsText(captureNanos));
                return new Figures(capture.label(), events, insertNanos, captureNanos);
            } finally {
                capture.stop(CONNECTOR);
                admin.deleteTopics(List.of(TOPIC)).all().get();
                dropOutbox();
            }
        }
    }

    /**
     * The platform's outbox connector, pointed at the bench outbox: only its name, server id, prefix and tables differ,
     * and it starts at the binlog's end (the platform's reads the local binlog from its beginning; the floor times
     * only what it inserts, into a table it made and granted before).
     */
    static Map<String, String> benchConnector(Map<String, String> platform) {
        Map<String, String> config = new java.util.LinkedHashMap<>(platform);
        config.put("database.server.id", "5499");
        config.put("topic.prefix", CONNECTOR);
        config.put("database.include.list", "bench");
        config.put("table.include.list", "bench.outbox_event");
        config.put("schema.history.internal.kafka.topic", "connect.schema-history." + CONNECTOR);
        config.put("snapshot.mode", "no_data");
        return config;
    }

    private void provisionTopic(Admin admin) throws Exception {
        if (!admin.listTopics().names().get().contains(TOPIC)) {
            admin.createTopics(List.of(new NewTopic(TOPIC, PARTITIONS, (short) 1)))
                    .all()
                    .get();
        }
        // The relay's principal may write the platform's event topics only: this one is granted for the run, and
        // what any outbox connector of its worker needs (schema history, transactional producer) for the bench's.
        ResourcePattern topic = new ResourcePattern(ResourceType.TOPIC, TOPIC, PatternType.LITERAL);
        List<AclBinding> acls = new ArrayList<>(KafkaAccess.connectorAcls(CONNECTOR));
        acls.add(allowRelay(topic, AclOperation.WRITE));
        acls.add(allowRelay(topic, AclOperation.DESCRIBE));
        admin.createAcls(acls).all().get();
    }

    private static AclBinding allowRelay(ResourcePattern resource, AclOperation operation) {
        return new AclBinding(
                resource, new AccessControlEntry("User:" + KafkaAccess.RELAY, "*", operation, AclPermissionType.ALLOW));
    }

    /**
     * A task reports RUNNING before its connector has read where the binlog stands, and a row committed before that is
     * never captured (snapshot.mode no_data): one row a second until one reaches the topic, so that the timed run starts
     * with the connector streaming. Returns the records then on the topic (the probes that were captured).
     */
    private long awaitStreaming(RelayedEvents onTopic) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            insertBatched(1);
            long until = System.nanoTime() + Duration.ofSeconds(1).toNanos();
            while (System.nanoTime() < until) {
                if (onTopic.total() > 0) {
                    Thread.sleep(1_000); // a probe inserted just before may still be on its way
                    return onTopic.total();
                }
                Thread.sleep(20);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("No outbox row reached " + TOPIC + " in two minutes");
            }
        }
    }

    private void awaitOnTopic(RelayedEvents onTopic, long expected, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long records = onTopic.total();
            if (records >= expected) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "Only " + records + " of " + expected + " outbox rows reached " + TOPIC + " in " + timeout);
            }
            Thread.sleep(20);
        }
    }

    private static void createOutbox() throws SQLException {
        try (Connection c = DriverManager.getConnection(StackDatabase.serverUrl(), "root", "");
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS bench CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            s.execute("DROP TABLE IF EXISTS bench.outbox_event");
            s.execute("USE bench");
            s.execute(platformOutboxTable());
            // As each service's migrator grants its own outbox to the CDC user, and nothing else.
            s.execute("GRANT SELECT ON bench.outbox_event TO 'debezium'@'%'");
        }
    }

    /** The platform's own outbox table, as every service's migration creates it (platform-messaging). */
    private static String platformOutboxTable() {
        try (InputStream in = CdcFloor.class.getResourceAsStream(OUTBOX_MIGRATION)) {
            if (in == null) {
                throw new IllegalStateException(OUTBOX_MIGRATION + " is not on the class path");
            }
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int start = sql.indexOf("CREATE TABLE outbox_event");
            return sql.substring(start, sql.indexOf(';', start));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void dropOutbox() throws SQLException {
        try (Connection c = DriverManager.getConnection(StackDatabase.serverUrl(), "root", "");
                Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bench.outbox_event");
        }
    }

    private static void insertBatched(int rows) throws SQLException {
        try (Connection connection = DriverManager.getConnection(BENCH_URL, "root", "")) {
            JdbcFloor.insertBatched(connection, ROWS, rows);
        }
    }
}

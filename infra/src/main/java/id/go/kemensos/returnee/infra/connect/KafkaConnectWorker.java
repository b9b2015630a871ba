package id.go.kemensos.returnee.infra.connect;

import id.go.kemensos.returnee.infra.kafka.KafkaAccess;
import id.go.kemensos.returnee.infra.stack.ManagedProcess;
import id.go.kemensos.returnee.infra.stack.PlatformHome;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The outbox relay: a Kafka Connect worker in distributed mode, one worker, run by a {@link ConnectWorkerRuntime} (its
 * own JVM here, {@link LocalConnectJvm}). Its configuration, offsets and status live in compacted Kafka topics, as in
 * production; its settings are production's ({@code infra/connect/worker.properties}) plus where it runs. After start
 * it creates or
 * updates each outbox connector of {@code infra/connect} through the REST API ({@code PUT /connectors/{name}/config}),
 * with the local overrides of {@link ConnectorConfig#LOCAL_OVERRIDES}, and waits until every task runs.
 */
public final class KafkaConnectWorker implements AutoCloseable {

    /** Not Connect's usual 8083, which is disbursement-service's. */
    public static final int PORT = 8093;

    private static final Logger log = LoggerFactory.getLogger(KafkaConnectWorker.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final PlatformHome home;
    private final ConnectWorkerRuntime runtime;
    private final ConnectorConfig.LocalEndpoints endpoints;
    private final List<ConnectorConfig> connectors;
    private final ConnectRest rest;
    /** Failed tasks restarted once already ("connector/task"); a second failure is reported, not restarted. */
    private final Set<String> restartedOnce = new HashSet<>();

    /** The worker in its own JVM, logging in to Kafka as the connectors' schema history does. */
    public KafkaConnectWorker(PlatformHome home, ConnectorConfig.LocalEndpoints endpoints) {
        this(
                home,
                endpoints,
                new LocalConnectJvm(home, endpoints.bootstrapServers(), endpoints.kafkaSecurity()),
                baseUrl());
    }

    /**
     * @param endpoints where the connectors find the database and Kafka, as seen from where the worker runs
     * @param restUrl   where its REST API answers (a test's stand-in for the health report)
     */
    public KafkaConnectWorker(
            PlatformHome home, ConnectorConfig.LocalEndpoints endpoints, ConnectWorkerRuntime runtime, String restUrl) {
        this.rest = new ConnectRest(restUrl);
        this.home = home;
        this.runtime = runtime;
        this.endpoints = endpoints;
        this.connectors = ConnectorConfig.readAll(home.connectorConfigs());
    }

    public static String baseUrl() {
        return "http://127.0.0.1:" + PORT;
    }

    /** The outbox connectors it runs, as production's files declare them. */
    public List<ConnectorConfig> connectors() {
        return connectors;
    }

    /**
     * Starts the worker (or adopts one already listening, which another JVM of this project started), then creates or
     * updates every outbox connector and waits for its task to run.
     */
    public synchronized void start() {
        if (!runtime.isAlive()) {
            if (ManagedProcess.isListening(PORT)) {
                log.info("Kafka Connect already listening on {}; using it", PORT);
            } else {
                runtime.launch(productionWorkerProperties(home.connectorConfigs()));
            }
        }
        awaitAnswering();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        boolean wholeHistory = binlogHoldsWholeHistory();
        for (ConnectorConfig connector : connectors) {
            configure(connector.name(), connector.forLocalWorker(endpoints, wholeHistory), deadline);
        }
        retireUndeclaredOutboxConnectors();
        awaitRunning(connectors.stream().map(ConnectorConfig::name).toList(), START_TIMEOUT);
        log.info(
                "Kafka Connect worker on {} runs {}",
                baseUrl(),
                connectors.stream().map(ConnectorConfig::name).toList());
    }

    /**
     * Production's worker settings for a worker on the local stack's one broker, wherever it runs: its brokers, one
     * replica of its topics, and the relay's Kafka login for the worker, its producers, consumers and admin client.
     * Where it listens and finds its plugins is its runtime's to add.
     */
    public static Properties onOneBroker(
            Properties production, String bootstrapServers, Map<String, Object> kafkaSecurity) {
        Properties p = new Properties();
        p.putAll(production);
        p.setProperty("bootstrap.servers", bootstrapServers);
        for (String topic : List.of("config", "offset", "status")) {
            p.setProperty(topic + ".storage.replication.factor", "1");
        }
        kafkaSecurity.forEach((k, v) -> {
            for (String prefix : new String[] {"", "producer.", "consumer.", "admin."}) {
                p.setProperty(prefix + k, String.valueOf(v));
            }
        });
        return p;
    }

    public static Properties productionWorkerProperties(Path connectDir) {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(connectDir.resolve("worker.properties"))) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + connectDir.resolve("worker.properties"), e);
        }
        return p;
    }

    private void awaitAnswering() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (!rest.answers()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Kafka Connect worker not answering on " + baseUrl() + " after "
                        + START_TIMEOUT + "; see " + runtime.logLocation());
            }
            ManagedProcess.pause(Duration.ofMillis(250));
        }
    }

    /**
     * Creates or updates a connector. A restarted worker takes requests only once it has read its topics to the end,
     * which after a kill waits for the broker to abort the killed worker's open transaction
     * (producer.transaction.timeout.ms): a timed-out request is sent again until the deadline.
     */
    private void configure(String name, Map<String, String> config, Instant deadline) {
        while (true) {
            try {
                rest.putConfig(name, config);
                return;
            } catch (HttpTimeoutException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException(
                            "Cannot configure connector " + name + ": no answer until " + deadline + "; see "
                                    + runtime.logLocation(),
                            e);
                }
                log.info("Kafka Connect not taking requests yet (reading its topics); configuring {} again", name);
            } catch (IOException e) {
                throw new IllegalStateException("Cannot configure connector " + name + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * The per-service outbox connectors ({@code <service>-outbox}) the worker runs that infra/connect no longer declares:
     * a work directory from before platform-outbox still holds them.
     */
    private List<String> undeclaredOutboxConnectors() throws IOException {
        Set<String> declared = connectors.stream().map(ConnectorConfig::name).collect(Collectors.toSet());
        Set<String> formerlyPerService = KafkaAccess.services().stream()
                .map(service -> service + "-outbox")
                .collect(Collectors.toSet());
        return rest.statuses().stream()
                .map(ConnectRest.ConnectorStatus::name)
                .filter(name -> formerlyPerService.contains(name) && !declared.contains(name))
                .toList();
    }

    /**
     * Whether a connector without offsets may read the binlog from its beginning ({@code snapshot.mode=never}, the
     * local override): only when the binlog still starts at its first file (the database's whole history, every outbox's
     * creation included) and no per-service connector of an older work directory is there (starting over would relay
     * again all they relayed). Otherwise production's mode, with its caveat (docs/operators.md). Deleting
     * {@code work/kafka} alone and keeping {@code work/mariadb} still replays every outbox: start on an empty work/.
     */
    private boolean binlogHoldsWholeHistory() {
        String url = "jdbc:mysql://" + endpoints.databaseHost() + ":" + endpoints.databasePort()
                + "/?sslMode=DISABLED&allowPublicKeyRetrieval=true&connectTimeout=5000";
        String user = connectors.isEmpty() ? "debezium" : connectors.get(0).get("database.user");
        try (java.sql.Connection db = java.sql.DriverManager.getConnection(url, user, endpoints.databasePassword());
                java.sql.ResultSet logs = db.createStatement().executeQuery("SHOW BINARY LOGS")) {
            String first = logs.next() ? logs.getString(1) : "";
            boolean olderConnectors = !undeclaredOutboxConnectors().isEmpty();
            if (!first.endsWith(".000001") || olderConnectors) {
                log.warn(
                        "The relay starts as in production (snapshot.mode {}): {}",
                        connectors.isEmpty() ? "?" : connectors.get(0).get("snapshot.mode"),
                        olderConnectors
                                ? "per-service connectors of an older work directory are there"
                                : "the binlog starts at " + first + ", not at the database's beginning");
                return false;
            }
            return true;
        } catch (java.sql.SQLException | IOException e) {
            log.warn("The relay starts as in production: cannot tell where the binlog begins ({})", e.getMessage());
            return false;
        }
    }

    /**
     * Deletes the per-service outbox connectors ({@code <service>-outbox}) that infra/connect no longer declares: a work
     * directory from before platform-outbox still holds them, and two connectors on one outbox would relay its events
     * twice. It runs once platform-outbox exists (its own server id, so both read the binlog meanwhile). Not safe for
     * every row: one written before platform-outbox started that its old connector had not relayed when the stack last
     * stopped, nor in the moments since it resumed, is not relayed (a development stack's work directory; production's
     * move is a runbook in docs/operators.md that waits for the old connectors).
     */
    void retireUndeclaredOutboxConnectors() {
        try {
            for (String undeclared : undeclaredOutboxConnectors()) {
                log.warn(
                        "Deleting outbox connector {}: infra/connect no longer declares it ({} relays every outbox)",
                        undeclared,
                        connectors.stream().map(ConnectorConfig::name).toList());
                rest.delete(undeclared);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot list or delete the worker's connectors: " + e.getMessage(), e);
        }
    }

    /** Waits until each named connector and all its tasks are RUNNING; a FAILED one stops the wait with its trace. */
    public void awaitRunning(List<String> names, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            Map<String, String> states = states();
            boolean allRunning = true;
            for (String name : names) {
                String state = states.getOrDefault(name, "ABSENT");
                if (state.startsWith("FAILED")) {
                    throw new IllegalStateException("Connector " + name + " failed: " + state);
                }
                allRunning &= state.equals("RUNNING");
            }
            if (allRunning) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Connectors not running after " + timeout + ": " + states);
            }
            ManagedProcess.pause(Duration.ofMillis(250));
        }
    }

    /**
     * Each connector's state as one word, RUNNING only when the connector and every task run (and it has tasks); a
     * failed connector or task gives FAILED with the first line of its trace.
     */
    public Map<String, String> states() {
        List<ConnectRest.ConnectorStatus> all;
        try {
            all = rest.statuses();
        } catch (IOException e) {
            return Map.of("worker", "DOWN " + e.getMessage());
        }
        Map<String, String> states = new TreeMap<>();
        for (ConnectRest.ConnectorStatus connector : all) {
            states.put(connector.name(), oneWord(connector));
        }
        return states;
    }

    private static String oneWord(ConnectRest.ConnectorStatus status) {
        ConnectRest.State connector = status.connector();
        if (connector.failed()) {
            return "FAILED " + connector.firstTraceLine();
        }
        if (status.tasks().isEmpty()) {
            return connector.state().equals("RUNNING") ? "NO TASKS" : connector.state();
        }
        String state = connector.state();
        for (ConnectRest.TaskStatus task : status.tasks()) {
            if (task.state().failed()) {
                return "FAILED task " + task.id() + ": " + task.state().firstTraceLine();
            }
            if (!task.state().state().equals("RUNNING")) {
                state = task.state().state();
            }
        }
        return state;
    }

    /**
     * Each connector and task state for the stack's health report. A failed task is restarted through the REST API
     * once; if it fails again it is reported as failed, with the first line of its trace, and left for an operator.
     */
    public synchronized Map<String, String> health() {
        List<ConnectRest.ConnectorStatus> all;
        try {
            all = rest.statuses();
        } catch (IOException e) {
            return Map.of("kafka-connect", "DOWN " + e.getMessage());
        }
        Map<String, String> report = new LinkedHashMap<>();
        for (ConnectRest.ConnectorStatus connector : all) {
            StringBuilder line = new StringBuilder(connector.connector().state());
            for (ConnectRest.TaskStatus task : connector.tasks()) {
                line.append(", task ")
                        .append(task.id())
                        .append(' ')
                        .append(task.state().state());
                if (task.state().failed()) {
                    line.append(" (").append(task.state().firstTraceLine()).append(')');
                    line.append(restartOnce(connector.name(), task.id()));
                }
            }
            report.put("connector " + connector.name(), line.toString());
        }
        return report;
    }

    /** Restarts a failed task the first time it is seen failed; says what was done, for the report. */
    private String restartOnce(String connector, int task) {
        if (!restartedOnce.add(connector + "/" + task)) {
            return ", failed again after a restart: see " + runtime.logLocation();
        }
        try {
            rest.restartTask(connector, task);
            log.warn("Connector {} task {} failed; restarted it once", connector, task);
            return ", restarted";
        } catch (IOException e) {
            return ", restart refused: " + e.getMessage();
        }
    }

    /**
     * A connector's configuration as this worker runs it (with the local overrides), starting where its own
     * configuration says (the CDC benchmark's connector: at the binlog's end).
     */
    public Map<String, String> localConfig(ConnectorConfig connector) {
        return connector.forLocalWorker(endpoints, false);
    }

    /** Creates or updates a connector of the caller's (the CDC benchmark's own) and waits until it runs. */
    public void run(String name, Map<String, String> config) throws IOException {
        rest.putConfig(name, config);
        awaitRunning(List.of(name), START_TIMEOUT);
    }

    public void remove(String name) throws IOException {
        rest.delete(name);
    }

    /** The source offsets Connect has committed for a connector (the binlog position it resumes from). */
    public JsonNode committedOffsets(String name) throws IOException {
        return rest.offsets(name);
    }

    public boolean isRunning() {
        return runtime.isAlive() || rest.answers();
    }

    /** Stops the worker gracefully (SIGTERM: tasks stop and commit their offsets). */
    public synchronized void stop() {
        runtime.stop();
    }

    /** Crashes the worker (SIGKILL): nothing is flushed or committed; start it again after. */
    public synchronized void kill() {
        runtime.kill();
    }

    @Override
    public void close() {
        stop();
    }
}

package id.go.kemensos.returnee.infra.relay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local stand-in for a Kafka Connect cluster: one Debezium embedded engine per {@code infra/connect/*-outbox.json}.
 * Offsets and schema history live in files under work/relay, so a restarted relay resumes where it stopped. It logs in
 * to Kafka as {@code relay}, the only principal that may write the {@code *.events} topics.
 */
public final class OutboxRelay implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final long START_TIMEOUT_MILLIS = 120_000;

    private final List<ConnectorConfig> connectors;
    private final ConnectorConfig.LocalEndpoints endpoints;
    private Producer<byte[], byte[]> producer;
    private FileChannel lockChannel;
    private FileLock lock;
    private final Map<String, OutboxConnector> running = new LinkedHashMap<>();

    public OutboxRelay(Path connectorDir, ConnectorConfig.LocalEndpoints endpoints) {
        this.connectors = readConnectors(connectorDir);
        this.endpoints = endpoints;
    }

    private static List<ConnectorConfig> readConnectors(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            List<ConnectorConfig> found = files.filter(
                            f -> f.getFileName().toString().endsWith("-outbox.json"))
                    .sorted()
                    .map(ConnectorConfig::read)
                    .toList();
            if (found.isEmpty()) {
                throw new IllegalStateException("No *-outbox.json connector configurations in " + dir);
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized void start() {
        if (!running.isEmpty()) {
            return;
        }
        acquireLock();
        Map<String, Object> config = new HashMap<>(endpoints.kafkaSecurity());
        config.putAll(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                endpoints.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.LINGER_MS_CONFIG,
                2,
                ProducerConfig.BATCH_SIZE_CONFIG,
                256 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG,
                "lz4",
                ProducerConfig.CLIENT_ID_CONFIG,
                "outbox-relay"));
        producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
        for (ConnectorConfig connector : connectors) {
            OutboxConnector engine = new OutboxConnector(connector, connector.forLocalStack(endpoints), producer);
            engine.start(START_TIMEOUT_MILLIS);
            running.put(connector.name(), engine);
        }
        log.info("Outbox relay running: {}", running.keySet());
    }

    /** Stops every engine after committing the offsets of what Kafka has acknowledged. */
    public synchronized void stop() {
        running.values().forEach(OutboxConnector::stop);
        running.clear();
        if (producer != null) {
            producer.close();
            producer = null;
        }
        releaseLock();
    }

    /**
     * Two relays on one database would both stream the binlog under the same connector server ids and fight over the
     * offset files, as Kafka Connect never lets two tasks of one connector do. The lock makes a second relay fail at
     * once instead.
     */
    private void acquireLock() {
        Path lockFile = endpoints.stateDir().resolve("relay.lock");
        try {
            lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            lock = lockChannel.tryLock();
        } catch (IOException | OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            closeQuietly(lockChannel);
            throw new IllegalStateException("Another outbox relay is running on " + endpoints.stateDir()
                    + " (the platform launcher, a benchmark or another test run); stop it first");
        }
    }

    private void releaseLock() {
        try {
            if (lock != null) {
                lock.release();
            }
        } catch (IOException e) {
            log.warn("Releasing the relay lock failed: {}", e.getMessage());
        }
        lock = null;
        closeQuietly(lockChannel);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // nothing to do
        }
    }

    public synchronized boolean isRunning() {
        return !running.isEmpty() && running.values().stream().allMatch(c -> c.isRunning() && c.lastFailure() == null);
    }

    /** Events relayed per connector since this relay started, for the health report and benchmarks. */
    public synchronized Map<String, Long> relayedCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        running.forEach((name, c) -> counts.put(name, c.relayedCount()));
        return counts;
    }

    /** Automatic restarts per connector after a failure, for the health report: non-zero means look at the log. */
    public synchronized Map<String, Integer> restartCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        running.forEach((name, c) -> counts.put(name, c.restartCount()));
        return counts;
    }

    public synchronized Map<String, String> failures() {
        Map<String, String> failures = new LinkedHashMap<>();
        running.forEach((name, c) -> {
            if (c.lastFailure() != null) {
                failures.put(name, String.valueOf(c.lastFailure().getMessage()));
            }
        });
        return failures;
    }

    @Override
    public void close() {
        stop();
    }
}

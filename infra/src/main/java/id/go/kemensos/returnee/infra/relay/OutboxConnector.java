package id.go.kemensos.returnee.infra.relay;

import io.debezium.embedded.Connect;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import io.debezium.engine.format.ChangeEventFormat;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.storage.Converter;
import org.apache.kafka.connect.storage.HeaderConverter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Debezium embedded engine reading one service's {@code outbox_event} from the binlog, routed by the Outbox
 * EventRouter and written to Kafka with the converters its connector JSON names, exactly as Kafka Connect would. A
 * batch's source offsets are committed only after Kafka has acknowledged every record of it: a crash re-emits
 * (consumers deduplicate by event id) but never loses.
 */
final class OutboxConnector implements DebeziumEngine.ChangeConsumer<RecordChangeEvent<SourceRecord>> {

    private static final Logger log = LoggerFactory.getLogger(OutboxConnector.class);

    private final ConnectorConfig connector;
    private final Properties engineProperties;
    private final Producer<byte[], byte[]> producer;
    private final Converter keyConverter;
    private final Converter valueConverter;
    private final HeaderConverter headerConverter;
    private final AtomicLong relayed = new AtomicLong();
    private final AtomicReference<Throwable> lastFailure = new AtomicReference<>();

    private static final ScheduledExecutorService RESTARTS = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "outbox-relay-restarts");
        t.setDaemon(true);
        return t;
    });

    private volatile DebeziumEngine<RecordChangeEvent<SourceRecord>> engine;
    private volatile ExecutorService executor;
    private volatile CountDownLatch started;
    private volatile boolean taskRunning;
    /** A failure while starting belongs to the starter: the first start fails loudly, a restart reschedules itself. */
    private volatile boolean starting;

    private volatile boolean stopping;
    private final AtomicInteger restarts = new AtomicInteger();
    private int consecutiveFailures;
    private volatile Instant lastStartedAt = Instant.EPOCH;
    private static final Duration HEALTHY_RUN = Duration.ofSeconds(60);

    OutboxConnector(ConnectorConfig connector, Properties engineProperties, Producer<byte[], byte[]> producer) {
        this.connector = connector;
        this.engineProperties = engineProperties;
        this.producer = producer;
        this.keyConverter = converter(connector.get("key.converter"), true);
        this.valueConverter = converter(connector.get("value.converter"), false);
        this.headerConverter = headerConverter(connector.get("header.converter"));
    }

    String name() {
        return connector.name();
    }

    long relayedCount() {
        return relayed.get();
    }

    Throwable lastFailure() {
        return lastFailure.get();
    }

    boolean isRunning() {
        return engine != null && taskRunning && !stopping;
    }

    int restartCount() {
        return restarts.get();
    }

    /** Starts the engine and waits until its task streams from the binlog. */
    synchronized void start(long timeoutMillis) {
        stopping = false;
        startEngine(timeoutMillis);
    }

    private void startEngine(long timeoutMillis) {
        taskRunning = false;
        starting = true;
        started = new CountDownLatch(1);
        engine = DebeziumEngine.create(ChangeEventFormat.of(Connect.class))
                .using(engineProperties)
                .using(new DebeziumEngine.ConnectorCallback() {
                    @Override
                    public void taskStarted() {
                        taskRunning = true;
                        started.countDown();
                    }
                })
                .using(this::completed)
                .notifying(this)
                .build();
        executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "outbox-relay-" + connector.name()));
        executor.execute(engine);
        try {
            if (!started.await(timeoutMillis, TimeUnit.MILLISECONDS)) {
                starting = false;
                closeEngine();
                throw new IllegalStateException(
                        "Outbox connector " + connector.name() + " did not start within " + timeoutMillis + " ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting " + connector.name(), e);
        }
        starting = false;
        if (!taskRunning) {
            Throwable failure = lastFailure.get();
            throw new IllegalStateException(
                    "Outbox connector " + connector.name() + " failed to start: "
                            + (failure == null ? "unknown" : failure.getMessage()),
                    failure);
        }
        lastFailure.set(null);
        lastStartedAt = Instant.now();
        log.info("Outbox connector {} streaming", connector.name());
    }

    /** Restarts a failed engine from its stored offsets, backing off 2, 4, 8 ... 60 s while it keeps failing. */
    private void scheduleRestart() {
        if (Duration.between(lastStartedAt, Instant.now()).compareTo(HEALTHY_RUN) > 0) {
            consecutiveFailures = 0; // it ran well for a while: this is a new incident, start the backoff again
        }
        long delaySeconds = Math.min(60, 2L << Math.min(consecutiveFailures++, 5));
        log.error(
                "OUTBOX RELAY {}: restarting in {} s (attempt {})",
                connector.name(),
                delaySeconds,
                consecutiveFailures);
        RESTARTS.schedule(this::restart, delaySeconds, TimeUnit.SECONDS);
    }

    private synchronized void restart() {
        if (stopping) {
            return;
        }
        try {
            closeEngine();
            startEngine(120_000);
            restarts.incrementAndGet();
            log.warn("OUTBOX RELAY {} restarted and streaming again", connector.name());
        } catch (RuntimeException e) {
            log.error("OUTBOX RELAY {} restart failed: {}", connector.name(), e.getMessage());
            scheduleRestart();
        }
    }

    synchronized void stop() {
        stopping = true;
        closeEngine();
        log.info("Outbox connector {} stopped after relaying {} events", connector.name(), relayed.get());
    }

    private void closeEngine() {
        DebeziumEngine<?> running = engine;
        engine = null;
        taskRunning = false;
        if (running != null) {
            try {
                running.close(); // commits the offsets of everything already handed to Kafka
            } catch (IOException | RuntimeException e) {
                // An engine that already failed may refuse to close; it holds nothing more to release.
                log.warn("Closing outbox connector {} failed: {}", connector.name(), e.getMessage());
            }
        }
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    @Override
    public void handleBatch(
            List<RecordChangeEvent<SourceRecord>> records,
            DebeziumEngine.RecordCommitter<RecordChangeEvent<SourceRecord>> committer)
            throws InterruptedException {
        List<Future<RecordMetadata>> sends = new ArrayList<>(records.size());
        for (RecordChangeEvent<SourceRecord> change : records) {
            SourceRecord record = change.record();
            if (record != null && record.value() != null) {
                sends.add(producer.send(toKafka(record)));
            }
        }
        producer.flush();
        for (Future<RecordMetadata> send : sends) {
            try {
                send.get();
            } catch (java.util.concurrent.ExecutionException e) {
                // Fails the engine without committing this batch's offsets; the completion callback reports it loudly.
                throw new IllegalStateException("Kafka refused an outbox event of " + connector.name(), e.getCause());
            }
        }
        for (RecordChangeEvent<SourceRecord> change : records) {
            committer.markProcessed(change);
        }
        committer.markBatchFinished();
        relayed.addAndGet(sends.size());
    }

    private ProducerRecord<byte[], byte[]> toKafka(SourceRecord record) {
        String topic = record.topic();
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            headers.add(
                    header.key(),
                    headerConverter.fromConnectHeader(topic, header.key(), header.schema(), header.value()));
        }
        return new ProducerRecord<>(
                topic,
                null,
                record.timestamp(),
                keyConverter.fromConnectData(topic, record.keySchema(), record.key()),
                valueConverter.fromConnectData(topic, record.valueSchema(), record.value()),
                headers);
    }

    private void completed(boolean success, String message, Throwable error) {
        if (stopping) {
            return;
        }
        // A connector failing after start surfaces only here: make it loud, and keep it for the health report.
        Throwable failure = error != null ? error : new IllegalStateException(message);
        lastFailure.set(failure);
        taskRunning = false;
        log.error("OUTBOX RELAY {} STOPPED UNEXPECTEDLY (success={}): {}", connector.name(), success, message, error);
        if (starting) {
            started.countDown(); // whoever is starting the engine reports or retries
        } else {
            scheduleRestart();
        }
    }

    private Converter converter(String className, boolean isKey) {
        Converter converter = instantiate(className, Converter.class);
        converter.configure(converterConfig(isKey ? "key.converter." : "value.converter."), isKey);
        return converter;
    }

    private HeaderConverter headerConverter(String className) {
        HeaderConverter converter = instantiate(className, HeaderConverter.class);
        converter.configure(converterConfig("header.converter."));
        return converter;
    }

    private Map<String, Object> converterConfig(String prefix) {
        Map<String, Object> config = new HashMap<>();
        connector.config().forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                config.put(k.substring(prefix.length()), v);
            }
        });
        return config;
    }

    private static <T> T instantiate(String className, Class<T> type) {
        try {
            return type.cast(Class.forName(className).getDeclaredConstructor().newInstance());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot instantiate " + type.getSimpleName() + " " + className, e);
        }
    }
}

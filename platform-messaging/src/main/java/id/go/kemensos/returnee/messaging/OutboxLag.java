package id.go.kemensos.returnee.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code platform.outbox.lag}: how long the oldest outbox row the relay has not yet written to Kafka has waited, in
 * seconds; 0 when none waits. The relay reads the binlog in commit order and stamps each record with the time it read
 * its row, so every row created after the newest record on this service's topics waits; the oldest of them is the lag.
 * A relay that is down shows as a lag that grows with the clock. Asking the broker for the newest record's time needs
 * only DESCRIBE on those topics (infra's KafkaAccess grants it).
 */
public class OutboxLag implements MeterBinder, RefreshedGauge, AutoCloseable {

    private static final String NAME = "platform.outbox.lag";
    private static final Duration BROKER_TIMEOUT = Duration.ofSeconds(5);

    private final JdbcTemplate jdbc;
    private final Supplier<Admin> connect;
    private final List<String> topics;
    private Admin admin;
    private volatile double seconds;

    /**
     * @param topics  where the relay writes this service's outbox ({@code EventCatalog.topicsRaisedBy})
     * @param connect opens an admin client as this service's principal, on first use
     */
    public OutboxLag(JdbcTemplate jdbc, Supplier<Admin> connect, List<String> topics) {
        this.jdbc = jdbc;
        this.connect = connect;
        this.topics = List.copyOf(topics);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(NAME, this, lag -> lag.seconds)
                .baseUnit("seconds")
                .description("Age of the oldest outbox row not yet relayed to Kafka; 0 when none waits")
                .register(registry);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void refresh() {
        long newestRelayed = newestRelayedMillis();
        // Compared and aged on the database's clock, which stamped created_at; the time goes as epoch milliseconds
        // (a java.sql.Timestamp parameter lost its fraction of a second on the way, and with it every row of that
        // second looked unrelayed).
        Long waitedMicros = jdbc.queryForObject(
                "SELECT TIMESTAMPDIFF(MICROSECOND, MIN(created_at), UTC_TIMESTAMP(6)) FROM outbox_event "
                        + "WHERE created_at > FROM_UNIXTIME(? / 1000)",
                Long.class,
                Math.max(newestRelayed, 0));
        seconds = waitedMicros == null ? 0 : Math.max(0, waitedMicros) / 1_000_000.0;
    }

    /** The time the relay stamped on the newest record of this service's topics, or -1 if there is none yet. */
    private long newestRelayedMillis() {
        Admin kafka = admin();
        try {
            Map<TopicPartition, OffsetSpec> newest = new HashMap<>();
            for (var described : kafka.describeTopics(topics).topicNameValues().entrySet()) {
                TopicDescription topic;
                try {
                    topic = described.getValue().get(BROKER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                        continue; // nothing relayed to it yet
                    }
                    throw e;
                }
                topic.partitions()
                        .forEach(p ->
                                newest.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.maxTimestamp()));
            }
            long millis = -1;
            for (ListOffsetsResult.ListOffsetsResultInfo info : kafka.listOffsets(newest)
                    .all()
                    .get(BROKER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .values()) {
                millis = Math.max(millis, info.timestamp());
            }
            return millis;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while asking the broker", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("The broker did not say what was relayed: " + e.getMessage(), e);
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = connect.get();
        }
        return admin;
    }

    @Override
    public synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }
}

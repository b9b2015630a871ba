package id.go.kemensos.returnee.bench;

import id.go.kemensos.returnee.infra.kafka.KafkaAccess;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Plain Kafka on the local broker: 1 KB records produced with the platform's durability settings, then consumed back.
 */
final class KafkaFloor {

    static final String TOPIC = "bench.floor";
    static final int RECORD_BYTES = 1024;
    private static final int PARTITIONS = 6;
    private static final Duration TOPIC_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration CONSUME_TIMEOUT = Duration.ofMinutes(5);
    /**
     * Untimed records first, so the figure is the steady state of the producer's and the broker's JIT-compiled code.
     */
    private static final int WARM_UP_RECORDS = 10_000;

    /** {@code consumed} includes the warm-up records: the consumer reads the whole topic. */
    record Figures(long records, long produceNanos, long consumed, long consumeNanos, long groupJoinNanos) {

        double producedPerSecond() {
            return Rates.perSecond(records, produceNanos);
        }

        double producedMegabytesPerSecond() {
            return producedPerSecond() * RECORD_BYTES / 1e6;
        }

        double consumedPerSecond() {
            return Rates.perSecond(consumed, consumeNanos);
        }
    }

    private final String bootstrapServers;
    private final PrintStream out;

    KafkaFloor(String bootstrapServers, PrintStream out) {
        this.bootstrapServers = bootstrapServers;
        this.out = out;
    }

    Figures run(int records) throws Exception {
        try (Admin admin = Admin.create(KafkaAccess.asAdmin(bootstrapServers))) {
            recreateTopic(admin);
            long produceNanos = produce(records);
            out.printf(
                    "  produced %,d records of %d bytes in %s (after %,d untimed warm-up records)%n",
                    records, RECORD_BYTES, Rates.secondsText(produceNanos), WARM_UP_RECORDS);
            int consumed = records + WARM_UP_RECORDS;
            long[] consume = consume(consumed);
            out.printf(
                    "  consumed %,d records in %s (group join took %s)%n",
                    consumed, Rates.secondsText(consume[0]), Rates.millis(consume[1]));
            deleteTopic(admin); // 1 KB x records would otherwise stay on disk forever (the broker keeps logs forever)
            return new Figures(records, produceNanos, consumed, consume[0], consume[1]);
        }
    }

    private long produce(int records) throws InterruptedException {
        Map<String, Object> config = KafkaAccess.asAdmin(
                bootstrapServers,
                Map.of(
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true,
                        ProducerConfig.LINGER_MS_CONFIG,
                        5,
                        ProducerConfig.BATCH_SIZE_CONFIG,
                        256 * 1024,
                        ProducerConfig.CLIENT_ID_CONFIG,
                        "bench-floor-producer"));
        byte[] value = new byte[RECORD_BYTES];
        new Random(42).nextBytes(value); // incompressible, though compression is off anyway
        AtomicLong acknowledged = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            send(producer, 0, WARM_UP_RECORDS, value, acknowledged, failure);
            producer.flush();
            long start = System.nanoTime();
            send(producer, WARM_UP_RECORDS, records, value, acknowledged, failure);
            producer.flush();
            long nanos = System.nanoTime() - start;
            if (failure.get() != null || acknowledged.get() != WARM_UP_RECORDS + records) {
                throw new IllegalStateException(
                        "Kafka floor: " + acknowledged.get() + " of " + records + " acknowledged", failure.get());
            }
            return nanos;
        }
    }

    private static void send(
            KafkaProducer<byte[], byte[]> producer,
            int from,
            int count,
            byte[] value,
            AtomicLong acknowledged,
            AtomicReference<Exception> failure) {
        for (int i = from; i < from + count; i++) {
            byte[] key = Integer.toString(i).getBytes(StandardCharsets.US_ASCII);
            producer.send(new ProducerRecord<>(TOPIC, key, value), (metadata, error) -> {
                if (error != null) {
                    failure.compareAndSet(null, error);
                } else {
                    acknowledged.incrementAndGet();
                }
            });
        }
    }

    /**
     * @return {nanos from the first record to the last, nanos spent joining the fresh group before the first record}
     */
    private long[] consume(int records) {
        Map<String, Object> config = KafkaAccess.asAdmin(
                bootstrapServers,
                Map.of(
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "bench-floor-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false,
                        ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                        2_000,
                        ConsumerConfig.CLIENT_ID_CONFIG,
                        "bench-floor-consumer"));
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            long subscribed = System.nanoTime();
            consumer.subscribe(List.of(TOPIC));
            long first = 0;
            long seen = 0;
            long deadline = subscribed + CONSUME_TIMEOUT.toNanos();
            while (seen < records) {
                ConsumerRecords<byte[], byte[]> batch = consumer.poll(Duration.ofMillis(200));
                if (!batch.isEmpty() && first == 0) {
                    first = System.nanoTime();
                }
                seen += batch.count();
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "Kafka floor: consumed only " + seen + " of " + records + " in " + CONSUME_TIMEOUT);
                }
            }
            // The first batch's own fetch is inside the join figure; with 1,000s of records per batch that is noise.
            return new long[] {System.nanoTime() - first, first - subscribed};
        }
    }

    private void recreateTopic(Admin admin) throws Exception {
        deleteTopic(admin);
        long deadline = System.nanoTime() + TOPIC_TIMEOUT.toNanos();
        while (true) {
            try {
                admin.createTopics(List.of(new NewTopic(TOPIC, PARTITIONS, (short) 1)))
                        .all()
                        .get(30, TimeUnit.SECONDS);
                break;
            } catch (ExecutionException e) {
                // A just-deleted topic can still be "marked for deletion" for a moment.
                if (!(e.getCause() instanceof TopicExistsException) || System.nanoTime() > deadline) {
                    throw e;
                }
                pause();
            }
        }
        awaitLeaders(admin, deadline);
    }

    private void deleteTopic(Admin admin) throws Exception {
        try {
            admin.deleteTopics(List.of(TOPIC)).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                throw e;
            }
        }
    }

    /**
     * An idempotent producer on a topic whose partitions have no leader yet once stalled for minutes on this machine.
     */
    private void awaitLeaders(Admin admin, long deadline) throws Exception {
        while (true) {
            try {
                TopicDescription description = admin.describeTopics(List.of(TOPIC))
                        .allTopicNames()
                        .get(10, TimeUnit.SECONDS)
                        .get(TOPIC);
                if (description.partitions().size() == PARTITIONS
                        && description.partitions().stream()
                                .allMatch(p -> p.leader() != null && !p.leader().isEmpty())) {
                    return;
                }
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "Topic " + TOPIC + " has partitions without a leader after " + TOPIC_TIMEOUT);
            }
            pause();
        }
    }

    private static void pause() throws InterruptedException {
        TimeUnit.MILLISECONDS.sleep(100); // polling pause while the controller catches up, not a measurement
    }
}

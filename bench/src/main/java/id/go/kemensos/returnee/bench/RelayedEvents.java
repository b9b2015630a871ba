package id.go.kemensos.returnee.bench;

import id.go.kemensos.returnee.contracts.Topics;
import id.go.kemensos.returnee.infra.kafka.KafkaAccess;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * How many events the relay has put on topics, counted record by record as the services see them (committed
 * transactions only). End offsets would overcount: the relay writes in transactions, and each one's commit marker takes
 * an offset too. Each call reads on from where the previous one stopped.
 */
final class RelayedEvents implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<TopicPartition> partitions;
    private final Map<String, Long> counts = new TreeMap<>();

    /** Every event topic of the platform. */
    RelayedEvents(String bootstrapServers) {
        this(bootstrapServers, Topics.allEventTopics());
    }

    RelayedEvents(String bootstrapServers, List<String> topics) {
        this.consumer = new KafkaConsumer<>(
                KafkaAccess.asAdmin(
                        bootstrapServers,
                        Map.of(
                                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                                "read_committed",
                                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                                false,
                                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                                5_000)),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        this.partitions = topics.stream()
                .flatMap(topic -> consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream())
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        topics.forEach(topic -> counts.put(topic, 0L));
    }

    /** Records on each topic up to its last stable offset now, by topic name. */
    synchronized Map<String, Long> counts() {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                counts.merge(record.topic(), 1L, Long::sum);
            }
        }
        return new TreeMap<>(counts);
    }

    /** Records on every topic together. */
    long total() {
        return counts().values().stream().mapToLong(Long::longValue).sum();
    }

    @Override
    public synchronized void close() {
        consumer.close();
    }
}

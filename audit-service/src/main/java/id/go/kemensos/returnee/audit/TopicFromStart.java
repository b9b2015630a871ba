package id.go.kemensos.returnee.audit;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.LongConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * Reads a topic from its first offset to the end offsets it had when the reading began, outside any consumer group (an
 * auditor's reading moves nobody's offsets), handing over each partition's share of a poll in offset order.
 */
@Component
public class TopicFromStart {

    private static final Logger log = LoggerFactory.getLogger(TopicFromStart.class);

    private final KafkaProperties kafka;

    public TopicFromStart(KafkaProperties kafka) {
        this.kafka = kafka;
        // The Kafka client's protocol tables and consumer code take 0.5 to 1 s to load: load them while the service
        // starts,
        // so that a replay or a verification in a fresh JVM (the commands) does not wait for them. Nothing is
        // connected.
        Thread warmUp = new Thread(
                () -> {
                    try (KafkaConsumer<byte[], byte[]> unused = new KafkaConsumer<>(config(Map.of()))) {
                        ApiKeys.values();
                    } catch (RuntimeException e) {
                        log.debug("Kafka client warm-up skipped: {}", e.toString());
                    }
                },
                "kafka-client-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    private Map<String, Object> config(Map<String, Object> tuning) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.putAll(tuning);
        return config;
    }

    /** Where the reading stopped, per partition, and how long the consumer took to be ready. */
    public record Read(Map<Integer, Long> endOffsets, long setupMillis) {}

    /**
     * @param tuning consumer settings on top of the service's (fetch sizes and the like)
     * @param each   called on the reading thread with a partition and its next records, none at or past the end offset
     */
    public Read read(
            String topic,
            Map<String, Object> tuning,
            BiConsumer<TopicPartition, List<ConsumerRecord<byte[], byte[]>>> each) {
        return read(topic, tuning, records -> {}, each);
    }

    /**
     * @param toRead told, before the first record, how many records lie between the first offsets and the end offsets
     */
    public Read read(
            String topic,
            Map<String, Object> tuning,
            LongConsumer toRead,
            BiConsumer<TopicPartition, List<ConsumerRecord<byte[], byte[]>>> each) {
        long started = System.nanoTime();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config(tuning))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            Set<TopicPartition> remaining = new HashSet<>();
            long records = 0;
            for (Map.Entry<TopicPartition, Long> partitionEnd : end.entrySet()) {
                long first = consumer.position(partitionEnd.getKey());
                if (first < partitionEnd.getValue()) {
                    remaining.add(partitionEnd.getKey());
                    records += partitionEnd.getValue() - first;
                }
            }
            toRead.accept(records);
            consumer.pause(
                    partitions.stream().filter(p -> !remaining.contains(p)).toList());
            long setupMillis = (System.nanoTime() - started) / 1_000_000;
            while (!remaining.isEmpty()) {
                ConsumerRecords<byte[], byte[]> batch = consumer.poll(Duration.ofMillis(500));
                for (TopicPartition partition : batch.partitions()) {
                    long stop = end.get(partition);
                    List<ConsumerRecord<byte[], byte[]>> part = batch.records(partition);
                    int upTo = part.size();
                    while (upTo > 0 && part.get(upTo - 1).offset() >= stop) {
                        upTo--;
                    }
                    each.accept(partition, part.subList(0, upTo));
                }
                // Every partition, not only those with records in this poll: a transaction's commit marker may be all
                // that was left of one, and the consumer passes it without handing over a record.
                for (TopicPartition partition : List.copyOf(remaining)) {
                    if (consumer.position(partition) >= end.get(partition)) {
                        remaining.remove(partition);
                        consumer.pause(List.of(partition));
                    }
                }
            }
            Map<Integer, Long> offsets = new HashMap<>();
            end.forEach((p, o) -> offsets.put(p.partition(), o));
            return new Read(offsets, setupMillis);
        }
    }
}

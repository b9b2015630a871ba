package id.go.kemensos.returnee.testsupport;

import id.go.kemensos.returnee.infra.kafka.KafkaAccess;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Reads a topic from the beginning, as an auditor would, with the CloudEvents SDK's Kafka deserializer or as raw bytes.
 * Reads up to the end offsets taken at the start of the call. Logs in as the local stack's admin.
 */
public final class EventLog {

    private final String bootstrapServers;

    public EventLog(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * The records with this key, read as CloudEvents by the SDK's Kafka message reader. Records are selected by key
     * before they are parsed, because the log may also hold malformed records that were dead-lettered.
     */
    public List<CloudEvent> cloudEvents(String topic, String key) {
        return raw(topic, r -> key.equals(r.key())).stream()
                .map(r -> KafkaMessageFactory.createReader(r).toEvent())
                .toList();
    }

    /** Delivers the same records (same CloudEvents ids, same partitions) again, as Kafka may after a consumer crash. */
    public void redeliver(List<ConsumerRecord<String, byte[]>> records) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                KafkaAccess.asAdmin(bootstrapServers), new StringSerializer(), new ByteArraySerializer())) {
            for (ConsumerRecord<String, byte[]> r : records) {
                producer.send(new ProducerRecord<>(r.topic(), r.partition(), r.key(), r.value(), r.headers()));
            }
        }
    }

    public List<ConsumerRecord<String, byte[]>> raw(String topic, Predicate<ConsumerRecord<String, byte[]>> filter) {
        return read(topic, new ByteArrayDeserializer(), filter);
    }

    private <V> List<ConsumerRecord<String, V>> read(
            String topic, Deserializer<V> values, Predicate<ConsumerRecord<String, V>> filter) {
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(
                KafkaAccess.asAdmin(
                        bootstrapServers,
                        Map.of(
                                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                                false,
                                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                                5000,
                                // as the services read: an aborted relay transaction's records are no events
                                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                                "read_committed")),
                new StringDeserializer(),
                values)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, V>> found = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, V> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))
                            && filter.test(record)) {
                        found.add(record);
                    }
                }
            }
            return found;
        }
    }
}

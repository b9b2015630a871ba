package id.go.kemensos.returnee.audit.replay;

import id.go.kemensos.returnee.contracts.EventCatalog;
import id.go.kemensos.returnee.contracts.EventType;
import id.go.kemensos.returnee.contracts.PlatformEvent;
import id.go.kemensos.returnee.contracts.disbursement.DisbursementTopics;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads disbursement.events from its first offset to the end it had when the reading began, outside any consumer group (a
 * replay moves nobody's offsets), and hands each payment event to a fold. Events after {@code asOf} are left out.
 */
@Component
public class DisbursementEventLog {

    private static final Logger log = LoggerFactory.getLogger(DisbursementEventLog.class);

    private final KafkaProperties kafka;
    private final JsonMapper json;

    public DisbursementEventLog(KafkaProperties kafka, JsonMapper json) {
        this.kafka = kafka;
        this.json = json;
    }

    /** What one pass read: every record up to these end offsets, how many were payment events and how many were after asOf. */
    public record Pass(Map<Integer, Long> endOffsets, long records, long paymentEvents, long afterAsOf, long unreadable) {
    }

    public Pass read(Instant asOf, PaymentHistory history) {
        return read(DisbursementTopics.EVENTS, asOf, history);
    }

    Pass read(String topic, Instant asOf, PaymentHistory history) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 20_000);
        config.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024);
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024);
        config.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1024 * 1024);
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
        config.put(ConsumerConfig.RECEIVE_BUFFER_CONFIG, 4 * 1024 * 1024);
        config.put(ConsumerConfig.CHECK_CRCS_CONFIG, false);
        long records = 0, paymentEvents = 0, afterAsOf = 0, unreadable = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            Map<TopicPartition, Long> remaining = new HashMap<>();
            end.forEach((partition, offset) -> {
                if (consumer.position(partition) < offset) {
                    remaining.put(partition, offset);
                }
            });
            consumer.pause(partitions.stream().filter(p -> !remaining.containsKey(p)).toList());
            while (!remaining.isEmpty()) {
                ConsumerRecords<byte[], byte[]> batch = consumer.poll(Duration.ofMillis(500));
                for (TopicPartition partition : batch.partitions()) {
                    long stop = end.get(partition);
                    for (ConsumerRecord<byte[], byte[]> record : batch.records(partition)) {
                        if (record.offset() >= stop) {
                            break;
                        }
                        records++;
                        switch (apply(record, asOf, history)) {
                            case APPLIED -> paymentEvents++;
                            case AFTER_AS_OF -> afterAsOf++;
                            case UNREADABLE -> unreadable++;
                            default -> { }
                        }
                    }
                    if (consumer.position(partition) >= stop) {
                        remaining.remove(partition);
                        consumer.pause(List.of(partition));
                    }
                }
            }
            Map<Integer, Long> offsets = new HashMap<>();
            end.forEach((p, o) -> offsets.put(p.partition(), o));
            return new Pass(offsets, records, paymentEvents, afterAsOf, unreadable);
        }
    }

    private enum Applied { APPLIED, IGNORED, AFTER_AS_OF, UNREADABLE }

    private Applied apply(ConsumerRecord<byte[], byte[]> record, Instant asOf, PaymentHistory history) {
        CloudEvent event;
        try {
            event = KafkaMessageFactory.createReader(record).toEvent();
        } catch (RuntimeException e) {
            log.warn("Record {}-{}@{} is not a CloudEvent; the audit ledger keeps it, the replay cannot use it", record.topic(),
                    record.partition(), record.offset());
            return Applied.UNREADABLE;
        }
        EventType type = EventCatalog.byType(event.getType()).orElse(null);
        if (type == null || !PaymentHistory.FOLDED.contains(type.payload())) {
            return Applied.IGNORED;
        }
        Instant at = event.getTime() == null ? Instant.ofEpochMilli(record.timestamp()) : event.getTime().toInstant();
        if (asOf != null && at.isAfter(asOf)) {
            return Applied.AFTER_AS_OF;
        }
        PlatformEvent payload;
        try {
            payload = json.readValue(event.getData().toBytes(), type.payload());
        } catch (RuntimeException e) {
            log.warn("Record {}-{}@{} does not match {}: {}", record.topic(), record.partition(), record.offset(), type.type(), e.getMessage());
            return Applied.UNREADABLE;
        }
        return history.apply(UUID.fromString(event.getId()), payload, at) ? Applied.APPLIED : Applied.IGNORED;
    }
}

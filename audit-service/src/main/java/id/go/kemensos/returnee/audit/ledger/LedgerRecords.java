package id.go.kemensos.returnee.audit.ledger;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Turns a Kafka record into the ledger row it becomes, whatever the record holds. */
@Component
public class LedgerRecords {

    /** Canonical JSON: map keys sorted at every level, no whitespace, decimals as written. */
    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    public AuditEntry read(ConsumerRecord<String, byte[]> record) {
        CloudEvent event;
        try {
            event = KafkaMessageFactory.createReader(record).toEvent();
        } catch (RuntimeException e) {
            return unreadable(record, "not a CloudEvent: " + e.getMessage());
        }
        byte[] data = event.getData() == null ? new byte[0] : event.getData().toBytes();
        String canonical;
        try {
            canonical = data.length == 0 ? "null" : canonicalJson(data);
        } catch (JacksonException e) {
            return unreadable(record, "data is not JSON");
        }
        return new AuditEntry(
                0,
                event.getId(),
                record.topic(),
                record.partition(),
                record.offset(),
                record.key(),
                event.getType(),
                event.getSource() == null ? null : event.getSource().toString(),
                event.getSubject(),
                event.getTime() == null ? null : event.getTime().toInstant().truncatedTo(ChronoUnit.MICROS),
                canonical,
                null,
                null);
    }

    public static String canonicalJson(byte[] json) {
        return CANONICAL.writeValueAsString(CANONICAL.readValue(json, Object.class));
    }

    /** A record nobody can read still enters the ledger, byte for byte, under an id made of its Kafka position. */
    private static AuditEntry unreadable(ConsumerRecord<String, byte[]> record, String why) {
        String position = record.topic() + "-" + record.partition() + "@" + record.offset();
        String raw = record.value() == null ? null : Base64.getEncoder().encodeToString(record.value());
        String data = CANONICAL.writeValueAsString(Map.of("unreadable", raw == null ? "" : raw, "reason", why));
        return new AuditEntry(
                0,
                "kafka:" + position,
                record.topic(),
                record.partition(),
                record.offset(),
                record.key(),
                "unreadable",
                null,
                null,
                record.timestamp() < 0 ? null : Instant.ofEpochMilli(record.timestamp()),
                data,
                null,
                null);
    }
}

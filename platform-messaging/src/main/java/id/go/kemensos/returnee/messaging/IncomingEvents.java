package id.go.kemensos.returnee.messaging;

import id.go.kemensos.returnee.contracts.EventCatalog;
import id.go.kemensos.returnee.contracts.EventType;
import id.go.kemensos.returnee.contracts.PlatformEvent;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a Kafka record as a CloudEvent (binary or structured mode) with the CloudEvents SDK and decodes its payload.
 */
public class IncomingEvents {

    private final JsonMapper json;

    public IncomingEvents(JsonMapper json) {
        this.json = json;
    }

    public IncomingEvent read(ConsumerRecord<String, byte[]> record) {
        return read(record, type -> true);
    }

    /**
     * Decodes the payload only for a type the caller wants; the others come without one, as an unknown type does (a
     * consumer of a stream handles a few of its types, and decoding the rest was most of its reading).
     */
    public IncomingEvent read(ConsumerRecord<String, byte[]> record, Predicate<Class<? extends PlatformEvent>> wanted) {
        CloudEvent event;
        try {
            event = KafkaMessageFactory.createReader(record).toEvent();
        } catch (RuntimeException e) {
            throw new MalformedEventException("Record " + where(record) + " is not a CloudEvent: " + e.getMessage(), e);
        }
        UUID id = parseId(event, record);
        Optional<EventType> known = EventCatalog.byType(event.getType());
        PlatformEvent payload = known.filter(type -> wanted.test(type.payload()))
                .map(type -> decode(event, type, record))
                .orElse(null);
        if (payload != null && !Objects.equals(payload.subjectId(), event.getSubject())) {
            throw new MalformedEventException(
                    "Record " + where(record) + " has subject " + event.getSubject()
                            + " but its payload is about another beneficiary or subject",
                    null);
        }
        return new IncomingEvent(
                id,
                event.getType(),
                event.getSource(),
                event.getSubject(),
                event.getTime(),
                payload,
                record.topic(),
                record.partition(),
                record.offset());
    }

    private PlatformEvent decode(CloudEvent event, EventType type, ConsumerRecord<String, byte[]> record) {
        if (event.getData() == null) {
            throw new MalformedEventException(
                    "Record " + where(record) + " of type " + type.type() + " has no data", null);
        }
        try {
            return json.readValue(event.getData().toBytes(), type.payload());
        } catch (RuntimeException e) {
            throw new MalformedEventException(
                    "Record " + where(record) + " does not match " + type.type() + ": " + e.getMessage(), e);
        }
    }

    private static UUID parseId(CloudEvent event, ConsumerRecord<String, byte[]> record) {
        try {
            return UUID.fromString(event.getId());
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("Record " + where(record) + " has a non-UUID event id", e);
        }
    }

    private static String where(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}

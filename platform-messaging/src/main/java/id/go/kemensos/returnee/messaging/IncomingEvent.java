package id.go.kemensos.returnee.messaging;

import id.go.kemensos.returnee.contracts.PlatformEvent;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * One CloudEvent read from Kafka, with its payload decoded when the type is one this platform knows. A consumer ignores
 * types it does not handle, which keeps additive contract changes safe.
 */
public record IncomingEvent(
        UUID id,
        String type,
        URI source,
        String subject,
        OffsetDateTime time,
        PlatformEvent payload,
        String topic,
        int partition,
        long offset) {

    public <T extends PlatformEvent> Optional<T> payloadAs(Class<T> type) {
        return type.isInstance(payload) ? Optional.of(type.cast(payload)) : Optional.empty();
    }

    /** Where the record sits in Kafka, for log lines and dead letters. */
    public String position() {
        return topic + "-" + partition + "@" + offset;
    }
}

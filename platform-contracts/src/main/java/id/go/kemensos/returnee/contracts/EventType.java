package id.go.kemensos.returnee.contracts;

import java.net.URI;

/**
 * Identity of one event contract: its CloudEvents type (reverse-DNS, versioned), the producer's topic and source, and
 * the payload record. Additive changes keep the version; a breaking change is a new type ending in {@code .v2}.
 */
public record EventType(String type, String aggregateType, URI source, Class<? extends PlatformEvent> payload) {

    private static final String PREFIX = "id.go.kemensos.";

    public static EventType of(String aggregateType, Class<? extends PlatformEvent> payload, int version) {
        return of(aggregateType, aggregateType + "-service", payload, version);
    }

    /** An event of a producer's second aggregate (and topic), e.g. eligibility-service's restricted decisions. */
    public static EventType of(
            String aggregateType, String producer, Class<? extends PlatformEvent> payload, int version) {
        return new EventType(
                PREFIX + aggregateType + "." + payload.getSimpleName() + ".v" + version,
                aggregateType,
                URI.create("/kemensos/" + producer),
                payload);
    }

    /**
     * An event every service raises (its source, null here, is the producing service, set by the outbox from the
     * service's name), e.g. the record of a read of personal data.
     */
    public static EventType sharedBy(String aggregateType, Class<? extends PlatformEvent> payload, int version) {
        return new EventType(
                PREFIX + aggregateType + "." + payload.getSimpleName() + ".v" + version, aggregateType, null, payload);
    }

    /** The Kafka topic the outbox router sends this event to: {@code <aggregatetype>.events}. */
    public String topic() {
        return Topics.eventsOf(aggregateType);
    }

    public URI dataSchema() {
        return URI.create("urn:" + type.replace('.', ':'));
    }
}

package id.go.kemensos.returnee.contracts;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/** Topic naming shared by the outbox router, the consumers and the dead-letter handling. */
public final class Topics {

    /**
     * The topic configuration that keeps every record forever (Kafka's retention.ms, retention.bytes and
     * cleanup.policy): what the event topics are created with, and what the audit service checks they still have.
     */
    public static final Map<String, String> KEPT_FOREVER =
            Map.of("retention.ms", "-1", "retention.bytes", "-1", "cleanup.policy", "delete");

    /**
     * The settings of a topic that differ from {@link #KEPT_FOREVER}, by name, with the value it has (null: not set);
     * empty when the topic keeps its records forever.
     *
     * @param setting a topic's value of a setting, by name
     */
    public static Map<String, String> unlikeKeptForever(Function<String, String> setting) {
        Map<String, String> unlike = new TreeMap<>();
        KEPT_FOREVER.forEach((name, wanted) -> {
            String value = setting.apply(name);
            if (!Objects.equals(wanted, value)) {
                unlike.put(name, value);
            }
        });
        return unlike;
    }

    /** Suffix of the dead-letter topic of every consumed topic: {@code <topic>.dlt}. */
    public static final String DEAD_LETTER_SUFFIX = ".dlt";

    private Topics() {}

    public static String eventsOf(String aggregateType) {
        return aggregateType + ".events";
    }

    public static String deadLetterOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }

    /** Every event topic of the platform. They are the audit log and are kept forever. */
    public static List<String> allEventTopics() {
        return EventCatalog.all().stream()
                .map(EventType::topic)
                .distinct()
                .sorted()
                .toList();
    }
}

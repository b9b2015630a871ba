package id.go.kemensos.returnee.contracts;

import java.util.List;

/** Topic naming shared by the outbox router, the consumers and the dead-letter handling. */
public final class Topics {

    /** Suffix of the dead-letter topic of every consumed topic: {@code <topic>.dlt}. */
    public static final String DEAD_LETTER_SUFFIX = ".dlt";

    private Topics() {
    }

    public static String eventsOf(String aggregateType) {
        return aggregateType + ".events";
    }

    public static String deadLetterOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }

    /** Every event topic of the platform. They are the audit log and are kept forever. */
    public static List<String> allEventTopics() {
        return EventCatalog.all().stream().map(EventType::topic).distinct().sorted().toList();
    }
}

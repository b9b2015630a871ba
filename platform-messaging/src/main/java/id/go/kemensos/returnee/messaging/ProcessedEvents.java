package id.go.kemensos.returnee.messaging;

import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The idempotent-consumer inbox. {@link #markHandled} both checks and records in one statement: the primary key on
 * (consumer, event_id) makes a concurrent or redelivered duplicate wait for the first and then see it, inside the same
 * transaction as the event's effect.
 */
public class ProcessedEvents {

    private final JdbcTemplate jdbc;

    public ProcessedEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @return true the first time this consumer sees the event; false for a duplicate, whose effect must be skipped.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean markHandled(String consumer, UUID eventId) {
        return jdbc.update(
                        "INSERT IGNORE INTO processed_event (consumer, event_id) VALUES (?, ?)",
                        consumer,
                        eventId.toString())
                == 1;
    }
}

package id.go.kemensos.returnee.messaging;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
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

    /**
     * A poll's events in two statements instead of one per event: those seen before are read, the others inserted in
     * one batch (a multi-row insert). An event a concurrent consumer is inserting right now fails the insert on its key,
     * and with it the poll's transaction, whose records are then delivered one by one through {@link #markHandled}.
     *
     * @return the events this consumer sees for the first time (each once, however often the poll holds it)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Set<UUID> markAllHandled(String consumer, Collection<UUID> eventIds) {
        Set<UUID> fresh = new LinkedHashSet<>(eventIds);
        if (fresh.isEmpty()) {
            return fresh;
        }
        List<String> ids = fresh.stream().map(UUID::toString).toList();
        jdbc.query(
                "SELECT event_id FROM processed_event WHERE consumer = ? AND event_id IN ("
                        + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")",
                (RowCallbackHandler) rs -> fresh.remove(UUID.fromString(rs.getString(1))),
                Stream.concat(Stream.of(consumer), ids.stream()).toArray());
        jdbc.batchUpdate(
                "INSERT INTO processed_event (consumer, event_id) VALUES (?, ?)",
                fresh.stream().map(id -> new Object[] {consumer, id.toString()}).toList());
        return fresh;
    }
}

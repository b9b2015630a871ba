package id.go.kemensos.returnee.messaging;

import id.go.kemensos.returnee.contracts.EventCatalog;
import id.go.kemensos.returnee.contracts.EventType;
import id.go.kemensos.returnee.contracts.PlatformEvent;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends domain events to {@code outbox_event} inside the caller's transaction, so that a state change and its event
 * commit together or not at all. Debezium relays the rows to Kafka; nothing here talks to Kafka.
 *
 * <p>A transaction's events are written just before it commits, in the order they were appended, as one batch (which
 * the driver sends as multi-row inserts): a consumer's poll raises many events, and one statement per event was a
 * seventh of every statement the platform sent ({@link CommitBatch}: nothing reads the outbox inside the transaction
 * that writes it, and a failing insert fails the commit).
 */
public class Outbox {

    private static final String INSERT = """
            INSERT INTO outbox_event (id, aggregatetype, aggregateid, type, payload, ce_source, ce_time, ce_subject,
                ce_dataschema)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final JsonMapper json;
    private final Clock clock;
    /** The source of the events every service raises ({@link EventType#sharedBy}): this service. */
    private final String ownSource;
    /** The current transaction's rows, written just before it commits. */
    private final CommitBatch<Object[]> rows;

    public Outbox(JdbcTemplate jdbc, JsonMapper json, Clock clock, String serviceName) {
        this.rows = new CommitBatch<>(batch -> jdbc.batchUpdate(INSERT, batch));
        this.json = json;
        this.clock = clock;
        this.ownSource = "/kemensos/" + serviceName;
    }

    /** Appends one event and returns its event id (the CloudEvents id). */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID append(PlatformEvent event) {
        Object[] row = row(event);
        rows.add(row);
        return UUID.fromString((String) row[0]);
    }

    /** Appends many events; used where one command raises many events, such as an upload. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<UUID> appendAll(List<? extends PlatformEvent> events) {
        List<Object[]> appended = new ArrayList<>(events.size());
        List<UUID> ids = new ArrayList<>(events.size());
        for (PlatformEvent event : events) {
            Object[] row = row(event);
            appended.add(row);
            ids.add(UUID.fromString((String) row[0]));
        }
        rows.addAll(appended);
        return ids;
    }

    private Object[] row(PlatformEvent event) {
        EventType type = EventCatalog.of(event.getClass());
        String subject = event.subjectId();
        return new Object[] {
            TimeOrderedIds.next().toString(),
            type.aggregateType(),
            subject,
            type.type(),
            json.writeValueAsString(event),
            type.source() != null ? type.source().toString() : ownSource,
            DateTimeFormatter.ISO_INSTANT.format(clock.instant()),
            subject,
            type.dataSchema().toString()
        };
    }
}

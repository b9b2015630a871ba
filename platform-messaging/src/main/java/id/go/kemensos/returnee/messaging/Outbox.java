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
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends domain events to {@code outbox_event} inside the caller's transaction, so that a state change and its event
 * commit together or not at all. Debezium relays the rows to Kafka; nothing here talks to Kafka.
 *
 * <p>A transaction's events are written just before it commits, in the order they were appended, as one batch (which
 * the driver sends as multi-row inserts): a consumer's poll raises many events, and one statement per event was a
 * seventh of every statement the platform sent. Nothing reads the outbox inside the transaction that writes it, and a
 * failing insert still fails the commit, so the state change and its events still stand or fall together.
 */
public class Outbox {

    private static final String INSERT = """
            INSERT INTO outbox_event (id, aggregatetype, aggregateid, type, payload, ce_source, ce_time, ce_subject,
                ce_dataschema)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final Clock clock;
    /** The source of the events every service raises ({@link EventType#sharedBy}): this service. */
    private final String ownSource;

    public Outbox(JdbcTemplate jdbc, JsonMapper json, Clock clock, String serviceName) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.ownSource = "/kemensos/" + serviceName;
    }

    /** Appends one event and returns its event id (the CloudEvents id). */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID append(PlatformEvent event) {
        Object[] row = row(event);
        pendingRows().add(row);
        return UUID.fromString((String) row[0]);
    }

    /** Appends many events; used where one command raises many events, such as an upload. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<UUID> appendAll(List<? extends PlatformEvent> events) {
        List<Object[]> pending = pendingRows();
        List<UUID> ids = new ArrayList<>(events.size());
        for (PlatformEvent event : events) {
            Object[] row = row(event);
            pending.add(row);
            ids.add(UUID.fromString((String) row[0]));
        }
        return ids;
    }

    /**
     * The rows the current transaction has appended so far. They are kept by a synchronization of the transaction,
     * which Spring sets aside with it when an inner transaction suspends it, so an inner transaction's events commit
     * with the inner transaction and the outer's with the outer.
     */
    private List<Object[]> pendingRows() {
        for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            if (synchronization instanceof PendingEvents pending && pending.outbox == this) {
                return pending.rows;
            }
        }
        PendingEvents pending = new PendingEvents(this);
        TransactionSynchronizationManager.registerSynchronization(pending);
        return pending.rows;
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

    /** A transaction's events not yet written; written before it commits, dropped if it rolls back. */
    private static final class PendingEvents implements TransactionSynchronization {

        private final Outbox outbox;
        private final List<Object[]> rows = new ArrayList<>();

        private PendingEvents(Outbox outbox) {
            this.outbox = outbox;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            if (!rows.isEmpty()) {
                outbox.jdbc.batchUpdate(INSERT, rows);
                rows.clear();
            }
        }

        /** Last of the transaction's synchronizations, so that one running before it may still append events. */
        @Override
        public int getOrder() {
            return LOWEST_PRECEDENCE;
        }
    }
}

package id.go.kemensos.returnee.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers each record a listener receives to its consumer's handler exactly once: the record is decoded (a malformed
 * one goes to the dead-letter topic, see {@link MalformedEventException}), and the inbox check and the handler's effect
 * commit in one transaction, so a redelivered event changes nothing. An event of a type the consumer does not handle
 * is not decoded and leaves no trace: it has no effect to repeat; nor does an event of a consumer whose handlers are
 * idempotent ({@link EventHandlers#idempotent()}), which repeats its effect harmlessly.
 */
public class EventInbox {

    private static final Logger log = LoggerFactory.getLogger(EventInbox.class);

    private final IncomingEvents events;
    private final ProcessedEvents processed;
    private final TransactionTemplate tx;

    public EventInbox(IncomingEvents events, ProcessedEvents processed, TransactionTemplate tx) {
        this.events = events;
        this.processed = processed;
        this.tx = tx;
    }

    /**
     * Delivers a poll's records in one transaction: their inbox rows, effects and outbox rows commit together, one
     * commit for the batch instead of one per event. When the batch fails (a malformed record, a handler's exception,
     * a lock given up), none of it commits and its records are delivered again one by one, each in its own
     * transaction: those before the failing one commit, and the failing one is reported to the error handler by its
     * place in the batch, which retries it and dead-letters it alone.
     */
    public void deliverAll(List<ConsumerRecord<String, byte[]>> records, EventHandlers<?> handlers) {
        if (records.size() > 1) {
            try {
                tx.executeWithoutResult(status -> handleAll(records, handlers));
                return;
            } catch (RuntimeException e) {
                // The class only: a handler's message may carry personal data.
                log.info(
                        "A batch of {} records for {} failed ({}); delivering them one by one",
                        records.size(),
                        handlers.consumer(),
                        e.getClass().getSimpleName());
            }
        }
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                deliver(record, handlers);
            } catch (RuntimeException e) {
                throw new BatchListenerFailedException("Delivery to " + handlers.consumer() + " failed", e, record);
            }
        }
    }

    public void deliver(ConsumerRecord<String, byte[]> record, EventHandlers<?> handlers) {
        deliver(events.read(record, handlers::handles), handlers);
    }

    public void deliver(IncomingEvent event, EventHandlers<?> handlers) {
        handlers.handlingOf(event)
                .ifPresent(handling -> tx.executeWithoutResult(status -> once(event, handlers, handling)));
    }

    /**
     * Within the caller's transaction: the poll's inbox rows in two statements, then, in the poll's order, the effect
     * of each event handled for the first time.
     */
    private void handleAll(List<ConsumerRecord<String, byte[]>> records, EventHandlers<?> handlers) {
        List<IncomingEvent> handled = new ArrayList<>();
        List<Runnable> handlings = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            IncomingEvent event = events.read(record, handlers::handles);
            handlers.handlingOf(event).ifPresent(handling -> {
                handled.add(event);
                handlings.add(handling);
            });
        }
        handlers.prepare(handled);
        Set<UUID> fresh = handlers.isIdempotent()
                ? null
                : processed.markAllHandled(
                        handlers.consumer(),
                        handled.stream().map(IncomingEvent::id).toList());
        for (int i = 0; i < handled.size(); i++) {
            if (fresh == null || fresh.remove(handled.get(i).id())) {
                handlings.get(i).run();
            }
        }
    }

    private void once(IncomingEvent event, EventHandlers<?> handlers, Runnable handling) {
        if (handlers.isIdempotent() || processed.markHandled(handlers.consumer(), event.id())) {
            handling.run();
        }
    }
}

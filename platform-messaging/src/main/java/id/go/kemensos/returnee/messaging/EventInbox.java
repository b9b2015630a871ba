package id.go.kemensos.returnee.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers each record a listener receives to its consumer's handler exactly once: the record is decoded (a malformed
 * one goes to the dead-letter topic, see {@link MalformedEventException}), and the inbox check and the handler's effect
 * commit in one transaction, so a redelivered event changes nothing. An event of a type the consumer does not handle
 * leaves no trace: it has no effect to repeat.
 */
public class EventInbox {

    private final IncomingEvents events;
    private final ProcessedEvents processed;
    private final TransactionTemplate tx;

    public EventInbox(IncomingEvents events, ProcessedEvents processed, TransactionTemplate tx) {
        this.events = events;
        this.processed = processed;
        this.tx = tx;
    }

    public void deliver(ConsumerRecord<String, byte[]> record, EventHandlers<?> handlers) {
        deliver(events.read(record), handlers);
    }

    public void deliver(IncomingEvent event, EventHandlers<?> handlers) {
        handlers.handlingOf(event)
                .ifPresent(handling -> tx.executeWithoutResult(status -> {
                    if (processed.markHandled(handlers.consumer(), event.id())) {
                        handling.run();
                    }
                }));
    }
}

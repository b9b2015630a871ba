package id.go.kemensos.returnee.messaging;

import id.go.kemensos.returnee.contracts.PlatformEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * What one consumer does with each event type it handles, declared by type on the producer's stream:
 * {@code EventHandlers.of(CONSUMER, EligibilityEvent.class).on(EligibilityDecided.class, ledger::onDecided)}.
 * A handler can only name a type of that stream (its sealed interface); types it does not name are skipped, which keeps
 * additive contract changes safe. {@link EventInbox} delivers the events.
 *
 * @param <E> the events of the stream (a producer's sealed interface, or {@link PlatformEvent} for a consumer of
 * several)
 */
public final class EventHandlers<E extends PlatformEvent> {

    /** A handler that also needs the event's id (to name it as the source of what it causes). */
    @FunctionalInterface
    public interface WithEventId<T> {
        void handle(T payload, UUID eventId);
    }

    private record Handler<T extends PlatformEvent>(Class<T> type, WithEventId<? super T> handler) {

        void handle(PlatformEvent payload, UUID eventId) {
            handler.handle(type.cast(payload), eventId);
        }
    }

    private final String consumer;
    private final List<Handler<?>> handlers;
    private final boolean idempotent;
    private final Consumer<List<E>> beforePoll;

    private EventHandlers(
            String consumer, List<Handler<?>> handlers, boolean idempotent, Consumer<List<E>> beforePoll) {
        this.consumer = consumer;
        this.handlers = List.copyOf(handlers);
        this.idempotent = idempotent;
        this.beforePoll = beforePoll;
    }

    /**
     * @param consumer the inbox name under which this consumer records the events it has handled; never renamed
     * @param stream   the events the consumer's topics carry
     */
    public static <E extends PlatformEvent> EventHandlers<E> of(String consumer, Class<E> stream) {
        return new EventHandlers<>(consumer, List.of(), false, events -> {});
    }

    public <T extends E> EventHandlers<E> on(Class<T> type, Consumer<? super T> handler) {
        return onWithEventId(type, (payload, eventId) -> handler.accept(payload));
    }

    public <T extends E> EventHandlers<E> onWithEventId(Class<T> type, WithEventId<? super T> handler) {
        if (handlers.stream().anyMatch(h -> h.type().isAssignableFrom(type) || type.isAssignableFrom(h.type()))) {
            throw new IllegalArgumentException(consumer + " handles " + type.getSimpleName() + " twice");
        }
        List<Handler<?>> more = new ArrayList<>(handlers);
        more.add(new Handler<>(type, handler));
        return new EventHandlers<>(consumer, more, idempotent, beforePoll);
    }

    /**
     * Declares that every handler's effect is the same however often its event comes (a state that only moves to a
     * later event, say): the inbox then keeps no row per event, one insert per event fewer. Only for such handlers.
     */
    public EventHandlers<E> idempotent() {
        return new EventHandlers<>(consumer, handlers, true, beforePoll);
    }

    /**
     * Something read once for a poll's events, in its transaction, before any of them is handled: what they all need
     * in one round trip rather than one each (the people's keys, say). Only reads: a poll that fails is delivered
     * again record by record, without it.
     */
    public EventHandlers<E> beforeEachPoll(Consumer<List<E>> prepare) {
        return new EventHandlers<>(consumer, handlers, idempotent, beforePoll.andThen(prepare));
    }

    /** Runs {@link #beforeEachPoll}'s reading for the events of a poll this consumer handles. */
    void prepare(List<IncomingEvent> events) {
        @SuppressWarnings("unchecked") // only events of the stream E reach a consumer's handlers
        List<E> payloads = events.stream().map(e -> (E) e.payload()).toList();
        beforePoll.accept(payloads);
    }

    boolean isIdempotent() {
        return idempotent;
    }

    public String consumer() {
        return consumer;
    }

    /** Whether this consumer handles events of this payload type; the others need not even be decoded. */
    boolean handles(Class<? extends PlatformEvent> payloadType) {
        return handlers.stream().anyMatch(h -> h.type().isAssignableFrom(payloadType));
    }

    /** The handling of this event, if its type is one this consumer handles. */
    Optional<Runnable> handlingOf(IncomingEvent event) {
        PlatformEvent payload = event.payload();
        return handlers.stream()
                .filter(h -> h.type().isInstance(payload))
                .findFirst()
                .map(h -> () -> h.handle(payload, event.id()));
    }
}

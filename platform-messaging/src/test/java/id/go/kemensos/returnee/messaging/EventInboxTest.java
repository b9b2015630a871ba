package id.go.kemensos.returnee.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.kemensos.returnee.contracts.eligibility.DecisionOverridden;
import id.go.kemensos.returnee.contracts.eligibility.EligibilityDecided;
import id.go.kemensos.returnee.contracts.eligibility.EligibilityEvent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * A poll's records in one transaction, and one by one when that fails: what commits, what is rolled back, and which
 * record the error handler is told about. The transactions are recorded, and the inbox's rows kept per transaction.
 */
class EventInboxTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final RecordingTransactions transactions = new RecordingTransactions();
    private final InMemoryInbox inbox = new InMemoryInbox(transactions);
    private final EventInbox eventInbox =
            new EventInbox(new IncomingEvents(json), inbox, new TransactionTemplate(transactions));
    private final List<UUID> handled = new ArrayList<>();
    private final Set<UUID> failing = new HashSet<>();
    private final EventHandlers<EligibilityEvent> handlers = EventHandlers.of("test", EligibilityEvent.class)
            .on(EligibilityDecided.class, decided -> {
                if (failing.contains(decided.beneficiaryId())) {
                    throw new IllegalStateException("no budget line");
                }
                handled.add(decided.beneficiaryId());
            });

    @Test
    void aPollsRecordsCommitInOneTransactionAndARepeatedEventOnce() {
        ConsumerRecord<String, byte[]> first = decided(UUID.randomUUID(), 0);
        ConsumerRecord<String, byte[]> second = decided(UUID.randomUUID(), 1);

        eventInbox.deliverAll(List.of(first, second, first), handlers);

        assertThat(transactions.commits).isEqualTo(1);
        assertThat(transactions.rollbacks).isZero();
        assertThat(handled).hasSize(2);
        assertThat(inbox.committed).hasSize(2);
    }

    @Test
    void aPollsEventsAreReadForOnceBeforeAnyIsHandledAndNotWhenDeliveredOneByOne() {
        List<String> steps = new ArrayList<>();
        EventHandlers<EligibilityEvent> preparing = EventHandlers.of("test", EligibilityEvent.class)
                .on(EligibilityDecided.class, d -> steps.add("handle " + d.beneficiaryId()))
                .beforeEachPoll(events -> steps.add("prepare "
                        + events.stream()
                                .map(e -> ((EligibilityDecided) e).beneficiaryId())
                                .toList()));
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();

        eventInbox.deliverAll(List.of(decided(a, 0), decided(b, 1)), preparing);
        eventInbox.deliverAll(List.of(decided(UUID.randomUUID(), 2)), preparing);

        assertThat(steps).hasSize(4).startsWith("prepare " + List.of(a, b), "handle " + a, "handle " + b);
        assertThat(steps.get(3)).startsWith("handle ");
    }

    @Test
    void aFailingRecordIsDeliveredAloneAfterTheOnesBeforeItCommittedOneByOne() {
        UUID poor = UUID.randomUUID();
        failing.add(poor);
        ConsumerRecord<String, byte[]> before = decided(UUID.randomUUID(), 0);
        ConsumerRecord<String, byte[]> bad = decided(poor, 1);
        ConsumerRecord<String, byte[]> after = decided(UUID.randomUUID(), 2);

        assertThatThrownBy(() -> eventInbox.deliverAll(List.of(before, bad, after), handlers))
                .isInstanceOfSatisfying(
                        BatchListenerFailedException.class,
                        e -> assertThat(e.getRecord()).isSameAs(bad))
                .hasCauseInstanceOf(IllegalStateException.class);

        // The batch rolled back; then "before" committed alone, and "bad" rolled back alone; "after" waits for the
        // retry.
        assertThat(transactions.rollbacks).isEqualTo(2);
        assertThat(transactions.commits).isEqualTo(1);
        assertThat(inbox.committed).hasSize(1);
    }

    @Test
    void aMalformedRecordIsReportedByItsPlaceSoThatItIsDeadLetteredWithoutRetries() {
        ConsumerRecord<String, byte[]> good = decided(UUID.randomUUID(), 0);
        ConsumerRecord<String, byte[]> garbage = EligibilityRecords.record(
                "garbage", EligibilityDecided.EVENT_TYPE.type(), "x", EligibilityRecords.bytes("{not json"), 1);

        assertThatThrownBy(() -> eventInbox.deliverAll(List.of(good, garbage), handlers))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> {
                    assertThat(e.getRecord()).isSameAs(garbage);
                    // what the dead letter's exception headers name (PoisonMessageIT reads them)
                    assertThat(DeadLetters.whatFailed(new ListenerExecutionFailedException("listener", e)))
                            .hasCauseInstanceOf(MalformedEventException.class);
                })
                .hasCauseInstanceOf(MalformedEventException.class);
        assertThat(inbox.committed).hasSize(1);
    }

    @Test
    void aTypeTheConsumerDoesNotHandleIsNotEvenDecoded() {
        EventHandlers<EligibilityEvent> onlyOverrides =
                EventHandlers.of("test", EligibilityEvent.class).on(DecisionOverridden.class, o -> {});
        ConsumerRecord<String, byte[]> unreadable = EligibilityRecords.record(
                UUID.randomUUID().toString(),
                EligibilityDecided.EVENT_TYPE.type(),
                "x",
                EligibilityRecords.bytes("{not json"),
                1);

        eventInbox.deliverAll(List.of(decided(UUID.randomUUID(), 0), unreadable), onlyOverrides);

        // Neither payload was decoded (the unreadable one would have failed the poll), and neither leaves an inbox row.
        assertThat(transactions.rollbacks).isZero();
        assertThat(inbox.committed).isEmpty();
    }

    @Test
    void anIdempotentConsumerIsDeliveredEveryTimeAndKeepsNoInboxRow() {
        ConsumerRecord<String, byte[]> once = decided(UUID.randomUUID(), 0);

        eventInbox.deliverAll(List.of(once, decided(UUID.randomUUID(), 1), once), handlers.idempotent());

        assertThat(transactions.commits).isEqualTo(1);
        assertThat(handled).hasSize(3);
        assertThat(inbox.committed).isEmpty();
    }

    private ConsumerRecord<String, byte[]> decided(UUID who, long offset) {
        EligibilityDecided payload = EligibilityRecords.decided(who);
        byte[] value = json.writeValueAsBytes(payload);
        return EligibilityRecords.record(
                UUID.nameUUIDFromBytes(value).toString(),
                EligibilityDecided.EVENT_TYPE.type(),
                who.toString(),
                value,
                offset);
    }

    /** Counts commits and rollbacks; tells the inbox which of its rows a commit keeps. */
    private static final class RecordingTransactions extends AbstractPlatformTransactionManager {
        int commits;
        int rollbacks;
        Runnable onCommit = () -> {};
        Runnable onRollback = () -> {};

        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {}

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
            commits++;
            onCommit.run();
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
            rollbacks++;
            onRollback.run();
        }
    }

    /** The inbox table: rows of the open transaction become committed rows at its commit, or are dropped. */
    private static final class InMemoryInbox extends ProcessedEvents {
        final Set<UUID> committed = new HashSet<>();
        final Set<UUID> pending = new HashSet<>();

        InMemoryInbox(RecordingTransactions transactions) {
            super(null);
            transactions.onCommit = () -> {
                committed.addAll(pending);
                pending.clear();
            };
            transactions.onRollback = pending::clear;
        }

        @Override
        public boolean markHandled(String consumer, UUID eventId) {
            return !committed.contains(eventId) && pending.add(eventId);
        }

        @Override
        public Set<UUID> markAllHandled(String consumer, java.util.Collection<UUID> eventIds) {
            Set<UUID> fresh = new java.util.LinkedHashSet<>();
            eventIds.forEach(id -> {
                if (markHandled(consumer, id)) {
                    fresh.add(id);
                }
            });
            return fresh;
        }
    }
}

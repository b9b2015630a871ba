package id.go.kemensos.returnee.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * A transaction's events are written once, in the order appended, as one batch just before it commits; a rolled-back
 * transaction writes none; an inner transaction writes its own at its own commit. What reaches the database and when
 * is recorded in one log beside the transactions' commits and rollbacks.
 */
class OutboxTest {

    private final List<String> log = new ArrayList<>();
    private final Transactions transactions = new Transactions(log);
    private final TransactionTemplate tx = new TransactionTemplate(transactions);
    private final RecordingJdbc jdbc = new RecordingJdbc(log);
    private final Outbox outbox = new Outbox(jdbc, JsonMapper.builder().build(), Clock.systemUTC(), "test-service");

    @Test
    void aTransactionsEventsAreWrittenInOrderAsOneBatchJustBeforeItCommits() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();

        List<UUID> ids = tx.execute(status -> {
            List<UUID> appended = new ArrayList<>();
            appended.add(outbox.append(EligibilityRecords.decided(a)));
            appended.addAll(outbox.appendAll(List.of(EligibilityRecords.decided(b), EligibilityRecords.decided(c))));
            assertThat(log).as("nothing written before the commit").isEmpty();
            return appended;
        });

        assertThat(log).containsExactly("insert " + ids, "commit");
        assertThat(jdbc.rows.get(0))
                .extracting(row -> row[2])
                .as("aggregate ids, in the order appended")
                .containsExactly(a.toString(), b.toString(), c.toString());
        assertThat(jdbc.rows.get(0))
                .allSatisfy(row -> assertThat((String) row[4]).startsWith("{"));
    }

    @Test
    void aRolledBackTransactionWritesNoEvent() {
        tx.executeWithoutResult(status -> {
            outbox.append(EligibilityRecords.decided(UUID.randomUUID()));
            status.setRollbackOnly();
        });
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
                    outbox.append(EligibilityRecords.decided(UUID.randomUUID()));
                    throw new IllegalStateException("the handler failed");
                }))
                .hasMessage("the handler failed");

        assertThat(log).containsExactly("rollback", "rollback");
        assertThat(jdbc.rows).isEmpty();
    }

    @Test
    void anInnerTransactionWritesItsOwnEventsAtItsOwnCommit() {
        TransactionTemplate inner = new TransactionTemplate(transactions);
        inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

        List<UUID> ids = tx.execute(status -> {
            UUID outer = outbox.append(EligibilityRecords.decided(UUID.randomUUID()));
            UUID innerId = inner.execute(s -> outbox.append(EligibilityRecords.decided(UUID.randomUUID())));
            UUID outerAgain = outbox.append(EligibilityRecords.decided(UUID.randomUUID()));
            return List.of(outer, innerId, outerAgain);
        });

        assertThat(log)
                .containsExactly(
                        "insert " + List.of(ids.get(1)),
                        "commit",
                        "insert " + List.of(ids.get(0), ids.get(2)),
                        "commit");
    }

    @Test
    void aReaderSeesWhatItsOwnTransactionGatheredAndNothingOfAnother() {
        List<String> written = new ArrayList<>();
        CommitBatch<String> batch = new CommitBatch<>(written::addAll);
        TransactionTemplate inner = new TransactionTemplate(transactions);
        inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

        assertThat(batch.gathered()).as("outside a transaction").isEmpty();
        tx.executeWithoutResult(status -> {
            assertThat(batch.gathered()).as("before the first add").isEmpty();
            batch.add("case");
            batch.addAll(List.of("offer 1", "offer 2"));
            inner.executeWithoutResult(s -> {
                assertThat(batch.gathered()).as("an inner transaction's own").isEmpty();
                batch.add("inner");
                assertThat(batch.gathered()).containsExactly("inner");
            });
            assertThat(batch.gathered()).containsExactly("case", "offer 1", "offer 2");
            assertThat(written).as("only the inner one's so far").containsExactly("inner");
        });

        assertThat(written).containsExactly("inner", "case", "offer 1", "offer 2");
        assertThat(batch.gathered()).isEmpty();
    }

    @Test
    void anInsertThatFailsFailsTheCommitAndTheTransactionRollsBack() {
        jdbc.failing = true;

        assertThatThrownBy(() ->
                        tx.executeWithoutResult(status -> outbox.append(EligibilityRecords.decided(UUID.randomUUID()))))
                .isInstanceOf(DataIntegrityViolationException.class);

        assertThat(log).containsExactly("rollback");
    }

    @Test
    void anEventAppendedOnceTheBatchIsWrittenFailsTheCommitRatherThanBeLost() {
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
                    outbox.append(EligibilityRecords.decided(UUID.randomUUID()));
                    // Registered after the outbox's batch, with the same order: runs after it has been written.
                    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                        @Override
                        public void beforeCommit(boolean readOnly) {
                            outbox.append(EligibilityRecords.decided(UUID.randomUUID()));
                        }

                        @Override
                        public int getOrder() {
                            return LOWEST_PRECEDENCE;
                        }
                    });
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("after the transaction's batch was written");

        assertThat(log).last().isEqualTo("rollback");
    }

    @Test
    void anEventOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> outbox.append(EligibilityRecords.decided(UUID.randomUUID())))
                .isInstanceOf(IllegalStateException.class);
        assertThat(jdbc.rows).isEmpty();
    }

    /** The batches the outbox sends, as the database would receive them. */
    private static final class RecordingJdbc extends JdbcTemplate {
        final List<String> log;
        final List<List<Object[]>> rows = new ArrayList<>();
        boolean failing;

        RecordingJdbc(List<String> log) {
            this.log = log;
        }

        @Override
        public int[] batchUpdate(String sql, List<? extends Object[]> batchArgs) {
            assertThat(sql).startsWith("INSERT INTO outbox_event");
            if (failing) {
                throw new DataIntegrityViolationException("Data too long for column 'payload'");
            }
            List<Object[]> batch = new ArrayList<>(batchArgs);
            rows.add(batch);
            log.add("insert "
                    + batch.stream()
                            .map(row -> UUID.fromString((String) row[0]))
                            .toList());
            int[] counts = new int[batchArgs.size()];
            Arrays.fill(counts, 1);
            return counts;
        }
    }

    /** Transactions that can be suspended by an inner one, as a DataSource's are; commits and rollbacks logged. */
    private static final class Transactions extends AbstractPlatformTransactionManager {
        private final List<String> log;
        private final Deque<Object> active = new ArrayDeque<>();

        Transactions(List<String> log) {
            this.log = log;
        }

        @Override
        protected Object doGetTransaction() {
            return new Object[] {active.peek()};
        }

        @Override
        protected boolean isExistingTransaction(Object transaction) {
            return ((Object[]) transaction)[0] != null;
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
            active.push(transaction);
        }

        @Override
        protected Object doSuspend(Object transaction) {
            return active.pop();
        }

        @Override
        protected void doResume(Object transaction, Object suspendedResources) {
            active.push(suspendedResources);
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
            log.add("commit");
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
            log.add("rollback");
        }

        @Override
        protected void doCleanupAfterCompletion(Object transaction) {
            active.remove(transaction);
        }
    }
}

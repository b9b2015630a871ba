package id.go.kemensos.returnee.messaging;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes a transaction gathers and makes together just before it commits: one batch (one round trip, multi-row where
 * the driver can) instead of a statement each as they come. Only for writes nothing in the same transaction reads
 * back from the database (a reader that must see them looks at {@link #gathered()} too). A failing batch fails the
 * commit, so the writes still stand or fall with the rest of the transaction.
 *
 * <p>The items are kept by a synchronization of the current transaction, which Spring sets aside with it when an inner
 * transaction suspends it: an inner transaction's items are written at the inner commit, the outer's at the outer. Not
 * for writes made under a savepoint (nested transactions): a rollback to it would not take them back.
 *
 * @param <T> what one write needs, handed to the writer in the order added
 */
public final class CommitBatch<T> {

    private static final Logger log = LoggerFactory.getLogger(CommitBatch.class);

    private final Consumer<List<T>> writer;

    /** @param writer makes a transaction's writes, given at least one item */
    public CommitBatch(Consumer<List<T>> writer) {
        this.writer = writer;
    }

    /**
     * Adds a write to the current transaction's batch.
     *
     * @throws IllegalStateException outside a transaction
     */
    public void add(T item) {
        pending().items.add(item);
    }

    public void addAll(List<? extends T> items) {
        pending().items.addAll(items);
    }

    /**
     * What the current transaction has gathered and not written yet, in the order added: empty outside a transaction
     * or before the first add.
     */
    public List<T> gathered() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return List.of();
        }
        for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            if (synchronization instanceof Pending<?> pending && pending.batch == this) {
                @SuppressWarnings("unchecked") // its batch is this one, whose items are T
                Pending<T> mine = (Pending<T>) pending;
                return Collections.unmodifiableList(mine.items);
            }
        }
        return List.of();
    }

    private Pending<T> pending() {
        Pending<T> pending = current();
        if (pending.written) {
            // Spring calls beforeCommit once: a write added afterwards would never be made.
            throw new IllegalStateException("A write was added after the transaction's batch was written");
        }
        return pending;
    }

    private Pending<T> current() {
        for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            if (synchronization instanceof Pending<?> pending && pending.batch == this) {
                @SuppressWarnings("unchecked") // its batch is this one, whose items are T
                Pending<T> mine = (Pending<T>) pending;
                return mine;
            }
        }
        Pending<T> pending = new Pending<>(this);
        TransactionSynchronizationManager.registerSynchronization(pending);
        return pending;
    }

    /** One transaction's items; written before it commits, dropped if it rolls back. */
    private static final class Pending<T> implements TransactionSynchronization {

        private final CommitBatch<T> batch;
        private final List<T> items = new ArrayList<>();
        private boolean written;

        private Pending(CommitBatch<T> batch) {
            this.batch = batch;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            written = true;
            if (!items.isEmpty()) {
                List<T> batchItems = List.copyOf(items);
                items.clear();
                batch.writer.accept(batchItems);
            }
        }

        /** A batch registered once the commit had begun was never written: said loudly, as it cannot be undone. */
        @Override
        public void afterCompletion(int status) {
            if (status == STATUS_COMMITTED && !items.isEmpty()) {
                log.error("{} writes added while the transaction committed were not made", items.size());
            }
        }

        /** Last of the transaction's synchronizations, so that one running before it may still add writes. */
        @Override
        public int getOrder() {
            return LOWEST_PRECEDENCE;
        }
    }
}

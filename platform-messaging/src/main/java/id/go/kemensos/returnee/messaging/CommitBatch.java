package id.go.kemensos.returnee.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes a transaction gathers and makes together just before it commits: one batch (one round trip, multi-row where
 * the driver can) instead of a statement each as they come. Only for writes nothing in the same transaction reads
 * back. A failing batch fails the commit, so the writes still stand or fall with the rest of the transaction.
 *
 * <p>The items are kept by a synchronization of the current transaction, which Spring sets aside with it when an inner
 * transaction suspends it: an inner transaction's items are written at the inner commit, the outer's at the outer.
 *
 * @param <T> what one write needs, handed to the writer in the order added
 */
public final class CommitBatch<T> {

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

    private Pending<T> pending() {
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

        private Pending(CommitBatch<T> batch) {
            this.batch = batch;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            if (!items.isEmpty()) {
                List<T> written = List.copyOf(items);
                items.clear();
                batch.writer.accept(written);
            }
        }

        /** Last of the transaction's synchronizations, so that one running before it may still add writes. */
        @Override
        public int getOrder() {
            return LOWEST_PRECEDENCE;
        }
    }
}

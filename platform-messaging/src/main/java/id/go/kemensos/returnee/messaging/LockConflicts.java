package id.go.kemensos.returnee.messaging;

import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;

/**
 * Runs a transaction again when the database gave it up over locks (a deadlock victim, a lock wait timed out): InnoDB
 * expects its callers to retry (seen: parallel account checks that approve at once, all reserving one budget row; an
 * SMS receipt applied while the overdue receipts were being claimed).
 */
public final class LockConflicts {

    private static final Logger log = LoggerFactory.getLogger(LockConflicts.class);
    static final int ATTEMPTS = 3;

    private LockConflicts() {}

    public static void retry(String what, Runnable transaction) {
        call(what, () -> {
            transaction.run();
            return null;
        });
    }

    /** The same, for a transaction that answers something (an officer's request, say: retried rather than a 500). */
    public static <T> T call(String what, Supplier<T> transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (PessimisticLockingFailureException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                log.info(
                        "{}: lock conflict ({}); attempt {} of {}",
                        what,
                        e.getClass().getSimpleName(),
                        attempt + 1,
                        ATTEMPTS);
                try {
                    Thread.sleep(20L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}

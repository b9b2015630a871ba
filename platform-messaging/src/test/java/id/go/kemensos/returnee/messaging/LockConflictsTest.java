package id.go.kemensos.returnee.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;

class LockConflictsTest {

    @Test
    void aTransactionGivenUpOverLocksRunsAgain() {
        AtomicInteger runs = new AtomicInteger();

        LockConflicts.retry("test", () -> {
            if (runs.incrementAndGet() < LockConflicts.ATTEMPTS) {
                throw new CannotAcquireLockException("Deadlock found when trying to get lock");
            }
        });

        assertThat(runs).hasValue(LockConflicts.ATTEMPTS);
    }

    @Test
    void aRequestRunAgainAnswersWhatItsLastRunAnswered() {
        AtomicInteger runs = new AtomicInteger();

        String answer = LockConflicts.call("test", () -> {
            if (runs.incrementAndGet() == 1) {
                throw new CannotAcquireLockException("Deadlock found when trying to get lock");
            }
            return "batch " + runs.get();
        });

        assertThat(answer).isEqualTo("batch 2");
    }

    @Test
    void theLastConflictAndOtherFailuresAreThrown() {
        AtomicInteger runs = new AtomicInteger();
        assertThatThrownBy(() -> LockConflicts.retry("test", () -> {
                    runs.incrementAndGet();
                    throw new CannotAcquireLockException("Lock wait timeout exceeded");
                }))
                .isInstanceOf(CannotAcquireLockException.class);
        assertThat(runs).hasValue(LockConflicts.ATTEMPTS);

        AtomicInteger once = new AtomicInteger();
        assertThatThrownBy(() -> LockConflicts.retry("test", () -> {
                    once.incrementAndGet();
                    throw new DataIntegrityViolationException("duplicate");
                }))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(once).hasValue(1);
    }
}

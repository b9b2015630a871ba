package id.go.kemensos.returnee.registration.returnee;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A consumer's poll records many states; they are written when its transaction commits, one batch per part of the
 * status, and of a person's states of one part only the latest (the database's guard still refuses an earlier one).
 */
class ReturneeProgressWritesTest {

    private final Map<String, List<Object[]>> written = new LinkedHashMap<>();
    private final JdbcTemplate jdbc = new JdbcTemplate() {
        @Override
        public int[] batchUpdate(String sql, List<? extends Object[]> batchArgs) {
            written.put(sql, new ArrayList<>(batchArgs));
            return new int[batchArgs.size()];
        }
    };
    private final ReturneeRepository returnees = new ReturneeRepository(jdbc, null, null, null);
    private final TransactionTemplate tx = new TransactionTemplate(new Transactions());

    @Test
    void aPollsProgressIsWrittenAtCommitOnePartAtATimeAndOnlyEachPersonsLatestState() {
        UUID aminah = UUID.fromString("00000000-0000-7000-8000-000000000002");
        UUID zaini = UUID.fromString("00000000-0000-7000-8000-000000000001");

        tx.executeWithoutResult(status -> {
            returnees.recordProgress(ReturneeRepository.Progress.PAYMENT, aminah, "PAYMENT_APPROVED", 20);
            returnees.recordProgress(ReturneeRepository.Progress.DECISION, aminah, "ELIGIBLE", 5);
            returnees.recordProgress(ReturneeRepository.Progress.PAYMENT, aminah, "PAYMENT_SCHEDULED", 11);
            returnees.recordProgress(ReturneeRepository.Progress.PAYMENT, zaini, "PAYMENT_SENT", 30);
            returnees.recordProgress(ReturneeRepository.Progress.PAYMENT, aminah, "PAID", 40);
            assertThat(written).as("nothing before the commit").isEmpty();
        });

        assertThat(written).hasSize(2);
        assertThat(written)
                .hasEntrySatisfying(
                        "UPDATE returnee SET decision_outcome = ?, decision_order = ? WHERE beneficiary_id = ? AND"
                                + " (decision_order IS NULL OR decision_order < ?)",
                        rows -> assertThat(rows).containsExactly(new Object[] {"ELIGIBLE", 5L, aminah.toString(), 5L}));
        assertThat(written)
                .hasEntrySatisfying(
                        "UPDATE returnee SET payment_state = ?, payment_order = ? WHERE beneficiary_id = ? AND"
                                + " (payment_order IS NULL OR payment_order < ?)",
                        rows -> assertThat(rows)
                                .as("person by person in id order, each one's latest state")
                                .containsExactly(
                                        new Object[] {"PAYMENT_SENT", 30L, zaini.toString(), 30L},
                                        new Object[] {"PAID", 40L, aminah.toString(), 40L}));
    }

    @Test
    void aRolledBackPollWritesNoProgress() {
        tx.executeWithoutResult(status -> {
            returnees.recordProgress(ReturneeRepository.Progress.PAYMENT, UUID.randomUUID(), "PAID", 40);
            status.setRollbackOnly();
        });
        assertThat(written).isEmpty();
    }

    private static final class Transactions extends AbstractPlatformTransactionManager {
        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {}

        @Override
        protected void doCommit(DefaultTransactionStatus status) {}

        @Override
        protected void doRollback(DefaultTransactionStatus status) {}
    }
}

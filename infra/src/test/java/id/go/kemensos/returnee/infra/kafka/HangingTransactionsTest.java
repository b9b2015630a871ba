package id.go.kemensos.returnee.infra.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class HangingTransactionsTest {

    private static final Instant NOW = Instant.parse("2026-12-07T11:35:00Z");
    private static final Duration PATIENCE = Duration.ofMinutes(1);
    private static final TopicPartition OFFSETS_6 = new TopicPartition("connect.offsets", 6);

    private static HangingTransactions.Open open(long producer, Instant lastWrite) {
        return new HangingTransactions.Open(OFFSETS_6, producer, 70, 3, 140, lastWrite);
    }

    @Test
    void aTransactionItsCoordinatorEndedIsHangingOnceItIsOlderThanThePatience() {
        // As seen after a broker restart: producer 1001 open on connect.offsets-6, its transactional id Empty.
        HangingTransactions.Open left = open(1001, Instant.parse("2026-12-07T11:18:13Z"));
        Map<Long, HangingTransactions.Coordinated> coordinated =
                Map.of(1001L, new HangingTransactions.Coordinated(1001, 70, TransactionState.EMPTY, Set.of()));

        assertThat(HangingTransactions.hanging(List.of(left), coordinated, NOW, PATIENCE))
                .containsExactly(left);
        assertThat(HangingTransactions.hanging(List.of(left), Map.of(), NOW, PATIENCE))
                .as("no transactional id has the producer any more")
                .containsExactly(left);
    }

    @Test
    void aTransactionItsCoordinatorRunsIsNeverAbortedHoweverOld() {
        HangingTransactions.Open running = open(1002, NOW.minus(Duration.ofMinutes(20)));
        Map<Long, HangingTransactions.Coordinated> coordinated = Map.of(
                1002L, new HangingTransactions.Coordinated(1002, 70, TransactionState.ONGOING, Set.of(OFFSETS_6)));

        assertThat(HangingTransactions.hanging(List.of(running), coordinated, NOW, PATIENCE))
                .isEmpty();
        Map<Long, HangingTransactions.Coordinated> committing = Map.of(
                1002L,
                new HangingTransactions.Coordinated(1002, 70, TransactionState.PREPARE_COMMIT, Set.of(OFFSETS_6)));
        assertThat(HangingTransactions.hanging(List.of(running), committing, NOW, PATIENCE))
                .isEmpty();
    }

    @Test
    void anOngoingTransactionThatDoesNotIncludeThePartitionLeftItHanging() {
        HangingTransactions.Open left = open(1003, NOW.minus(Duration.ofMinutes(5)));
        Map<Long, HangingTransactions.Coordinated> elsewhere = Map.of(
                1003L,
                new HangingTransactions.Coordinated(
                        1003, 71, TransactionState.ONGOING, Set.of(new TopicPartition("audit.events", 1))));

        assertThat(HangingTransactions.hanging(List.of(left), elsewhere, NOW, PATIENCE))
                .containsExactly(left);
    }

    @Test
    void aYoungTransactionIsLeftToItsCoordinator() {
        HangingTransactions.Open young = open(1004, NOW.minusSeconds(30));

        assertThat(HangingTransactions.hanging(List.of(young), Map.of(), NOW, PATIENCE))
                .as("its coordinator may be about to write the markers")
                .isEmpty();
    }
}

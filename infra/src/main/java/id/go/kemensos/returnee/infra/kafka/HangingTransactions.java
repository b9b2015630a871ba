package id.go.kemensos.returnee.infra.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.AbortTransactionSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.ListTransactionsOptions;
import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.common.TopicPartition;

/**
 * Transactions a partition keeps open although their coordinator no longer has them: "hanging" transactions, left when a
 * broker restarts between a producer's write and the coordinator's marker. A consumer reading committed records stops
 * before one for good. On {@code connect.offsets} that stops every outbox connector's task at its start, so nothing is
 * relayed any more (ChaosRunIT, 2026-12-07: after a broker restart, producer 1001 of {@code audit-outbox} stayed open on
 * {@code connect.offsets-6} for 17 minutes while its coordinator said Empty; aborting it resumed the relay at once).
 * Found as {@code kafka-transactions.sh find-hanging} finds them and aborted as its {@code abort} does; a transaction its
 * coordinator still runs is never touched, whatever its age.
 */
public final class HangingTransactions {

    /** A transaction a partition holds open: from its first offset, by this producer, last written to then. */
    public record Open(
            TopicPartition partition,
            long producerId,
            int producerEpoch,
            int coordinatorEpoch,
            long startOffset,
            Instant lastWrite) {

        @Override
        public String toString() {
            return "producer " + producerId + " (epoch " + producerEpoch + ") on " + partition + " from offset "
                    + startOffset + ", last written " + lastWrite;
        }
    }

    /** What the coordinator of a transactional id says it is running now. */
    public record Coordinated(
            long producerId, int producerEpoch, TransactionState state, Set<TopicPartition> partitions) {

        boolean runs(Open open) {
            return producerId == open.producerId()
                    && (state == TransactionState.ONGOING
                            || state == TransactionState.PREPARE_COMMIT
                            || state == TransactionState.PREPARE_ABORT)
                    && partitions.contains(open.partition());
        }
    }

    private HangingTransactions() {}

    /**
     * The open transactions that hang: open longer than {@code patience} (more than any producer's transaction timeout,
     * so that a coordinator about to write its markers is not raced), and not run by their producer's coordinator.
     *
     * @param coordinatedByProducer what each producer's coordinator runs (absent: no transactional id has it now)
     */
    public static List<Open> hanging(
            Collection<Open> open, Map<Long, Coordinated> coordinatedByProducer, Instant now, Duration patience) {
        return open.stream()
                .filter(o -> o.lastWrite().plus(patience).isBefore(now))
                .filter(o -> Optional.ofNullable(coordinatedByProducer.get(o.producerId()))
                        .filter(c -> c.runs(o))
                        .isEmpty())
                .toList();
    }

    /** Finds the hanging transactions of every topic of the cluster, internal ones (connect.offsets) included. */
    public static List<Open> find(Admin admin, Instant now, Duration patience)
            throws ExecutionException, InterruptedException {
        Set<String> topics = admin.listTopics(new ListTopicsOptions().listInternal(true))
                .names()
                .get();
        List<TopicPartition> partitions = new ArrayList<>();
        for (TopicDescription topic :
                admin.describeTopics(topics).allTopicNames().get().values()) {
            topic.partitions().forEach(p -> partitions.add(new TopicPartition(topic.name(), p.partition())));
        }
        List<Open> open = new ArrayList<>();
        admin.describeProducers(partitions).all().get().forEach((partition, producers) -> {
            for (ProducerState p : producers.activeProducers()) {
                if (p.currentTransactionStartOffset().isPresent()) {
                    open.add(new Open(
                            partition,
                            p.producerId(),
                            p.producerEpoch(),
                            p.coordinatorEpoch().orElse(-1),
                            p.currentTransactionStartOffset().getAsLong(),
                            Instant.ofEpochMilli(p.lastTimestamp())));
                }
            }
        });
        if (open.isEmpty()) {
            return List.of();
        }
        Set<Long> producers = open.stream().map(Open::producerId).collect(Collectors.toSet());
        Collection<TransactionListing> listings = admin.listTransactions(
                        new ListTransactionsOptions().filterProducerIds(producers))
                .all()
                .get();
        Map<Long, Coordinated> coordinated = new HashMap<>();
        if (!listings.isEmpty()) {
            Map<String, TransactionDescription> described = admin.describeTransactions(listings.stream()
                            .map(TransactionListing::transactionalId)
                            .toList())
                    .all()
                    .get();
            described
                    .values()
                    .forEach(d -> coordinated.put(
                            d.producerId(),
                            new Coordinated(d.producerId(), d.producerEpoch(), d.state(), d.topicPartitions())));
        }
        return hanging(open, coordinated, now, patience);
    }

    /** Aborts each hanging transaction (writing the marker its coordinator never wrote) and returns those aborted. */
    public static List<Open> abortHanging(Admin admin, Instant now, Duration patience)
            throws ExecutionException, InterruptedException {
        List<Open> hanging = find(admin, now, patience);
        for (Open o : hanging) {
            admin.abortTransaction(new AbortTransactionSpec(
                            o.partition(), o.producerId(), (short) o.producerEpoch(), o.coordinatorEpoch()))
                    .all()
                    .get();
        }
        return hanging;
    }
}

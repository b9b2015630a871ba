package id.go.kemensos.returnee.bench;

import id.go.kemensos.returnee.contracts.Topics;
import id.go.kemensos.returnee.infra.kafka.KafkaAccess;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

/**
 * How many events the relay has put on each event topic: the sum of its partitions' end offsets (one offset per record,
 * the relay writing without transactions).
 */
final class RelayedEvents implements AutoCloseable {

    private final Admin admin;
    private final List<String> topics = Topics.allEventTopics();
    private List<TopicPartition> partitions;

    RelayedEvents(String bootstrapServers) {
        this.admin = Admin.create(KafkaAccess.asAdmin(bootstrapServers));
    }

    /** Records on each event topic, by topic name. */
    Map<String, Long> counts() {
        try {
            if (partitions == null) {
                partitions = admin.describeTopics(topics).allTopicNames().get().values().stream()
                        .flatMap((TopicDescription d) ->
                                d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                        .toList();
            }
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
            Map<String, Long> counts = new TreeMap<>();
            admin.listOffsets(latest)
                    .all()
                    .get()
                    .forEach((p, info) -> counts.merge(p.topic(), info.offset(), Long::sum));
            return counts;
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot read the event topics' end offsets", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}

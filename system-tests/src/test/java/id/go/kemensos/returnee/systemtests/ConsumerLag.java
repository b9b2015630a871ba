package id.go.kemensos.returnee.systemtests;

import id.go.kemensos.returnee.infra.kafka.KafkaAccess;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/** How far a consumer group is behind the end of a topic: zero means it has processed (and committed) everything. */
final class ConsumerLag {

    private final String bootstrapServers;

    ConsumerLag(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    long of(String group, String topic) throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(KafkaAccess.asAdmin(bootstrapServers))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get();
            Map<TopicPartition, OffsetSpec> latest =
                    admin
                            .describeTopics(java.util.List.of(topic))
                            .allTopicNames()
                            .get()
                            .get(topic)
                            .partitions()
                            .stream()
                            .map(p -> new TopicPartition(topic, p.partition()))
                            .collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest()));
            // Up to the last stable offset: a relay transaction still open is not yet there to be processed.
            return admin
                    .listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                    .all()
                    .get()
                    .entrySet()
                    .stream()
                    .mapToLong(e -> {
                        OffsetAndMetadata c = committed.get(e.getKey());
                        return e.getValue().offset() - (c == null ? 0 : c.offset());
                    })
                    .sum();
        }
    }
}

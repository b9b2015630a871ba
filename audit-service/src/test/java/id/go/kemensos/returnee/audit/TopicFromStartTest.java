package id.go.kemensos.returnee.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import id.go.kemensos.returnee.infra.kafka.KafkaAccess;
import id.go.kemensos.returnee.infra.kafka.KafkaBroker;
import id.go.kemensos.returnee.infra.stack.PlatformHome;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/**
 * An auditor's reading of a topic written by the relay's transactions (exactly-once delivery) ends at the end offsets,
 * on the real broker: each partition's last offset there is a commit marker, which the consumer passes without handing
 * over a record.
 */
class TopicFromStartTest {

    private static final int PARTITIONS = 3;
    private static final KafkaBroker broker = new KafkaBroker(PlatformHome.locate());

    @BeforeAll
    static void startBroker() {
        broker.start(); // or adopts the one this project already runs
    }

    @AfterAll
    static void stopBroker() {
        broker.close(); // stops only what it started
    }

    @Test
    void aReadingEndsWhenCommitMarkersAreAllThatIsLeftOfThePartitions() throws Exception {
        String topic = "audit-test.topic-from-start." + UUID.randomUUID();
        try (Admin admin = Admin.create(KafkaAccess.asAdmin(broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1)))
                    .all()
                    .get();
        }
        int written = 0;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(KafkaAccess.asAdmin(
                broker.bootstrapServers(),
                Map.of(
                        ProducerConfig.TRANSACTIONAL_ID_CONFIG, "audit-test-" + UUID.randomUUID(),
                        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class)))) {
            producer.initTransactions();
            for (int transaction = 0; transaction < 2; transaction++) {
                producer.beginTransaction();
                for (int i = 0; i < 12; i++) {
                    producer.send(new ProducerRecord<>(topic, i % PARTITIONS, null, ("event " + written++).getBytes()));
                }
                producer.commitTransaction();
            }
        }
        KafkaProperties kafka = new KafkaProperties();
        kafka.setBootstrapServers(List.of(broker.bootstrapServers()));
        KafkaAccess.clientSecurity(KafkaAccess.ADMIN)
                .forEach((name, value) -> kafka.getProperties().put(name, String.valueOf(value)));
        kafka.getConsumer().setIsolationLevel(KafkaProperties.IsolationLevel.READ_COMMITTED);
        TopicFromStart reader = new TopicFromStart(kafka);
        Map<Integer, Integer> read = new ConcurrentHashMap<>();

        // One record per poll: the last poll of a partition returns its last event, and the marker after it comes
        // alone in the next one.
        TopicFromStart.Read reading = assertTimeoutPreemptively(
                Duration.ofSeconds(60),
                () -> reader.read(
                        topic,
                        Map.of(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1),
                        (partition, records) -> read.merge(partition.partition(), records.size(), Integer::sum)));

        assertThat(read).containsOnly(Map.entry(0, 8), Map.entry(1, 8), Map.entry(2, 8));
        // 8 events and 2 commit markers per partition
        assertThat(reading.endOffsets()).containsOnly(Map.entry(0, 10L), Map.entry(1, 10L), Map.entry(2, 10L));
    }
}

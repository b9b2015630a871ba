package id.go.kemensos.returnee.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.kemensos.returnee.contracts.Topics;
import id.go.kemensos.returnee.contracts.audit.AuditTopics;
import id.go.kemensos.returnee.contracts.disbursement.DisbursementTopics;
import id.go.kemensos.returnee.contracts.eligibility.EligibilityTopics;
import id.go.kemensos.returnee.contracts.registration.RegistrationTopics;
import id.go.kemensos.returnee.infra.kafka.KafkaAccess;
import id.go.kemensos.returnee.testsupport.EventLog;
import id.go.kemensos.returnee.testsupport.PlatformIntegrationTest;
import id.go.kemensos.returnee.testsupport.RunningPlatform;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each service reaches Kafka as its own principal, and the broker enforces what KafkaAccess grants: a service cannot
 * write an event topic (only the outbox relay does) nor read a topic it does not consume, it reads what it consumes
 * with its own group, and a wrong password does not log in. Nothing is written to a real topic: the allowed writes are
 * checked through the operations the broker says the principal may perform.
 */
@PlatformIntegrationTest
class KafkaAccessIT {

    private static String bootstrap;

    @BeforeAll
    static void startPlatform() {
        bootstrap = RunningPlatform.start().stack().kafka().bootstrapServers();
    }

    private static Map<String, Object> as(String principal, Map<String, Object> settings) {
        Map<String, Object> config = new HashMap<>(KafkaAccess.as(principal, bootstrap));
        config.putAll(settings);
        return config;
    }

    @Test
    void aServiceCannotWriteAnEventTopic() {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                as(
                        "registration",
                        Map.of(
                                ProducerConfig.MAX_BLOCK_MS_CONFIG,
                                20_000,
                                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                                20_000,
                                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                                10_000)),
                new StringSerializer(),
                new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> forged = new ProducerRecord<>(
                    DisbursementTopics.EVENTS,
                    "kafka-access-it",
                    "{\"forged\": true}".getBytes(StandardCharsets.UTF_8));
            assertThatThrownBy(() -> producer.send(forged).get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void aServiceCannotReadATopicItDoesNotConsume() {
        assertThat(KafkaAccess.consumedBy("notification")).doesNotContain(AuditTopics.EVENTS);
        assertRefusedToRead("notification", AuditTopics.EVENTS);
    }

    /** Decisions under the trafficking law (Law 21/2007 Art. 44) reach the audit ledger and no other service. */
    @Test
    void onlyTheAuditLedgerReadsTheRestrictedDecisions() throws Exception {
        for (String service : List.of("registration", "eligibility", "disbursement", "notification")) {
            assertThat(KafkaAccess.consumedBy(service)).as(service).doesNotContain(EligibilityTopics.PROTECTION_EVENTS);
            assertRefusedToRead(service, EligibilityTopics.PROTECTION_EVENTS);
        }
        assertThat(describe("audit", List.of(EligibilityTopics.PROTECTION_EVENTS)))
                .containsKey(EligibilityTopics.PROTECTION_EVENTS);
    }

    private static void assertRefusedToRead(String principal, String topic) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                as(principal, Map.of(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false)),
                new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = List.of(new TopicPartition(topic, 0));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            assertThatThrownBy(() -> {
                        Instant until = Instant.now().plusSeconds(30);
                        while (Instant.now().isBefore(until)) {
                            consumer.poll(Duration.ofMillis(500));
                        }
                    })
                    .isInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void aServiceReadsATopicItConsumesWithItsOwnGroup() {
        // What the admin reads of it now; the relay writes in transactions, so offsets overcount records (markers).
        long onTopic = new EventLog(bootstrap)
                .raw(RegistrationTopics.EVENTS, r -> true)
                .size();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                as(
                        "eligibility",
                        Map.of(
                                ConsumerConfig.GROUP_ID_CONFIG,
                                "eligibility",
                                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                                false,
                                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                                "read_committed")),
                new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(RegistrationTopics.EVENTS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            assertThat(partitions).isNotEmpty();
            // Assigned, not subscribed: the running service keeps its partitions; its group's offsets are only read.
            consumer.assign(partitions);
            assertThat(consumer.committed(Set.copyOf(partitions)))
                    .as("the group's committed offsets")
                    .isNotNull();
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Instant until = Instant.now().plusSeconds(30);
            long read = 0;
            do {
                read += consumer.poll(Duration.ofMillis(500)).count();
            } while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
                    && Instant.now().isBefore(until));
            assertThat(partitions).allMatch(p -> consumer.position(p) >= end.get(p));
            assertThat(read).as("records read, as many as the admin reads").isGreaterThanOrEqualTo(onTopic);
        }
    }

    @Test
    void onlyTheRelayMayWriteTheEventTopics() throws Exception {
        List<String> events = Topics.allEventTopics();
        Map<String, TopicDescription> asRelay = describe(KafkaAccess.RELAY, events);
        for (String topic : events) {
            assertThat(asRelay.get(topic).authorizedOperations())
                    .as("relay on " + topic)
                    .contains(AclOperation.WRITE)
                    .doesNotContain(AclOperation.READ);
        }
        for (String service : KafkaAccess.services()) {
            for (String consumed : KafkaAccess.consumedBy(service)) {
                assertThat(describe(service, List.of(consumed)).get(consumed).authorizedOperations())
                        .as(service + " on " + consumed)
                        .contains(AclOperation.READ)
                        .doesNotContain(AclOperation.WRITE);
            }
        }
        Map<String, TopicDescription> asAudit = describe("audit", events);
        assertThat(asAudit)
                .as("the audit service reads every event topic")
                .allSatisfy((topic, d) -> assertThat(d.authorizedOperations())
                        .contains(AclOperation.READ, AclOperation.DESCRIBE_CONFIGS));
    }

    private static Map<String, TopicDescription> describe(String principal, List<String> topics) throws Exception {
        try (Admin admin = Admin.create(as(principal, Map.of()))) {
            return admin.describeTopics(topics, new DescribeTopicsOptions().includeAuthorizedOperations(true))
                    .allTopicNames()
                    .get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aWrongPasswordDoesNotLogIn() {
        Map<String, Object> config = new HashMap<>(KafkaAccess.clientSecurity("registration", "not-the-password"));
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(config)) {
            assertThatThrownBy(() -> admin.describeCluster().nodes().get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }
}

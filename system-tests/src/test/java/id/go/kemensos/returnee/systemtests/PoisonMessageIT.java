package id.go.kemensos.returnee.systemtests;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.kemensos.returnee.contracts.Topics;
import id.go.kemensos.returnee.contracts.registration.RegistrationTopics;
import id.go.kemensos.returnee.contracts.registration.ReturneeRegistered;
import id.go.kemensos.returnee.infra.kafka.KafkaAccess;
import id.go.kemensos.returnee.infra.launcher.PlatformService;
import id.go.kemensos.returnee.testsupport.EventLog;
import id.go.kemensos.returnee.testsupport.OfficerLogin;
import id.go.kemensos.returnee.testsupport.PlatformIntegrationTest;
import id.go.kemensos.returnee.testsupport.ReturneeMother;
import id.go.kemensos.returnee.testsupport.RunningPlatform;
import id.go.kemensos.returnee.testsupport.ServiceApi;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Malformed records on registration.events — one that is not a CloudEvent at all, one whose payload does not match its
 * type — go to registration.events.dlt once per consumer group, and every partition keeps flowing past them.
 */
@PlatformIntegrationTest
class PoisonMessageIT {

    private static final List<String> CONSUMER_GROUPS = List.of("eligibility", "disbursement", "notification", "case");
    private static RunningPlatform platform;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.start();
    }

    @Test
    void malformedRecordsAreDeadLetteredAndThePartitionKeepsFlowing() throws Exception {
        String run = UUID.randomUUID().toString();
        int partitions;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                KafkaAccess.asAdmin(platform.stack().kafka().bootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer())) {
            partitions = producer.partitionsFor(RegistrationTopics.EVENTS).size();
            for (int p = 0; p < partitions; p++) {
                // Poison on every partition, so that whichever partition the next real registration lands on is tested.
                producer.send(new ProducerRecord<>(
                                RegistrationTopics.EVENTS,
                                p,
                                "poison-" + run,
                                "{not json at all".getBytes(StandardCharsets.UTF_8)))
                        .get();
                producer.send(new ProducerRecord<>(
                                RegistrationTopics.EVENTS,
                                p,
                                "poison-" + run,
                                "{\"beneficiaryId\": \"not-a-uuid\"}".getBytes(StandardCharsets.UTF_8),
                                wellFormedHeaders()))
                        .get();
            }
        }

        Map<String, Object> siti = ReturneeMother.sitiAminahLombokTengah();
        UUID beneficiary = platform.registration().register(siti);

        // The audit ledger keeps every record as it came, the unreadable ones included.
        await().atMost(ofSeconds(60))
                .until(() -> platform.database()
                                .count("SELECT COUNT(*) FROM audit.audit_entry WHERE record_key = ?", "poison-" + run)
                        == 2L * partitions);
        assertThat(platform.database()
                        .count(
                                "SELECT COUNT(*) FROM audit.audit_entry WHERE record_key = ? AND type = 'unreadable'",
                                "poison-" + run))
                .isEqualTo(partitions);

        await().atMost(ofSeconds(90)).untilAsserted(() -> {
            assertThat(platform.database()
                            .rows(
                                    "SELECT state FROM disbursement.payment_intent WHERE beneficiary_id = ?",
                                    beneficiary))
                    .singleElement()
                    .satisfies(p -> assertThat(p).containsEntry("state", "SETTLED"));
            assertThat(platform.stack().sms().messagesTo(ReturneeMother.phoneE164(siti)))
                    .as("registered, entitled to support (their case), eligible, paid")
                    .hasSize(4);
        });

        EventLog log = new EventLog(platform.stack().kafka().bootstrapServers());
        await().atMost(ofSeconds(60)).untilAsserted(() -> {
            List<DeadLetter> dead = log
                    .raw(Topics.deadLetterOf(RegistrationTopics.EVENTS), r -> ("poison-" + run).equals(r.key()))
                    .stream()
                    .map(DeadLetter::of)
                    .toList();
            Map<String, Long> perGroup =
                    dead.stream().collect(Collectors.groupingBy(DeadLetter::consumerGroup, Collectors.counting()));
            assertThat(perGroup).containsOnlyKeys(CONSUMER_GROUPS.toArray(String[]::new));
            assertThat(perGroup.values()).allSatisfy(count -> assertThat(count).isEqualTo(2L * partitions));
            assertThat(dead)
                    .extracting(DeadLetter::cause)
                    .containsOnly("id.go.kemensos.returnee.messaging.MalformedEventException");
            assertThat(dead)
                    .allSatisfy(d -> assertThat(d.partition())
                            .as("a dead letter keeps its partition")
                            .isEqualTo(d.originalPartition()));
        });

        assertThat(deadLetterCount(PlatformService.ELIGIBILITY)).isGreaterThanOrEqualTo(2.0 * partitions);
    }

    private static Iterable<Header> wellFormedHeaders() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        headers.add("ce_type", ReturneeRegistered.EVENT_TYPE.type().getBytes(StandardCharsets.UTF_8));
        headers.add("ce_source", "/kemensos/registration-service".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_time", Instant.now().toString().getBytes(StandardCharsets.UTF_8));
        headers.add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
        return headers;
    }

    /** What an on-call engineer reads off a dead letter: who failed it, why, and where it came from. */
    record DeadLetter(String consumerGroup, String cause, int partition, int originalPartition) {

        static DeadLetter of(ConsumerRecord<String, byte[]> r) {
            Header original = r.headers().lastHeader("kafka_dlt-original-partition");
            return new DeadLetter(
                    header(r, "kafka_dlt-original-consumer-group"),
                    header(r, "kafka_dlt-exception-cause-fqcn"),
                    r.partition(),
                    original == null
                            ? -1
                            : java.nio.ByteBuffer.wrap(original.value()).getInt());
        }

        private static String header(ConsumerRecord<String, byte[]> record, String name) {
            Header h = record.headers().lastHeader(name);
            return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
        }
    }

    /**
     * The dead-letter counter every service exposes on its metrics endpoint (an operator's: the platform admin's
     * token).
     */
    private static double deadLetterCount(PlatformService service) {
        ServiceApi.Response response =
                platform.api(service, OfficerLogin.ADMIN).get("/actuator/metrics/platform.dead.letters");
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        String body = response.text();
        String value =
                body.replaceAll("(?s).*\"statistic\"\\s*:\\s*\"COUNT\"\\s*,\\s*\"value\"\\s*:\\s*([0-9.E]+).*", "$1");
        return Double.parseDouble(value);
    }
}

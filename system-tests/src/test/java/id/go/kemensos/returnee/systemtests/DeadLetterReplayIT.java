package id.go.kemensos.returnee.systemtests;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.kemensos.returnee.contracts.MaskedValues;
import id.go.kemensos.returnee.contracts.Topics;
import id.go.kemensos.returnee.contracts.registration.BankAccount;
import id.go.kemensos.returnee.contracts.registration.PersonalDetails;
import id.go.kemensos.returnee.contracts.registration.RegistrationTopics;
import id.go.kemensos.returnee.contracts.registration.ReturneeCategory;
import id.go.kemensos.returnee.contracts.registration.ReturneeRegistered;
import id.go.kemensos.returnee.contracts.registration.Sex;
import id.go.kemensos.returnee.infra.kafka.KafkaAccess;
import id.go.kemensos.returnee.infra.launcher.PlatformService;
import id.go.kemensos.returnee.infra.sim.AcceptedSms;
import id.go.kemensos.returnee.testsupport.OfficerLogin;
import id.go.kemensos.returnee.testsupport.PlatformIntegrationTest;
import id.go.kemensos.returnee.testsupport.ReturneeMother;
import id.go.kemensos.returnee.testsupport.RunningPlatform;
import id.go.kemensos.returnee.testsupport.ServiceApi;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An operator replays notification-service's dead letters once the cause is fixed: the event goes through the same
 * listener, its SMS goes out once, and a second replay finds nothing left to do.
 */
@PlatformIntegrationTest
class DeadLetterReplayIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static RunningPlatform platform;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.start();
    }

    @Test
    void aDeadLetteredEventIsReplayedThroughItsListenerOnlyOnce() throws Exception {
        Map<String, Object> fixture = ReturneeMother.sitiAminahLombokTengah();
        String phone = ReturneeMother.phoneE164(fixture);
        UUID beneficiary = UUID.randomUUID();
        PersonalDetails details = new PersonalDetails(
                MaskedValues.nik((String) fixture.get("nik")),
                "SITI AMINAH",
                LocalDate.of(1990, 8, 15),
                phone,
                new BankAccount("002", (String) fixture.get("accountNumber"), "SITI AMINAH"),
                ReturneeCategory.PMIB_DEPORTEE,
                "BP3MI",
                null,
                null);
        deadLetterForNotification(ReturneeRegistered.sealed(
                beneficiary,
                Sex.FEMALE,
                "52",
                "5202",
                "MY",
                LocalDate.of(2019, 9, 2),
                true,
                2,
                true,
                null,
                Instant.now(),
                platform.sealedColumns().sealAsRegistration(beneficiary, details)));

        JsonNode pending = actuator("GET", "/actuator/deadletters");
        assertThat(pending.get(RegistrationTopics.EVENTS).asLong())
                .as("pending dead letters: %s", pending)
                .isPositive();
        JsonNode first = actuator("POST", "/actuator/deadletters/" + RegistrationTopics.EVENTS);

        assertThat(first.get("replayed").asInt()).as("replay: %s", first).isPositive();
        assertThat(first.hasNonNull("stoppedAt"))
                .as("replay finished: %s", first)
                .isFalse();
        await().atMost(ofSeconds(30))
                .untilAsserted(() -> assertThat(platform.stack().sms().messagesTo(phone))
                        .singleElement()
                        .extracting(AcceptedSms::text)
                        .asString()
                        .contains("terdaftar"));

        JsonNode second = actuator("POST", "/actuator/deadletters/" + RegistrationTopics.EVENTS);
        assertThat(second.get("replayed").asInt()).isZero();
        // The count reads again from where the replays have come to (its client is kept from the first count).
        JsonNode after = actuator("GET", "/actuator/deadletters");
        assertThat(after.get(RegistrationTopics.EVENTS).asLong())
                .as("pending dead letters after the replay: %s", after)
                .isZero();
        await().during(ofSeconds(2))
                .atMost(ofSeconds(5))
                .untilAsserted(() ->
                        assertThat(platform.stack().sms().messagesTo(phone)).hasSize(1));
    }

    /** What the dead-letter recoverer would have published for notification-service after exhausting its retries. */
    private static void deadLetterForNotification(ReturneeRegistered event) throws Exception {
        RecordHeaders headers = new RecordHeaders();
        header(headers, "ce_specversion", "1.0");
        header(headers, "ce_id", UUID.randomUUID().toString());
        header(headers, "ce_type", ReturneeRegistered.EVENT_TYPE.type());
        header(headers, "ce_source", ReturneeRegistered.EVENT_TYPE.source().toString());
        header(headers, "ce_time", Instant.now().toString());
        header(headers, "ce_subject", event.beneficiaryId().toString());
        header(headers, "content-type", "application/json");
        header(headers, "kafka_dlt-original-topic", RegistrationTopics.EVENTS);
        header(headers, "kafka_dlt-original-consumer-group", "notification");
        headers.add(
                "kafka_dlt-original-partition", ByteBuffer.allocate(4).putInt(0).array());
        headers.add(
                "kafka_dlt-original-offset", ByteBuffer.allocate(8).putLong(0).array());
        headers.add(
                "kafka_dlt-exception-cause-fqcn",
                "org.springframework.dao.TransientDataAccessResourceException".getBytes(StandardCharsets.UTF_8));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                KafkaAccess.asAdmin(platform.stack().kafka().bootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(
                            Topics.deadLetterOf(RegistrationTopics.EVENTS),
                            0,
                            event.beneficiaryId().toString(),
                            JSON.writeValueAsBytes(event),
                            headers))
                    .get();
        }
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** The dead-letter actuator endpoint, an operator's: the platform admin's token. */
    private static JsonNode actuator(String method, String path) {
        ServiceApi operator = platform.api(PlatformService.NOTIFICATION, OfficerLogin.ADMIN);
        ServiceApi.Response response = operator.send(operator.request(path)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build());
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return JSON.readTree(response.text());
    }
}

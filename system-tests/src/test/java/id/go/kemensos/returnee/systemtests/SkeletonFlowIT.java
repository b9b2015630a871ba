package id.go.kemensos.returnee.systemtests;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.kemensos.returnee.contracts.EventCatalog;
import id.go.kemensos.returnee.contracts.Topics;
import id.go.kemensos.returnee.contracts.access.AccessTopics;
import id.go.kemensos.returnee.contracts.audit.AuditTopics;
import id.go.kemensos.returnee.contracts.casework.CaseTopics;
import id.go.kemensos.returnee.infra.sim.AcceptedSms;
import id.go.kemensos.returnee.infra.sim.ExecutedTransfer;
import id.go.kemensos.returnee.testsupport.EventLog;
import id.go.kemensos.returnee.testsupport.PlatformIntegrationTest;
import id.go.kemensos.returnee.testsupport.ReturneeMother;
import id.go.kemensos.returnee.testsupport.RunningPlatform;
import io.cloudevents.CloudEvent;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One returnee crosses all four services on the real stack: registration → registration.events → eligibility →
 * eligibility.events → disbursement → bank gateway → disbursement.events → notification → SMS gateway.
 */
@PlatformIntegrationTest
class SkeletonFlowIT {

    private static RunningPlatform platform;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.start();
    }

    @Test
    void aRegisteredReturneeIsDecidedPaidOnceAndToldBySms() {
        Map<String, Object> siti = ReturneeMother.sitiAminahLombokTengah();
        UUID beneficiary = platform.registration().register(siti);
        String phone = ReturneeMother.phoneE164(siti);

        await().atMost(ofSeconds(60)).untilAsserted(() -> {
            List<Map<String, Object>> payments = platform.database()
                    .rows(
                            "SELECT payment_id, state, amount, bank_code, bank_reference FROM "
                                    + "disbursement.payment_intent WHERE beneficiary_id = ?",
                            beneficiary);
            assertThat(payments).hasSize(1);
            assertThat(payments.get(0))
                    .containsEntry("state", "SETTLED")
                    .containsEntry("amount", 960_000L)
                    .containsEntry("bank_code", "002");
            assertThat(platform.stack().sms().messagesTo(phone))
                    .as("registered, entitled to support (their case), eligible, paid")
                    .hasSize(4);
        });

        Map<String, Object> payment = platform.database()
                .rows(
                        "SELECT payment_id, bank_reference FROM disbursement.payment_intent WHERE beneficiary_id = ?",
                        beneficiary)
                .get(0);
        String paymentId = (String) payment.get("payment_id");
        assertThat(platform.stack().bank().executionsOf(paymentId)).isEqualTo(1);
        ExecutedTransfer transfer = platform.stack().bank().executedTransfers().stream()
                .filter(t -> t.partnerReferenceNo().equals(paymentId))
                .findFirst()
                .orElseThrow();
        assertThat(transfer.amount()).isEqualTo(960_000L);
        assertThat(transfer.accountNo()).isEqualTo(siti.get("accountNumber"));
        assertThat(transfer.bankReference()).isEqualTo(payment.get("bank_reference"));

        List<String> texts = platform.stack().sms().messagesTo(phone).stream()
                .map(AcceptedSms::text)
                .toList();
        assertThat(texts)
                .anySatisfy(
                        text -> assertThat(text).startsWith("Yth. SITI AMINAH").contains("terdaftar"));
        String account = (String) siti.get("accountNumber");
        assertThat(texts)
                .anySatisfy(text -> assertThat(text)
                        .contains("Rp960.000")
                        .contains("BRI ***" + account.substring(account.length() - 4))
                        .doesNotContain(account));
        assertThat(texts)
                .allSatisfy(
                        text -> assertThat(text.toLowerCase()).doesNotContain("korban", "tppo", "deportasi", "http"));

        // The laws are decided too (services, no money); the grant is the one decision with an amount.
        assertThat(platform.database()
                        .rows(
                                "SELECT outcome, grant_amount FROM eligibility.decision WHERE beneficiary_id = ? "
                                        + "AND program_id = 'BSU'",
                                beneficiary))
                .singleElement()
                .satisfies(d ->
                        assertThat(d).containsEntry("outcome", "ELIGIBLE").containsEntry("grant_amount", 960_000L));
    }

    /** Every record on every event topic is a CloudEvents 1.0 event that the CloudEvents SDK reads from Kafka. */
    @Test
    void everyEventTopicCarriesCloudEventsKeyedByBeneficiary() {
        UUID returnee = platform.registration().register(ReturneeMother.laluZainiLombokTimur());
        // Only a trafficking victim's services reach case.protection.events.
        Map<String, Object> survivorRow = ReturneeMother.sitiAminahLombokTengah();
        survivorRow.put("category", "KPO");
        survivorRow.put("referralSource", "POLRI");
        UUID survivor = platform.registration().register(survivorRow);
        // A read of the person, which registration-service records on access.events (the one topic every service
        // writes).
        assertThat(platform.registration().get("/api/returnees/" + returnee).status())
                .isEqualTo(200);
        EventLog log = new EventLog(platform.stack().kafka().bootstrapServers());

        for (String topic : Topics.allEventTopics().stream()
                .filter(t -> !t.equals(AuditTopics.EVENTS))
                .toList()) { // seals: not about anyone
            UUID beneficiary = topic.equals(CaseTopics.PROTECTION_EVENTS) ? survivor : returnee;
            await().atMost(ofSeconds(60))
                    .untilAsserted(() -> assertThat(log.cloudEvents(topic, beneficiary.toString()))
                            .isNotEmpty());
            CloudEvent event = log.cloudEvents(topic, beneficiary.toString()).get(0);
            String aggregate = topic.substring(0, topic.indexOf('.'));
            assertThat(event.getSpecVersion().toString()).isEqualTo("1.0");
            assertThat(UUID.fromString(event.getId())).isNotNull();
            assertThat(EventCatalog.byType(event.getType()))
                    .hasValueSatisfying(t -> assertThat(t.topic()).isEqualTo(topic));
            assertThat(event.getType())
                    .startsWith("id.go.kemensos." + aggregate + ".")
                    .matches(".*\\.v\\d+");
            assertThat(event.getSource().toString())
                    .isEqualTo(
                            topic.equals(AccessTopics.EVENTS)
                                    ? "/kemensos/registration-service"
                                    : "/kemensos/" + aggregate + "-service");
            assertThat(event.getSubject())
                    .as("subject = Kafka key = beneficiary")
                    .isEqualTo(beneficiary.toString());
            assertThat(event.getTime())
                    .isBetween(
                            OffsetDateTime.now().minusMinutes(10),
                            OffsetDateTime.now().plusMinutes(1));
            assertThat(event.getDataSchema()).isNotNull();
            assertThat(event.getDataContentType()).isEqualTo("application/json");
            assertThat(new String(event.getData().toBytes()))
                    .contains(beneficiary.toString())
                    .doesNotContain("\\\"");
        }
    }
}

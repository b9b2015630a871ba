package id.go.kemensos.returnee.systemtests;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.kemensos.returnee.infra.kafka.KafkaAccess;
import id.go.kemensos.returnee.infra.kafka.TopicProvisioner;
import id.go.kemensos.returnee.infra.launcher.PlatformService;
import id.go.kemensos.returnee.infra.launcher.PlatformServices;
import id.go.kemensos.returnee.testsupport.DisbursementApi;
import id.go.kemensos.returnee.testsupport.OfficerLogin;
import id.go.kemensos.returnee.testsupport.PlatformIntegrationTest;
import id.go.kemensos.returnee.testsupport.ReturneeMother;
import id.go.kemensos.returnee.testsupport.RunningPlatform;
import id.go.kemensos.returnee.testsupport.ServiceApi;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The auditor's side: the hash-chained ledger names the one row someone edited, deleted or moved (and the ledger read
 * against Kafka names the edited one too); "as of" a moment before a batch was approved shows its payment unpaid; and
 * the ledger explains a payment (decision, citations, maker, checker, bank reference) and a person's history, masked; a
 * topic whose retention would delete records is reported, and provisioning sets it back to forever. WholeRunAuditIT
 * replays the whole test run against the live report.
 */
@PlatformIntegrationTest
class AuditTrailIT {

    private static final String BALI = "51";
    private static final long GRANT = 960_000L;
    private static RunningPlatform platform;
    private static ServiceApi audit;
    private static DisbursementApi disbursement;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.start();
        audit = platform.audit();
        disbursement = platform.disbursement();
    }

    @Test
    void verifyNamesTheOneLedgerRowThatWasEditedDeletedOrMoved() {
        Map<String, Object> siti = ReturneeMother.sitiAminahLombokTengah();
        UUID person = platform.registration().register(siti);
        await().atMost(ofSeconds(60))
                .until(() ->
                        platform.database().count("SELECT COUNT(*) FROM audit.audit_entry WHERE subject = ?", person)
                                >= 3);
        long row = platform.database().count("SELECT MIN(seq) FROM audit.audit_entry WHERE subject = ?", person);
        assertIntact();
        platform.database().update("DROP TABLE IF EXISTS audit.tamper_saved");
        platform.database()
                .update(
                        "CREATE TABLE audit.tamper_saved AS SELECT * FROM audit.audit_entry WHERE seq IN (?, ?)",
                        row,
                        row + 1);
        try {
            // Edited: the registration moved to another regency in place (the name travels sealed).
            assertThat(platform.database()
                            .update(
                                    "UPDATE audit.audit_entry SET data = REPLACE(data, '\"regencyCode\":\"5202\"', "
                                            + "'\"regencyCode\":\"5203\"') WHERE seq = ?",
                                    row))
                    .isEqualTo(1);
            assertThat(platform.database()
                            .count(
                                    "SELECT COUNT(*) FROM audit.audit_entry WHERE seq = ? AND data LIKE "
                                            + "'%\"regencyCode\":\"5203\"%'",
                                    row))
                    .as("the row was changed")
                    .isEqualTo(1);
            assertFirstBroken(row, "EDITED");
            // Kafka, read again, still holds the event as it was: the row is named whatever its hash says.
            JsonNode againstKafka =
                    audit.post("/api/ledger/kafka-comparison", Map.of()).body();
            assertThat(againstKafka.get("matches").asBoolean()).isFalse();
            assertThat(againstKafka.get("differences")).as("%s", againstKafka).anySatisfy(d -> {
                assertThat(d.get("seq").asLong()).isEqualTo(row);
                assertThat(d.get("kind").asString()).isEqualTo("UNLIKE_KAFKA");
                assertThat(d.get("detail").asString()).endsWith("in data");
            });
            restore(row);

            // Deleted: seen by the auditor's command as well as the API.
            platform.database().update("DELETE FROM audit.audit_entry WHERE seq = ?", row);
            assertFirstBroken(row, "DELETED");
            PlatformServices.CommandResult verify =
                    platform.services().runCommand(PlatformService.AUDIT, Duration.ofMinutes(2), "verify");
            assertThat(verify.exitCode()).as(verify.output()).isEqualTo(1);
            assertThat(verify.output())
                    .contains("FIRST BROKEN ROW " + row + ": DELETED")
                    .contains("kept forever")
                    .doesNotContain("NOT KEPT FOREVER");
            restore(row);

            // Reordered: two neighbouring rows trade places.
            platform.database().update("UPDATE audit.audit_entry SET seq = -1 WHERE seq = ?", row);
            platform.database().update("UPDATE audit.audit_entry SET seq = ? WHERE seq = ?", row, row + 1);
            platform.database().update("UPDATE audit.audit_entry SET seq = ? WHERE seq = -1", row + 1);
            assertFirstBroken(row, "OUT_OF_ORDER");
            restore(row);
        } finally {
            restore(row);
            platform.database().update("DROP TABLE IF EXISTS audit.tamper_saved");
        }
        // The verify command on the restored chain is WholeRunAuditIT's, at the end of the run.
        assertIntact();
    }

    @Test
    void aTopicThatNoLongerKeepsItsRecordsIsReportedAndProvisioningSetsItBackToForever() throws Exception {
        String topic = "notification.events";
        String bootstrap = platform.stack().kafka().bootstrapServers();
        TopicProvisioner provisioner = new TopicProvisioner(bootstrap, 6, (short) 1);
        try (Admin admin = Admin.create(KafkaAccess.asAdmin(bootstrap))) {
            // As if someone had created it by hand, or an older version had: records deleted after 7 days or past 1 GB
            // (not
            // compacted: that could remove this test run's records before the provisioner sets it back).
            admin.incrementalAlterConfigs(Map.of(
                            new ConfigResource(ConfigResource.Type.TOPIC, topic),
                            List.of(
                                    new AlterConfigOp(
                                            new ConfigEntry("retention.ms", "604800000"), AlterConfigOp.OpType.SET),
                                    new AlterConfigOp(
                                            new ConfigEntry("retention.bytes", "1073741824"),
                                            AlterConfigOp.OpType.SET))))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
        try {
            await().atMost(ofSeconds(30))
                    .untilAsserted(() -> assertThat(
                                    retentionOf(topic).get("keptForever").asBoolean())
                            .isFalse());
            assertThat(retentionOf(topic).get("retentionMs").asString()).isEqualTo("604800000");

            provisioner.provision();

            await().atMost(ofSeconds(30))
                    .untilAsserted(() -> assertThat(
                                    retentionOf(topic).get("keptForever").asBoolean())
                            .isTrue());
            assertThat(retentionOf(topic).get("retentionMs").asString()).isEqualTo("-1");
            assertThat(retentionOf(topic).get("retentionBytes").asString()).isEqualTo("-1");
            JsonNode all = audit.get("/api/ledger/retention").body();
            assertThat(all.size()).isGreaterThanOrEqualTo(5);
            all.forEach(t -> assertThat(t.get("keptForever").asBoolean())
                    .as(t.toString())
                    .isTrue());
        } finally {
            provisioner.provision(); // the other tests expect every topic kept forever
        }
    }

    @Test
    void aCommandPointedAtADatabaseWithoutTheLedgerSaysSoAndExitsTwo() {
        String empty = "audit_replay_no_ledger"; // a schema the audit user may use, holding no ledger
        platform.database().update("CREATE DATABASE IF NOT EXISTS " + empty);
        try {
            PlatformServices.CommandResult verify = platform.services()
                    .runCommand(
                            PlatformService.AUDIT,
                            Duration.ofMinutes(2),
                            "verify",
                            "--platform.schema=" + empty,
                            "--spring.datasource.username=audit",
                            "--spring.datasource.password=audit-local");

            assertThat(verify.exitCode()).as(verify.output()).isEqualTo(2); // not 1, "something found"
            assertThat(verify.output())
                    .contains("audit verify could not run: Table '" + empty + ".")
                    .contains("This database has no audit ledger")
                    .doesNotContain("\tat ")
                    .doesNotContain("Exception");
        } finally {
            platform.database().update("DROP DATABASE IF EXISTS " + empty);
        }
    }

    private static JsonNode retentionOf(String topic) {
        for (JsonNode t : audit.get("/api/ledger/retention").body()) {
            if (topic.equals(t.get("topic").asString())) {
                return t;
            }
        }
        throw new AssertionError(topic + " is not among the topics the audit service checks");
    }

    @Test
    void asOfBeforeTheBatchWasApprovedThePaymentIsUnpaidAndTheLedgerSaysWhyItWasPaidLater() {
        String year = String.valueOf(LocalDate.now(ZoneId.of("Asia/Jakarta")).getYear());
        platform.services().stop(PlatformService.DISBURSEMENT);
        platform.services().start(PlatformService.DISBURSEMENT, Map.of("DISBURSEMENT_AUTO_APPROVAL", "false"));
        Map<String, Object> nyoman = ReturneeMother.nyomanSuartaDenpasar();
        UUID person;
        String paymentId;
        Instant beforeApproval;
        try {
            disbursement.setCeiling("BSU", BALI, year, committedInBali(year) + 10 * GRANT);
            person = platform.registration().register(nyoman);
            await().atMost(ofSeconds(60))
                    .until(() -> platform.database()
                                    .count(
                                            "SELECT COUNT(*) FROM disbursement.payment_intent "
                                                    + "WHERE beneficiary_id = ? AND state = 'SCHEDULED' AND "
                                                    + "account_check = 'VERIFIED'",
                                            person)
                            == 1);
            paymentId = (String) platform.database()
                    .rows("SELECT payment_id FROM disbursement.payment_intent WHERE beneficiary_id = ?", person)
                    .get(0)
                    .get("payment_id");
            DisbursementApi.Response prepared = disbursement
                    .as(OfficerLogin.FINANCE_MAKER)
                    .post("/api/batches", Map.of("programId", "BSU", "cycleId", year, "provinceCode", BALI));
            assertThat(prepared.status()).as("%s", prepared.body()).isEqualTo(200);
            List<String> batches = new ArrayList<>();
            prepared.body().forEach(b -> batches.add(b.get("batchId").asString()));
            Instant asOf = Instant.now();
            beforeApproval = asOf;
            // The approval's event time must fall clearly after the as-of moment.
            await().pollDelay(Duration.ofMillis(1200)).until(() -> Instant.now().isAfter(asOf.plusMillis(1200)));
            for (String batch : batches) {
                DisbursementApi.Response approved = disbursement
                        .as(OfficerLogin.FINANCE_CHECKER)
                        .post("/api/batches/" + batch + "/approval", Map.of());
                assertThat(approved.status()).as("%s", approved.body()).isEqualTo(200);
            }
            await().atMost(ofSeconds(60))
                    .until(() -> platform.database()
                                    .count(
                                            "SELECT COUNT(*) FROM disbursement.payment_intent WHERE payment_id = ? "
                                                    + "AND state = 'SETTLED'",
                                            paymentId)
                            == 1);
        } finally {
            platform.services().stop(PlatformService.DISBURSEMENT);
            platform.services().start(PlatformService.DISBURSEMENT);
        }

        ServiceApi.Response then = audit.post("/api/replays", Map.of("asOf", beforeApproval.toString()));
        assertThat(then.status()).as(then.text()).isEqualTo(201);
        String thenId = then.body().at("/run/replayId").asString();
        assertThat(then.body().at("/run/afterAsOf").asLong())
                .as("the approval and what followed are left out")
                .isPositive();
        JsonNode history = audit.get("/api/replays/" + thenId + "/payments/" + paymentId + "/history")
                .body();
        assertThat(history.get(history.size() - 1).get("state").asString())
                .as("as of before approval: unpaid")
                .isEqualTo("SCHEDULED");
        assertThat(audit.get("/api/replays/" + thenId + "/payments?state=SETTLED&format=csv")
                        .text())
                .doesNotContain(paymentId);
        assertThat(audit.get("/api/replays/" + thenId + "/payments?state=SCHEDULED&format=csv")
                        .text())
                .contains(paymentId);

        String nowId =
                audit.post("/api/replays", Map.of()).body().at("/run/replayId").asString();
        JsonNode now = audit.get("/api/replays/" + nowId + "/payments/" + paymentId + "/history")
                .body();
        assertThat(now.get(now.size() - 1).get("state").asString()).isEqualTo("SETTLED");

        String bankReference = (String) platform.database()
                .rows("SELECT bank_reference FROM disbursement.payment_intent WHERE payment_id = ?", paymentId)
                .get(0)
                .get("bank_reference");
        await().atMost(ofSeconds(30))
                .until(() -> bankReference.equals(audit.get("/api/payments/" + paymentId + "/justification")
                        .body()
                        .at("/bank/bankReference")
                        .asString()));
        JsonNode why =
                audit.get("/api/payments/" + paymentId + "/justification").body();
        assertThat(why.get("state").asString()).isEqualTo("SETTLED");
        assertThat(why.get("amount").asLong()).isEqualTo(GRANT);
        // The ledger names the officers as the services recorded them: their subjects, from their tokens.
        assertThat(why.get("maker").asString()).isEqualTo(OfficerSubjects.of(OfficerLogin.FINANCE_MAKER));
        assertThat(why.get("checker").asString()).isEqualTo(OfficerSubjects.of(OfficerLogin.FINANCE_CHECKER));
        assertThat(why.at("/batch/decision").asString()).isEqualTo("APPROVED");
        assertThat(why.at("/decision/outcome").asString()).isEqualTo("ELIGIBLE");
        assertThat(why.at("/decision/ruleSetId").asString()).isEqualTo("bantuan-stimulan-usaha");
        assertThat(why.at("/decision/ruleSetVersion").asString()).isNotBlank();
        assertThat(why.at("/decision/legalBasis")).isNotEmpty();
        assertThat(why.at("/decision/criteria")).isNotEmpty().allSatisfy(c -> {
            assertThat(c.get("result").asString()).isEqualTo("PASSED");
            assertThat(c.get("citation").asString()).isNotBlank();
        });
        String nik = (String) nyoman.get("nik");
        String account = (String) nyoman.get("accountNumber");
        assertThat(why.at("/beneficiary/nik").asString())
                .startsWith(nik.substring(0, 4))
                .contains("*")
                .isNotEqualTo(nik);
        assertThat(why.at("/bank/accountNumber").asString()).isEqualTo("***" + account.substring(account.length() - 4));
        assertThat(why.toString()).doesNotContain(nik).doesNotContain(account).doesNotContain("PMIB_DEPORTEE");

        await().atMost(ofSeconds(60))
                .untilAsserted(() -> assertThat(audit.get("/api/beneficiaries/" + person + "/timeline")
                                .body())
                        .anySatisfy(
                                e -> assertThat(e.get("summary").asString()).isEqualTo("SMS PAYMENT_SENT delivered")));
        JsonNode timeline =
                audit.get("/api/beneficiaries/" + person + "/timeline").body();
        List<String> events = new ArrayList<>();
        timeline.forEach(e -> events.add(e.get("event").asString()));
        assertThat(events)
                .contains(
                        "ReturneeRegistered",
                        "EligibilityDecided",
                        "PaymentScheduled",
                        "PaymentApproved",
                        "PaymentSettled",
                        "SmsSent",
                        "SmsDelivered");
        assertThat(events.indexOf("ReturneeRegistered")).isLessThan(events.indexOf("PaymentSettled"));
        String csv = audit.get("/api/beneficiaries/" + person + "/timeline?format=csv")
                .text();
        assertThat(csv)
                .contains("Paid Rp960000", bankReference)
                .doesNotContain(nik)
                .doesNotContain(account)
                .doesNotContain((String) nyoman.get("phone"))
                .doesNotContain(((String) nyoman.get("phone")).substring(1));
    }

    private static void assertIntact() {
        JsonNode result = audit.post("/api/ledger/verification", Map.of()).body();
        assertThat(result.get("intact").asBoolean()).as("%s", result).isTrue();
    }

    private static void assertFirstBroken(long row, String kind) {
        JsonNode result = audit.post("/api/ledger/verification", Map.of()).body();
        assertThat(result.get("intact").asBoolean()).isFalse();
        assertThat(result.at("/firstBroken/seq").asLong()).as("%s", result).isEqualTo(row);
        assertThat(result.at("/firstBroken/kind").asString()).as("%s", result).isEqualTo(kind);
    }

    /** Puts the two saved rows back as they were. */
    private static void restore(long row) {
        platform.database().update("DELETE FROM audit.audit_entry WHERE seq IN (?, ?, -1)", row, row + 1);
        platform.database().update("INSERT INTO audit.audit_entry SELECT * FROM audit.tamper_saved");
    }

    private static long committedInBali(String year) {
        List<Map<String, Object>> rows = platform.database()
                .rows(
                        "SELECT committed FROM disbursement.budget WHERE program_id = 'BSU' "
                                + "AND province_code = ? AND fiscal_year = ?",
                        BALI,
                        year);
        return rows.isEmpty() ? 0 : ((Number) rows.get(0).get("committed")).longValue();
    }
}

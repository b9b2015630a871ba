package id.go.kemensos.returnee.systemtests;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.kemensos.returnee.contracts.registration.RegistrationTopics;
import id.go.kemensos.returnee.infra.launcher.PlatformService;
import id.go.kemensos.returnee.testsupport.EventLog;
import id.go.kemensos.returnee.testsupport.OfficerLogin;
import id.go.kemensos.returnee.testsupport.PlatformIntegrationTest;
import id.go.kemensos.returnee.testsupport.RegistrationApi;
import id.go.kemensos.returnee.testsupport.ReturneeMother;
import id.go.kemensos.returnee.testsupport.RunningPlatform;
import id.go.kemensos.returnee.testsupport.ServiceApi;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A data protection officer erases a paid person (Law 27/2022): their key is destroyed, so their personal data reads as
 * erased in every service and in the audit ledger at once, while the ledger's chain still verifies, the replay still
 * equals the live payment report, the payment stays, and the same NIK registers again as a new person.
 */
@PlatformIntegrationTest
class PersonalDataErasureIT {

    private static final String LIVE_REPORT = "/api/reports/payments?groupBy=program,province,regency,state&format=csv";
    private static RunningPlatform platform;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.start();
    }

    @Test
    void anErasedPersonReadsAsErasedEverywhereWhileTheirPaymentTheChainAndTheReplayStay() {
        Map<String, Object> siti = ReturneeMother.sitiAminahLombokTengah();
        siti.put("fullName", "SITI ERASURE TEST");
        siti.put("accountHolderName", "SITI ERASURE TEST");
        UUID person = platform.registration().register(siti);
        await().atMost(ofSeconds(90))
                .until(() -> platform.database()
                                .count(
                                        "SELECT COUNT(*) FROM disbursement.payment_intent "
                                                + "WHERE beneficiary_id = ? AND state = 'SETTLED'",
                                        person)
                        == 1);
        ServiceApi audit = platform.audit();
        await().atMost(ofSeconds(60))
                .until(() -> audit.get("/api/beneficiaries/" + person + "/timeline")
                        .text()
                        .contains("SITI ERASURE TEST"));
        String paymentId = (String) platform.database()
                .rows("SELECT payment_id FROM disbursement.payment_intent WHERE beneficiary_id = ?", person)
                .get(0)
                .get("payment_id");

        // Only the data protection officer may erase, with one of the grounds and a reason.
        ServiceApi dpo = platform.api(PlatformService.REGISTRATION, OfficerLogin.DPO);
        assertThat(dpo.as(OfficerLogin.MINISTRY)
                        .post("/api/returnees/" + person + "/erasure", request())
                        .status())
                .isEqualTo(403);
        assertThat(dpo.post("/api/returnees/" + person + "/erasure", Map.of("ground", "BECAUSE", "reason", "x"))
                        .status())
                .isEqualTo(422);
        assertThat(dpo.post("/api/returnees/" + UUID.randomUUID() + "/erasure", request())
                        .status())
                .isEqualTo(404);

        ServiceApi.Response erased = dpo.post("/api/returnees/" + person + "/erasure", request());
        assertThat(erased.status()).as(erased.text()).isEqualTo(200);
        assertThat(erased.body().get("erasedNow").asBoolean()).isTrue();
        String dpoSubject = erased.body().get("erasedBy").asString();
        assertThat(dpoSubject).isNotBlank().isNotEqualTo(OfficerLogin.DPO);
        assertThat(dpo.post("/api/returnees/" + person + "/erasure", request())
                        .body()
                        .get("erasedNow")
                        .asBoolean())
                .as("once")
                .isFalse();

        // Registration: no personal field, the erasure said; nothing of the person left readable in its table.
        JsonNode shown = platform.registration()
                .as(OfficerLogin.MINISTRY)
                .get("/api/returnees/" + person)
                .body();
        assertThat(shown.path("fullName").isMissingNode()
                        || shown.path("fullName").isNull())
                .as("%s", shown)
                .isTrue();
        assertThat(shown.path("nikMasked").isMissingNode()
                        || shown.path("nikMasked").isNull())
                .as("%s", shown)
                .isTrue();
        assertThat(shown.toString()).doesNotContain("SITI ERASURE").doesNotContain((String) siti.get("phone"));
        assertThat(shown.at("/erased/erasedBy").asString()).isEqualTo(dpoSubject);
        assertThat(shown.get("regencyCode").asString()).isEqualTo("5202");
        assertThat(platform.database()
                        .rows(
                                "SELECT personal_data, nik_index, erasure_ground FROM registration.returnee WHERE "
                                        + "beneficiary_id = ?",
                                person)
                        .get(0))
                .containsEntry("personal_data", null)
                .containsEntry("nik_index", null)
                .containsEntry("erasure_ground", "DATA_SUBJECT_REQUEST");
        assertThat(platform.database()
                        .rows("SELECT wrapped_key, destroyed_at FROM keyvault.person_key WHERE person_id = ?", person)
                        .get(0))
                .containsEntry("wrapped_key", null)
                .doesNotContainEntry("destroyed_at", null);

        // The event log kept forever: the registration is still there, unchanged, and opens for nobody now; the
        // erasure's event follows it as soon as the relay carries it.
        EventLog log = new EventLog(platform.stack().kafka().bootstrapServers());
        await().atMost(ofSeconds(30)).untilAsserted(() -> {
            List<String> registrations = new ArrayList<>();
            log.raw(RegistrationTopics.EVENTS, r -> person.toString().equals(r.key()))
                    .forEach(r -> registrations.add(new String(r.value(), StandardCharsets.UTF_8)));
            assertThat(registrations)
                    .anySatisfy(e ->
                            assertThat(e).contains("\"personalData\":\"pd1:").doesNotContain("SITI ERASURE"))
                    .anySatisfy(e -> assertThat(e)
                            .contains("\"ground\":\"DATA_SUBJECT_REQUEST\"")
                            .contains(dpoSubject))
                    .allSatisfy(
                            e -> assertThat(e).doesNotContain("SITI ERASURE").doesNotContain((String) siti.get("nik")));
        });

        // The audit ledger: the timeline says when and by whom; its registration reads as erased; the chain verifies.
        await().atMost(ofSeconds(60))
                .untilAsserted(() -> assertThat(audit.get("/api/beneficiaries/" + person + "/timeline")
                                .body())
                        .anySatisfy(e -> assertThat(e.get("summary").asString())
                                .isEqualTo("Personal data erased on " + LocalDate.now(ZoneId.of("Asia/Jakarta"))
                                        + " by " + dpoSubject + " (DATA_SUBJECT_REQUEST)")));
        String timeline =
                audit.get("/api/beneficiaries/" + person + "/timeline").text();
        assertThat(timeline)
                .doesNotContain("SITI ERASURE TEST")
                .contains("a person whose data was erased")
                .contains("Paid Rp960000");
        JsonNode justification =
                audit.get("/api/payments/" + paymentId + "/justification").body();
        assertThat(justification.at("/beneficiary/fullName").asString()).isEqualTo("[erased]");
        assertThat(justification.get("state").asString())
                .as("the payment stays for state audit")
                .isEqualTo("SETTLED");
        JsonNode chain = audit.post("/api/ledger/verification", Map.of()).body();
        assertThat(chain.get("intact").asBoolean()).as("%s", chain).isTrue();

        // Eligibility: the decisions stay; their personal inputs (the category, for a protection officer) read as
        // erased.
        ServiceApi eligibility = platform.api(PlatformService.ELIGIBILITY, OfficerLogin.PROTECTION_PUSAT);
        JsonNode decisions =
                eligibility.get("/api/beneficiaries/" + person + "/decisions").body();
        assertThat(decisions.toString())
                .as("%s", decisions)
                .contains("\"category\":\"[erased]\"")
                .contains("\"outcome\":\"ELIGIBLE\"");

        // Disbursement: the payment is still settled, with its masked account; the replay equals the live report.
        assertThat(platform.database()
                        .rows(
                                "SELECT state, account_masked FROM disbursement.payment_intent WHERE payment_id = ?",
                                paymentId)
                        .get(0))
                .containsEntry("state", "SETTLED");
        await().atMost(ofSeconds(120)).pollInterval(ofSeconds(3)).untilAsserted(() -> {
            ServiceApi.Response replay = audit.post("/api/replays", Map.of());
            assertThat(replay.status()).as(replay.text()).isEqualTo(201);
            String replayId = replay.body().at("/run/replayId").asString();
            ServiceApi.Response comparison = audit.post(
                    "/api/replays/" + replayId + "/comparison",
                    "text/csv",
                    platform.disbursement().as(OfficerLogin.AUDITOR).text(LIVE_REPORT));
            assertThat(comparison.body().get("differences"))
                    .as("replayed vs live")
                    .isEmpty();
        });

        // The same NIK registers again, as a new person with a new id (and new SMS): nothing links them.
        RegistrationApi.Response again = platform.registration().post(siti);
        assertThat(again.status()).as("%s", again.body()).isEqualTo(201);
        assertThat(again.beneficiaryId()).isNotEqualTo(person);
    }

    private static Map<String, Object> request() {
        return Map.of("ground", "DATA_SUBJECT_REQUEST", "reason", "Surat permohonan no. 12/DPO/2026");
    }
}

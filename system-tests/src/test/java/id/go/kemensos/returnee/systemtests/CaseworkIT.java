package id.go.kemensos.returnee.systemtests;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.kemensos.returnee.infra.launcher.PlatformService;
import id.go.kemensos.returnee.testsupport.OfficerLogin;
import id.go.kemensos.returnee.testsupport.PlatformIntegrationTest;
import id.go.kemensos.returnee.testsupport.ReturneeMother;
import id.go.kemensos.returnee.testsupport.RunningPlatform;
import id.go.kemensos.returnee.testsupport.ServiceApi;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Beyond one grant: a trafficking survivor and a deported worker from Lombok get a case each, opened by their first
 * eligible decision, with an offer of every service their decisions entitle them to. The survivor declines the grant
 * and accepts psychosocial support, which is referred to NTB's UPTD PPA and delivered. Services under Law 21/2007 are
 * seen by the case worker and protection officers only; the ministry counts them under one name; the auditor's
 * timeline tells each step without naming them.
 */
@PlatformIntegrationTest
class CaseworkIT {

    private static RunningPlatform platform;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.start();
    }

    @Test
    void offersAreAnsweredReferredAndDeliveredWithNeedToKnow() {
        Map<String, Object> survivorRow = ReturneeMother.sitiAminahLombokTengah();
        survivorRow.put("category", "KPO");
        survivorRow.put("referralSource", "POLRI");
        UUID survivor = platform.registration().register(survivorRow);
        UUID deportee = platform.registration().register(ReturneeMother.sitiAminahLombokTengah());

        ServiceApi caseWorker = platform.api(PlatformService.CASE, OfficerLogin.CASEWORKER_NTB);
        // Offered as the decisions come: the grant (its program), Law 11/2009's services and Law 21/2007's.
        JsonNode survivorCase = await().atMost(ofSeconds(90))
                .until(
                        () -> caseWorker.get("/api/beneficiaries/" + survivor + "/case"),
                        r -> r.status() == 200
                                && offers(r.body())
                                        .keySet()
                                        .containsAll(List.of(
                                                "BUSINESS_STIMULANT_GRANT",
                                                "PSYCHOSOCIAL",
                                                "SHELTER",
                                                "SOCIAL_ASSISTANCE")))
                .body();
        assertThat(survivorCase.at("/summary/caseWorker").asString()).isEqualTo(OfficerLogin.CASEWORKER_NTB);
        assertThat(survivorCase.at("/summary/regencyCode").asString()).isEqualTo("5202");
        Map<String, JsonNode> offered = offers(survivorCase);
        assertThat(offered.get("PSYCHOSOCIAL").get("restricted").asBoolean()).isTrue();
        assertThat(offered.get("PSYCHOSOCIAL").get("nameId").asString()).isEqualTo("Layanan psikososial");
        assertThat(offered.get("BUSINESS_STIMULANT_GRANT").get("restricted").asBoolean())
                .isFalse();
        assertThat(offered.values())
                .allSatisfy(o -> assertThat(o.get("state").asString()).isEqualTo("OFFERED"));

        JsonNode deporteeCase = await().atMost(ofSeconds(90))
                .until(
                        () -> caseWorker.get("/api/beneficiaries/" + deportee + "/case"),
                        r -> r.status() == 200 && offers(r.body()).containsKey("RETURN_ASSISTANCE"))
                .body();
        assertThat(offers(deporteeCase).values())
                .as("a deported worker is offered no victim's service")
                .allSatisfy(o -> assertThat(o.get("restricted").asBoolean()).isFalse());
        assertThat(caseWorker
                        .get("/api/cases")
                        .body()
                        .valueStream()
                        .map(c -> c.get("beneficiaryId").asString())
                        .toList())
                .contains(survivor.toString(), deportee.toString());

        // Declining the grant is normal; a declined offer is not referred, an answered one not answered again.
        String grant = offered.get("BUSINESS_STIMULANT_GRANT").get("offerId").asString();
        assertThat(caseWorker
                        .post("/api/offers/" + grant + "/answer", Map.of("answer", "DECLINED"))
                        .status())
                .as("a refusal without its reason")
                .isEqualTo(400);
        assertThat(caseWorker
                        .post(
                                "/api/offers/" + grant + "/answer",
                                Map.of(
                                        "answer",
                                        "DECLINED",
                                        "declineReason",
                                        "PREFERS_OTHER_SERVICE",
                                        "note",
                                        "Ingin pendampingan dulu"))
                        .status())
                .isEqualTo(204);
        assertThat(caseWorker
                        .post("/api/offers/" + grant + "/answer", Map.of("answer", "ACCEPTED"))
                        .status())
                .isEqualTo(409);
        assertThat(caseWorker
                        .post("/api/offers/" + grant + "/referrals", Map.of("partnerId", "ntb-dinsos"))
                        .status())
                .isEqualTo(409);

        String support = offered.get("PSYCHOSOCIAL").get("offerId").asString();
        assertThat(caseWorker
                        .post("/api/offers/" + support + "/answer", Map.of("answer", "ACCEPTED"))
                        .status())
                .isEqualTo(204);
        ServiceApi.Response wrongPartner =
                caseWorker.post("/api/offers/" + support + "/referrals", Map.of("partnerId", "ntb-bp3mi"));
        assertThat(wrongPartner.status())
                .as("BP3MI gives no psychosocial support")
                .isEqualTo(400);
        assertThat(wrongPartner.text()).contains("PSYCHOSOCIAL");
        assertThat(caseWorker
                        .post("/api/offers/" + support + "/referrals", Map.of("partnerId", "bali-uptd-ppa"))
                        .status())
                .as("Bali's office does not serve NTB's people")
                .isEqualTo(400);
        ServiceApi.Response referred =
                caseWorker.post("/api/offers/" + support + "/referrals", Map.of("partnerId", "ntb-uptd-ppa"));
        assertThat(referred.status()).isEqualTo(200);
        String referral = referred.body().get("referralId").asString();
        assertThat(caseWorker
                        .post(
                                "/api/referrals/" + referral + "/outcome",
                                Map.of("outcome", "DELIVERED", "note", "Empat sesi konseling"))
                        .status())
                .isEqualTo(204);
        assertThat(caseWorker
                        .post("/api/referrals/" + referral + "/outcome", Map.of("outcome", "NOT_DELIVERED"))
                        .status())
                .isEqualTo(409);

        Map<String, JsonNode> after = offers(
                caseWorker.get("/api/beneficiaries/" + survivor + "/case").body());
        assertThat(after.get("BUSINESS_STIMULANT_GRANT").get("state").asString())
                .isEqualTo("DECLINED");
        assertThat(after.get("BUSINESS_STIMULANT_GRANT").get("declineReason").asString())
                .isEqualTo("PREFERS_OTHER_SERVICE");
        assertThat(after.get("PSYCHOSOCIAL").get("state").asString()).isEqualTo("DELIVERED");
        JsonNode delivered = after.get("PSYCHOSOCIAL").get("referrals").get(0);
        assertThat(delivered.get("partnerName").asString()).contains("UPTD Perlindungan Perempuan dan Anak");
        assertThat(delivered.get("outcome").asString()).isEqualTo("DELIVERED");

        // Need to know: a protection officer of the province sees the case; a clerk, the ministry, an auditor and a
        // case
        // worker of another province do not.
        String caseId = survivorCase.at("/summary/caseId").asString();
        assertThat(platform.api(PlatformService.CASE, OfficerLogin.PROTECTION_NTB)
                        .get("/api/cases/" + caseId)
                        .body()
                        .toString())
                .contains("PSYCHOSOCIAL");
        for (String officer : List.of(OfficerLogin.CLERK_NTB, OfficerLogin.MINISTRY, OfficerLogin.AUDITOR)) {
            assertThat(platform.api(PlatformService.CASE, officer)
                            .get("/api/cases/" + caseId)
                            .status())
                    .as(officer)
                    .isEqualTo(403);
        }
        ServiceApi bali = platform.api(PlatformService.CASE, OfficerLogin.CASEWORKER_BALI);
        assertThat(bali.get("/api/cases/" + caseId).status()).isEqualTo(404);
        assertThat(bali.get("/api/cases").body().toString()).doesNotContain(survivor.toString());
        assertThat(bali.post("/api/offers/" + support + "/answer", Map.of("answer", "ACCEPTED"))
                        .status())
                .isEqualTo(404);

        // The ministry counts services by province and state; every victim's service only as PROTECTION_SERVICES.
        JsonNode counts = platform.api(PlatformService.CASE, OfficerLogin.MINISTRY)
                .get("/api/case-reports/services?province=52")
                .body();
        assertThat(counts.toString()).doesNotContain("PSYCHOSOCIAL", "SHELTER");
        Map<String, JsonNode> byService = new HashMap<>();
        counts.forEach(c -> byService.put(c.get("service").asString(), c.get("byState")));
        assertThat(byService.get("BUSINESS_STIMULANT_GRANT").path("DECLINED").asLong())
                .isPositive();
        assertThat(byService.get("PROTECTION_SERVICES").path("DELIVERED").asLong())
                .isPositive();

        // The ledger holds every step; the auditor's timeline tells them without naming a victim's service or partner.
        await().atMost(ofSeconds(60))
                .untilAsserted(() -> assertThat(summaries(survivor))
                        .contains(
                                "Case opened, case worker " + OfficerLogin.CASEWORKER_NTB,
                                "Declined BUSINESS_STIMULANT_GRANT (PREFERS_OTHER_SERVICE)",
                                "Accepted a protection service [restricted]",
                                "Referred for a protection service [restricted] to partner [restricted]",
                                "Referral for a protection service [restricted]: delivered"));
        String timeline = platform.audit()
                .get("/api/beneficiaries/" + survivor + "/timeline")
                .text();
        assertThat(timeline).doesNotContain("PSYCHOSOCIAL", "ntb-uptd-ppa", "Ingin pendampingan", "Empat sesi");
    }

    private static List<String> summaries(UUID person) {
        return platform.audit()
                .get("/api/beneficiaries/" + person + "/timeline")
                .body()
                .valueStream()
                .map(e -> e.get("summary").asString())
                .toList();
    }

    private static Map<String, JsonNode> offers(JsonNode caseView) {
        Map<String, JsonNode> byService = new HashMap<>();
        caseView.get("offers").forEach(o -> byService.put(o.get("service").asString(), o));
        return byService;
    }
}

package id.go.kemensos.returnee.systemtests;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.kemensos.returnee.infra.launcher.PlatformService;
import id.go.kemensos.returnee.infra.sim.AcceptedSms;
import id.go.kemensos.returnee.testsupport.OfficerLogin;
import id.go.kemensos.returnee.testsupport.PlatformIntegrationTest;
import id.go.kemensos.returnee.testsupport.ReturneeMother;
import id.go.kemensos.returnee.testsupport.RunningPlatform;
import id.go.kemensos.returnee.testsupport.ServiceApi;
import java.time.LocalDate;
import java.time.ZoneId;
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
        // Maker-checker: the grants wait for finance when the case worker meets the people (the local stack approves
        // and pays within seconds otherwise).
        platform.services().stop(PlatformService.DISBURSEMENT);
        platform.services().start(PlatformService.DISBURSEMENT, Map.of("DISBURSEMENT_AUTO_APPROVAL", "false"));
        UUID survivor;
        UUID deportee;
        try {
            survivor = platform.registration().register(survivorRow);
            deportee = platform.registration().register(ReturneeMother.sitiAminahLombokTengah());
            offersBeforePayment(survivor, deportee);
        } finally {
            platform.services().stop(PlatformService.DISBURSEMENT);
            platform.services().start(PlatformService.DISBURSEMENT);
        }
        afterPayment(survivor, deportee);
    }

    private void offersBeforePayment(UUID survivor, UUID deportee) {
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

        // Finance has prepared the province's batch: both grants wait in it for the checker.
        await().atMost(ofSeconds(60))
                .until(() -> payments(survivor, "state = 'SCHEDULED' AND account_check = 'VERIFIED'")
                                + payments(deportee, "state = 'SCHEDULED' AND account_check = 'VERIFIED'")
                        == 2);
        String year = String.valueOf(LocalDate.now(ZoneId.of("Asia/Jakarta")).getYear());
        ServiceApi.Response prepared = platform.api(PlatformService.DISBURSEMENT, OfficerLogin.FINANCE_MAKER)
                .post("/api/batches", Map.of("programId", "BSU", "cycleId", year, "provinceCode", "52"));
        assertThat(prepared.status()).as("%s", prepared.text()).isEqualTo(200);
        String batchId = platform.database()
                .rows("SELECT batch_id FROM disbursement.payment_intent WHERE beneficiary_id = ?", survivor.toString())
                .get(0)
                .get("batch_id")
                .toString();
        assertThat(payments(deportee, "batch_id = '" + batchId + "'")).isEqualTo(1);
        Map<String, Object> batchBefore = batch(batchId);
        long committedBefore = committedNtb(year);

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

        // The declined grant is not paid: its payment is cancelled, leaves the batch and gives its budget back; the
        // checker approves what is left, and the deportee is paid.
        await().atMost(ofSeconds(60)).until(() -> payments(survivor, "state = 'CANCELLED'") == 1);
        Map<String, Object> batchAfter = batch(batchId);
        assertThat(((Number) batchAfter.get("payments")).longValue())
                .isEqualTo(((Number) batchBefore.get("payments")).longValue() - 1);
        assertThat(((Number) batchAfter.get("total")).longValue())
                .isEqualTo(((Number) batchBefore.get("total")).longValue() - 960_000);
        assertThat(committedNtb(year)).as("budget released").isEqualTo(committedBefore - 960_000);
        ServiceApi.Response approved = platform.api(PlatformService.DISBURSEMENT, OfficerLogin.FINANCE_CHECKER)
                .post("/api/batches/" + batchId + "/approval", Map.of());
        assertThat(approved.status()).as("%s", approved.text()).isEqualTo(200);
        assertThat(approved.body().get("payments").asLong())
                .isEqualTo(((Number) batchAfter.get("payments")).longValue());
        await().atMost(ofSeconds(60)).until(() -> payments(deportee, "state = 'SETTLED'") == 1);
        assertThat(payments(survivor, "state = 'CANCELLED'"))
                .as("not approved with its batch")
                .isEqualTo(1);
    }

    private void afterPayment(UUID survivor, UUID deportee) {
        ServiceApi caseWorker = platform.api(PlatformService.CASE, OfficerLogin.CASEWORKER_NTB);
        JsonNode survivorCase =
                caseWorker.get("/api/beneficiaries/" + survivor + "/case").body();
        Map<String, JsonNode> offered = offers(survivorCase);
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
        partnerRecordsTheOutcome(referral);
        assertThat(caseWorker
                        .post("/api/referrals/" + referral + "/outcome", Map.of("outcome", "NOT_DELIVERED"))
                        .status())
                .as("the partner recorded it already")
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

        // The deportee's grant is delivered by its payment; the survivor's, declined, stays declined and was never
        // sent.
        await().atMost(ofSeconds(90))
                .untilAsserted(() -> assertThat(offers(caseWorker
                                        .get("/api/beneficiaries/" + deportee + "/case")
                                        .body())
                                .get("BUSINESS_STIMULANT_GRANT")
                                .get("state")
                                .asString())
                        .isEqualTo("DELIVERED"));
        await().atMost(ofSeconds(60))
                .untilAsserted(() -> assertThat(summaries(deportee))
                        .anySatisfy(s -> assertThat(s)
                                .startsWith("Offer of BUSINESS_STIMULANT_GRANT delivered: Rp960000 paid")));
        assertThat(offers(caseWorker
                                .get("/api/beneficiaries/" + survivor + "/case")
                                .body())
                        .get("BUSINESS_STIMULANT_GRANT")
                        .get("state")
                        .asString())
                .isEqualTo("DECLINED");

        needsAndPlan(survivor, deportee, support);

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
        // The case worker reads the registration of their own cases' people, to reach them; no list, nobody else's.
        ServiceApi registrationAsCaseWorker = platform.api(PlatformService.REGISTRATION, OfficerLogin.CASEWORKER_NTB);
        JsonNode reached = await().atMost(ofSeconds(60))
                .until(() -> registrationAsCaseWorker.get("/api/returnees/" + survivor), r -> r.status() == 200)
                .body();
        assertThat(reached.get("fullName").asString()).isEqualTo("SITI AMINAH");
        assertThat(reached.has("protection"))
                .as("the category stays the protection officer's")
                .isFalse();
        assertThat(registrationAsCaseWorker.get("/api/returnees").status()).isEqualTo(403);
        assertThat(platform.api(PlatformService.REGISTRATION, OfficerLogin.CASEWORKER_BALI)
                        .get("/api/returnees/" + survivor)
                        .status())
                .isEqualTo(404);
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

        // The case events replay like the others: offers rebuilt from Kafka alone equal case-service's live counts.
        await().atMost(ofSeconds(60)).untilAsserted(() -> {
            JsonNode live = platform.api(PlatformService.CASE, OfficerLogin.AUDITOR)
                    .get("/api/case-reports/services")
                    .body();
            JsonNode replayed = platform.audit()
                    .post("/api/replays/cases", "application/json", live.toString())
                    .body();
            assertThat(replayed.get("compared").asBoolean()).isTrue();
            assertThat(replayed.get("unreadable").asLong()).isZero();
            assertThat(replayed.get("differences"))
                    .as("%s", replayed.get("differences"))
                    .isEmpty();
            assertThat(replayed.get("counts").toString())
                    .contains("PROTECTION_SERVICES")
                    .doesNotContain("PSYCHOSOCIAL");
        });

        // Whether women and men are reached alike: both Siti Aminahs are women of Lombok Tengah with a case.
        JsonNode reach = platform.api(PlatformService.CASE, OfficerLogin.MINISTRY)
                .get("/api/case-reports/reach?province=52")
                .body();
        JsonNode women = reach.valueStream()
                .filter(r -> r.get("regencyCode").asString().equals("5202")
                        && r.get("sex").asString().equals("FEMALE"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no women of 5202 in " + reach));
        assertThat(women.get("cases").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(women.get("declined").asLong()).isPositive();
        assertThat(women.get("delivered").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(reach.toString()).doesNotContain("PSYCHOSOCIAL");
        assertThat(platform.api(PlatformService.CASE, OfficerLogin.CLERK_NTB)
                        .get("/api/case-reports/reach?province=51")
                        .status())
                .isEqualTo(403);
        // Registration's side of the same question, by age band too: registered, found eligible, paid.
        ServiceApi clerk = platform.api(PlatformService.REGISTRATION, OfficerLogin.CLERK_NTB);
        List<JsonNode> registeredWomen = clerk.get("/api/reports/returnees/reach")
                .body()
                .valueStream()
                .filter(r -> r.get("regencyCode").asString().equals("5202")
                        && r.get("sex").asString().equals("FEMALE"))
                .toList();
        assertThat(registeredWomen)
                .allSatisfy(r -> assertThat(r.get("ageBand").asString())
                        .isIn("UNDER_18", "AGE_18_24", "AGE_25_34", "AGE_35_44", "AGE_45_54", "AGE_55_PLUS"));
        assertThat(registeredWomen.stream()
                        .mapToLong(r -> r.get("registered").asLong())
                        .sum())
                .isGreaterThanOrEqualTo(2);
        assertThat(registeredWomen.stream()
                        .mapToLong(r -> r.get("eligible").asLong())
                        .sum())
                .isGreaterThanOrEqualTo(2);
        assertThat(registeredWomen.stream()
                        .mapToLong(r -> r.get("paid").asLong())
                        .sum())
                .as("the deportee's grant")
                .isPositive();
        assertThat(clerk.as(OfficerLogin.CLERK_BALI)
                        .get("/api/reports/returnees/reach?provinceCode=52")
                        .status())
                .isEqualTo(403);

        // The ledger holds every step; the auditor's timeline tells them without naming a victim's service or partner.
        await().atMost(ofSeconds(60))
                .untilAsserted(() -> assertThat(summaries(survivor))
                        .anySatisfy(s -> assertThat(s)
                                .startsWith("Case opened, case worker " + OfficerLogin.CASEWORKER_NTB
                                        + "; follow-ups due "))
                        .contains(
                                "Offered protection services [restricted]",
                                "Declined BUSINESS_STIMULANT_GRANT (PREFERS_OTHER_SERVICE)",
                                "Accepted a protection service [restricted]",
                                "Referred for a protection service [restricted] to partner [restricted]",
                                "Referral for a protection service [restricted]: delivered",
                                "Grant of BSU declined (PREFERS_OTHER_SERVICE): its payment is to be stopped")
                        .anySatisfy(s -> assertThat(s)
                                .startsWith("Payment of Rp960000 cancelled while SCHEDULED: ")
                                .contains("; left batch ", "; Rp960000 back to the budget")));
        String survivorAccount =
                platform.sealedColumns().payeeAccount(survivor).orElseThrow().accountNumber();
        assertThat(platform.stack().bank().executedTransfers())
                .noneMatch(t -> t.accountNo().equals(survivorAccount));
        String timeline = platform.audit()
                .get("/api/beneficiaries/" + survivor + "/timeline")
                .text();
        assertThat(timeline).doesNotContain("ntb-uptd-ppa", "Ingin pendampingan", "Empat sesi");
        // A need is the person's, scored for everyone (PSYCHOSOCIAL there is a dimension of need); no other line names
        // the victim's service.
        assertThat(summaries(survivor))
                .filteredOn(s -> !s.startsWith("Needs assessed: "))
                .noneMatch(s -> s.contains("PSYCHOSOCIAL"));
    }

    /**
     * The case worker assesses the survivor's needs on every dimension and agrees a plan with her: steps for the needs
     * found, through her offers or otherwise; what is left unplanned is shown; the ministry counts needs by regency.
     */
    /**
     * NTB's UPTD PPA records the outcome from its own system, with its own client's token: it sees the referral (the
     * service and the regency, not who), Bali's UPTD PPA neither sees nor answers it, and a case worker cannot speak
     * for a partner.
     */
    private void partnerRecordsTheOutcome(String referral) {
        ServiceApi uptdNtb = ServiceApi.partner(PlatformService.CASE, "ntb-uptd-ppa");
        ServiceApi uptdBali = ServiceApi.partner(PlatformService.CASE, "bali-uptd-ppa");
        JsonNode open = uptdNtb.get("/api/partner/referrals?open=true").body();
        JsonNode mine = null;
        for (JsonNode r : open) {
            if (r.get("referralId").asString().equals(referral)) {
                mine = r;
            }
        }
        assertThat(mine).as("the referral in NTB's UPTD PPA's open list").isNotNull();
        assertThat(mine.get("service").asString()).isEqualTo("PSYCHOSOCIAL");
        assertThat(mine.get("regencyCode").asString()).isEqualTo("5202");
        assertThat(mine.path("outcome").isString()).as("no outcome yet").isFalse();
        assertThat(mine.has("beneficiaryId") || mine.has("caseId"))
                .as("the partner learns the service and the regency, not who")
                .isFalse();
        assertThat(uptdBali.get("/api/partner/referrals").body().toString()).doesNotContain(referral);
        assertThat(uptdBali.post("/api/partner/referrals/" + referral + "/outcome", Map.of("outcome", "NOT_DELIVERED"))
                        .status())
                .as("another partner's referral is not found")
                .isEqualTo(404);
        assertThat(platform.api(PlatformService.CASE, OfficerLogin.CASEWORKER_NTB)
                        .post("/api/partner/referrals/" + referral + "/outcome", Map.of("outcome", "DELIVERED"))
                        .status())
                .as("a case worker does not speak for a partner")
                .isEqualTo(403);
        assertThat(uptdNtb.post("/api/partner/referrals/" + referral + "/outcome", Map.of("outcome", "DELIVERED!"))
                        .status())
                .isEqualTo(400);
        assertThat(uptdNtb.post(
                                "/api/partner/referrals/" + referral + "/outcome",
                                Map.of("outcome", "DELIVERED", "note", "Empat sesi konseling"))
                        .status())
                .isEqualTo(204);
        JsonNode done = uptdNtb.get("/api/partner/referrals").body();
        assertThat(done.toString()).contains(referral);
        for (JsonNode r : done) {
            if (r.get("referralId").asString().equals(referral)) {
                assertThat(r.get("outcome").asString()).isEqualTo("DELIVERED");
            }
        }
        assertThat(uptdNtb.get("/api/partner/referrals?open=true").body().toString())
                .doesNotContain(referral);
    }

    private void needsAndPlan(UUID survivor, UUID deportee, String support) {
        ServiceApi caseWorker = platform.api(PlatformService.CASE, OfficerLogin.CASEWORKER_NTB);
        String caseId = caseWorker
                .get("/api/beneficiaries/" + survivor + "/case")
                .body()
                .at("/summary/caseId")
                .asString();
        List<String> dimensions = caseWorker
                .get("/api/need-dimensions")
                .body()
                .valueStream()
                .map(d -> d.get("code").asString())
                .toList();
        assertThat(dimensions).contains("ECONOMIC", "HEALTH", "LEGAL", "PSYCHOSOCIAL", "FAMILY");
        Map<String, String> needs = new HashMap<>();
        dimensions.forEach(d -> needs.put(d, "NONE"));
        needs.putAll(Map.of("ECONOMIC", "MEDIUM", "LEGAL", "HIGH", "PSYCHOSOCIAL", "HIGH", "FAMILY", "LOW"));
        String assessments = "/api/cases/" + caseId + "/assessments";

        Map<String, String> partial = new HashMap<>(needs);
        partial.remove("HOUSING");
        ServiceApi.Response incomplete = caseWorker.post(assessments, Map.of("needs", partial));
        assertThat(incomplete.status()).isEqualTo(400);
        assertThat(incomplete.text()).contains("HOUSING");
        assertThat(platform.api(PlatformService.CASE, OfficerLogin.CASEWORKER_BALI)
                        .post(assessments, Map.of("needs", needs))
                        .status())
                .as("not her case")
                .isEqualTo(404);
        assertThat(caseWorker
                        .post(assessments, Map.of("needs", needs, "note", "Takut bertemu agen di desa"))
                        .status())
                .isEqualTo(200);
        JsonNode assessed = caseWorker.get("/api/cases/" + caseId).body();
        assertThat(assessed.at("/assessments/0/needs").size()).isEqualTo(dimensions.size());
        assertThat(assessed.get("unplannedNeeds").valueStream().map(JsonNode::asString))
                .containsExactly("ECONOMIC", "LEGAL", "PSYCHOSOCIAL");

        String plan = "/api/cases/" + caseId + "/plan";
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Makassar"));
        String deporteeOffer = offers(caseWorker
                        .get("/api/beneficiaries/" + deportee + "/case")
                        .body())
                .get("RETURN_ASSISTANCE")
                .get("offerId")
                .asString();
        assertThat(caseWorker
                        .post(
                                plan,
                                Map.of(
                                        "dimension",
                                        "PSYCHOSOCIAL",
                                        "action",
                                        "Konseling",
                                        "offerId",
                                        deporteeOffer,
                                        "dueOn",
                                        today.plusDays(14).toString()))
                        .status())
                .as("another person's offer")
                .isEqualTo(400);
        assertThat(caseWorker
                        .post(
                                plan,
                                Map.of(
                                        "dimension",
                                        "PSYCHOSOCIAL",
                                        "action",
                                        "Konseling",
                                        "dueOn",
                                        today.minusDays(1).toString()))
                        .status())
                .as("due in the past")
                .isEqualTo(400);
        ServiceApi.Response counselling = caseWorker.post(
                plan,
                Map.of(
                        "dimension",
                        "PSYCHOSOCIAL",
                        "action",
                        "Konseling di UPTD PPA",
                        "offerId",
                        support,
                        "dueOn",
                        today.plusDays(14).toString()));
        assertThat(counselling.status()).as("%s", counselling.text()).isEqualTo(200);
        String legal = caseWorker
                .post(
                        plan,
                        Map.of(
                                "dimension",
                                "LEGAL",
                                "action",
                                "Urus gaji yang belum dibayar",
                                "dueOn",
                                today.plusMonths(2).toString()))
                .body()
                .get("actionId")
                .asString();
        String step = counselling.body().get("actionId").asString();
        assertThat(caseWorker
                        .post("/api/plan-actions/" + step + "/outcome", Map.of("outcome", "DONE"))
                        .status())
                .isEqualTo(204);
        assertThat(caseWorker
                        .post("/api/plan-actions/" + step + "/outcome", Map.of("outcome", "DROPPED"))
                        .status())
                .isEqualTo(409);
        assertThat(caseWorker
                        .post(
                                "/api/plan-actions/" + legal + "/outcome",
                                Map.of("outcome", "DROPPED", "note", "Sudah dibantu LBH"))
                        .status())
                .isEqualTo(204);

        JsonNode planned = caseWorker.get("/api/cases/" + caseId).body();
        assertThat(planned.get("plan")
                        .valueStream()
                        .map(p -> p.get("dimension").asString() + " "
                                + p.get("outcome").asString()))
                .containsExactly("PSYCHOSOCIAL DONE", "LEGAL DROPPED");
        assertThat(planned.at("/plan/0/service").asString()).isEqualTo("PSYCHOSOCIAL");
        assertThat(planned.get("unplannedNeeds").valueStream().map(JsonNode::asString))
                .as("a dropped step serves no need")
                .containsExactly("ECONOMIC", "LEGAL");

        JsonNode report = platform.api(PlatformService.CASE, OfficerLogin.MINISTRY)
                .get("/api/case-reports/needs?province=52")
                .body();
        assertThat(regency(report, "5202").at("/byDimension/PSYCHOSOCIAL/HIGH").asLong())
                .isPositive();
        await().atMost(ofSeconds(60))
                .untilAsserted(() -> assertThat(summaries(survivor))
                        .contains(
                                "Needs assessed: ECONOMIC MEDIUM, LEGAL HIGH, PSYCHOSOCIAL HIGH, FAMILY LOW",
                                "Plan step for a protection service [restricted] DONE",
                                "Plan step for LEGAL DROPPED"));
        assertThat(platform.audit()
                        .get("/api/beneficiaries/" + survivor + "/timeline")
                        .text())
                .doesNotContain("Takut bertemu", "Urus gaji", "Sudah dibantu");
    }

    /**
     * Follow-ups fall due and become overdue: case-service runs with a schedule that starts in the past (20 days before
     * the case opened, then the day it opened, then in 3 months), as if the case had been open for weeks.
     */
    @Test
    void followUpsFallDueOneBecomesOverdueAndWhatTheyFindIsCounted() {
        platform.services().stop(PlatformService.CASE);
        platform.services().start(PlatformService.CASE, Map.of("CASEWORK_FOLLOW_UPS", "-P20D,P0D,P3M"));
        try {
            UUID person = platform.registration().register(ReturneeMother.laluZainiLombokTimur());
            ServiceApi caseWorker = platform.api(PlatformService.CASE, OfficerLogin.CASEWORKER_NTB);
            JsonNode opened = await().atMost(ofSeconds(90))
                    .until(() -> caseWorker.get("/api/beneficiaries/" + person + "/case"), r -> r.status() == 200)
                    .body();
            String caseId = opened.at("/summary/caseId").asString();
            LocalDate today = LocalDate.now(ZoneId.of("Asia/Makassar")); // NTB works in WITA
            assertThat(opened.get("followUps")
                            .valueStream()
                            .map(f -> f.get("dueOn").asString())
                            .toList())
                    .containsExactly(
                            today.minusDays(20).toString(),
                            today.toString(),
                            today.plusMonths(3).toString());

            Map<String, JsonNode> due = new HashMap<>();
            caseWorker
                    .get("/api/follow-ups")
                    .body()
                    .valueStream()
                    .filter(f -> f.get("caseId").asString().equals(caseId))
                    .forEach(f -> due.put(f.get("dueOn").asString(), f));
            assertThat(due).containsOnlyKeys(today.minusDays(20).toString(), today.toString());
            JsonNode overdue = due.get(today.minusDays(20).toString());
            JsonNode dueToday = due.get(today.toString());
            assertThat(overdue.get("overdue").asBoolean()).isTrue();
            assertThat(dueToday.get("overdue").asBoolean()).isFalse();
            assertThat(caseWorker.get("/api/follow-ups?upcomingDays=100").body().toString())
                    .contains(today.plusMonths(3).toString());

            ServiceApi clerk = platform.api(PlatformService.CASE, OfficerLogin.CLERK_NTB);
            JsonNode lombokTimur =
                    regency(clerk.get("/api/case-reports/follow-ups").body(), "5203");
            assertThat(lombokTimur.get("overdue").asLong()).isPositive();
            assertThat(lombokTimur.get("due").asLong()).isGreaterThanOrEqualTo(2);
            long doneBefore = lombokTimur.get("done").asLong();
            long runningBefore =
                    lombokTimur.path("businessAtLatestFollowUp").path("RUNNING").asLong(0);

            String late = "/api/follow-ups/" + overdue.get("followUpId").asString();
            assertThat(platform.api(PlatformService.CASE, OfficerLogin.CASEWORKER_BALI)
                            .post(late, Map.of("contact", "VISIT"))
                            .status())
                    .as("not the Bali case worker's case")
                    .isEqualTo(404);
            assertThat(caseWorker.post(late, Map.of("contact", "VISIT")).status())
                    .as("a visit says how the business is")
                    .isEqualTo(400);
            assertThat(caseWorker
                            .post(
                                    late,
                                    Map.of(
                                            "contact",
                                            "VISIT",
                                            "businessStatus",
                                            "RUNNING",
                                            "incomeBand",
                                            "FROM_1_TO_3_MILLION",
                                            "note",
                                            "Warung kopi buka setiap hari"))
                            .status())
                    .isEqualTo(204);
            assertThat(caseWorker.post(late, Map.of("contact", "CALL")).status())
                    .isEqualTo(409);
            assertThat(caseWorker
                            .post(
                                    "/api/follow-ups/"
                                            + dueToday.get("followUpId").asString(),
                                    Map.of("contact", "NOT_REACHED"))
                            .status())
                    .isEqualTo(204);

            assertThat(caseWorker.get("/api/follow-ups").body().toString()).doesNotContain(caseId);
            lombokTimur = regency(clerk.get("/api/case-reports/follow-ups").body(), "5203");
            assertThat(lombokTimur.get("done").asLong()).isEqualTo(doneBefore + 2);
            assertThat(lombokTimur
                            .path("businessAtLatestFollowUp")
                            .path("RUNNING")
                            .asLong(0))
                    .as("the latest follow-up that reached the person found the business running")
                    .isEqualTo(runningBefore + 1);
            assertThat(clerk.get("/api/case-reports/follow-ups?province=51").status())
                    .isEqualTo(403);

            await().atMost(ofSeconds(60))
                    .untilAsserted(() -> assertThat(summaries(person))
                            .contains("Follow-up due " + today.minusDays(20)
                                    + ": VISIT, business RUNNING, income FROM_1_TO_3_MILLION")
                            .contains("Follow-up due " + today + ": NOT_REACHED"));
            assertThat(platform.audit()
                            .get("/api/beneficiaries/" + person + "/timeline")
                            .text())
                    .doesNotContain("Warung kopi");

            // What the case worker wrote about the person is erased with them: notes, the assessment's, the plan's.
            Map<String, String> needs = new HashMap<>();
            caseWorker
                    .get("/api/need-dimensions")
                    .body()
                    .forEach(d -> needs.put(d.get("code").asString(), "LOW"));
            assertThat(caseWorker
                            .post(
                                    "/api/cases/" + caseId + "/assessments",
                                    Map.of("needs", needs, "note", "Tinggal dengan ibu"))
                            .status())
                    .isEqualTo(200);
            assertThat(caseWorker
                            .post(
                                    "/api/cases/" + caseId + "/plan",
                                    Map.of(
                                            "dimension",
                                            "ECONOMIC",
                                            "action",
                                            "Daftar pelatihan di BLK Selong",
                                            "dueOn",
                                            today.plusDays(30).toString()))
                            .status())
                    .isEqualTo(200);
            String words = "SELECT COUNT(*) FROM casework.%s t JOIN casework.case_file c ON c.case_id = t.case_id"
                    + " WHERE c.beneficiary_id = ? AND t.%s IS NOT NULL";
            assertThat(platform.database().count(words.formatted("plan_action", "action_text"), person.toString()))
                    .isEqualTo(1);
            assertThat(platform.api(PlatformService.REGISTRATION, OfficerLogin.DPO)
                            .post(
                                    "/api/returnees/" + person + "/erasure",
                                    Map.of("ground", "DATA_SUBJECT_REQUEST", "reason", "Permohonan yang bersangkutan"))
                            .status())
                    .isEqualTo(200);
            await().atMost(ofSeconds(60))
                    .until(() -> platform.database().count(words.formatted("follow_up", "note"), person.toString())
                                    + platform.database()
                                            .count(words.formatted("needs_assessment", "note"), person.toString())
                                    + platform.database()
                                            .count(words.formatted("plan_action", "action_text"), person.toString())
                            == 0);
            assertThat(caseWorker
                            .get("/api/cases/" + caseId)
                            .body()
                            .at("/plan/0/dimension")
                            .asString())
                    .as("the step itself stays, without its words")
                    .isEqualTo("ECONOMIC");
        } finally {
            platform.services().stop(PlatformService.CASE);
            platform.services().start(PlatformService.CASE);
        }
    }

    /**
     * A refused returnee asks, through helpline 171, for their refusal to be reviewed: the request reaches the
     * ministry's review queue, the ruling settles it, and the person is told both times by SMS naming their regency's
     * office. A complaint is settled by the office itself.
     */
    @Test
    void aRefusedReturneesRequestForReviewReachesTheOfficerAndItsOutcomeIsTold() {
        Map<String, Object> refused = ReturneeMother.laluZainiLombokTimur();
        refused.put("dtsenDecile", 8); // above the grant's decile threshold
        UUID person = platform.registration().register(refused);
        ServiceApi ministry = platform.api(PlatformService.ELIGIBILITY, OfficerLogin.MINISTRY);
        String decision = grantDecision(person, "INELIGIBLE");

        ServiceApi clerk = platform.api(PlatformService.CASE, OfficerLogin.CLERK_NTB);
        Map<String, Object> request = new HashMap<>(Map.of(
                "beneficiaryId", person.toString(),
                "kind", "REVIEW_REQUEST",
                "channel", "HELPLINE_171",
                "decisionId", decision,
                "summary", "Baru pulang, belum didata ulang DTSEN"));
        assertThat(platform.api(PlatformService.CASE, OfficerLogin.CLERK_BALI)
                        .post("/api/grievances", request)
                        .status())
                .as("not a person of Bali")
                .isEqualTo(404);
        Map<String, Object> wrongDecision = new HashMap<>(request);
        wrongDecision.put("decisionId", UUID.randomUUID().toString());
        assertThat(clerk.post("/api/grievances", wrongDecision).status()).isEqualTo(400);
        ServiceApi.Response received = await().atMost(ofSeconds(30))
                .until(() -> clerk.post("/api/grievances", request), r -> r.status() == 201);
        String grievance = received.body().get("grievanceId").asString();
        assertThat(clerk.post("/api/grievances", request).status())
                .as("one pending request per decision")
                .isEqualTo(409);
        JsonNode recorded = clerk.get("/api/grievances/" + grievance).body();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Makassar"));
        assertThat(recorded.get("dueOn").asString())
                .isEqualTo(today.plusDays(30).toString());
        assertThat(recorded.get("owner").asString()).isEqualTo(OfficerLogin.CASEWORKER_NTB);
        assertThat(recorded.get("overdue").asBoolean()).isFalse();

        String phone = ReturneeMother.phoneE164(refused);
        await().atMost(ofSeconds(60))
                .untilAsserted(() -> assertThat(smsTo(phone))
                        .anySatisfy(text -> assertThat(text)
                                .contains("permohonan Anda diterima dan diputus paling lambat")
                                .contains(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")
                                        .format(today.plusDays(30)))
                                .endsWith("Info: Dinsos Kab. Lombok Timur/171")));

        // In the ministry's review queue, marked as the person's request; the ruling settles it.
        await().atMost(ofSeconds(60))
                .untilAsserted(() -> assertThat(ministry.get("/api/reviews?provinceCode=52&size=500")
                                .body()
                                .get("items")
                                .valueStream()
                                .filter(d -> d.get("decisionId").asString().equals(decision))
                                .toList())
                        .singleElement()
                        .satisfies(d ->
                                assertThat(d.get("reviewRequest").asString()).isEqualTo(grievance)));
        assertThat(ministry.post(
                                "/api/decisions/" + decision + "/override",
                                Map.of("outcome", "ELIGIBLE", "reason", "DTSEN diperbarui: desil 3"))
                        .status())
                .isEqualTo(200);
        await().atMost(ofSeconds(60))
                .untilAsserted(() -> assertThat(clerk.get("/api/grievances/" + grievance)
                                .body()
                                .path("resolution")
                                .asString(""))
                        .isEqualTo("UPHELD"));
        await().atMost(ofSeconds(60))
                .untilAsserted(() -> assertThat(smsTo(phone))
                        .anySatisfy(text -> assertThat(text).contains("permohonan Anda sudah diputus: dikabulkan"))
                        .anySatisfy(text -> assertThat(text).contains("LAYAK")));

        // A complaint is settled by the office.
        String complaint = clerk.post(
                        "/api/grievances",
                        Map.of(
                                "beneficiaryId", person.toString(),
                                "kind", "COMPLAINT",
                                "channel", "OFFICE",
                                "summary", "Petugas desa meminta uang"))
                .body()
                .get("grievanceId")
                .asString();
        String settle = "/api/grievances/" + complaint + "/resolution";
        assertThat(clerk.post(settle, Map.of("resolution", "UPHELD")).status())
                .as("a complaint is RESOLVED or NOT_RESOLVED")
                .isEqualTo(400);
        assertThat(clerk.post(settle, Map.of("resolution", "RESOLVED", "note", "Dilaporkan ke inspektorat"))
                        .status())
                .isEqualTo(204);
        assertThat(clerk.post(settle, Map.of("resolution", "NOT_RESOLVED")).status())
                .isEqualTo(409);
        assertThat(clerk.post("/api/grievances/" + grievance + "/resolution", Map.of("resolution", "RESOLVED"))
                        .status())
                .as("a review request is settled by the ruling, not the office")
                .isEqualTo(409);

        JsonNode lombokTimur = regency(
                platform.api(PlatformService.CASE, OfficerLogin.MINISTRY)
                        .get("/api/case-reports/grievances?province=52")
                        .body(),
                "5203");
        assertThat(lombokTimur.at("/byKind/REVIEW_REQUEST/settled").asLong()).isPositive();
        assertThat(lombokTimur.at("/byKind/COMPLAINT/settled").asLong()).isPositive();

        await().atMost(ofSeconds(60))
                .untilAsserted(() -> assertThat(summaries(person))
                        .anySatisfy(s -> assertThat(s)
                                .startsWith("Request to review decision " + decision + " received (HELPLINE_171)"))
                        .anySatisfy(s -> assertThat(s).startsWith("Review request UPHELD by "))
                        .anySatisfy(s -> assertThat(s).startsWith("Complaint RESOLVED by ")));
        assertThat(platform.audit()
                        .get("/api/beneficiaries/" + person + "/timeline")
                        .text())
                .as("what the person said and the office noted stay in the case")
                .doesNotContain("Baru pulang", "Petugas desa", "inspektorat");
    }

    /**
     * A refusal decided again before anyone ruled on the person's request to review it: the clerk records the household's
     * new DTSEN decile, the grant's decision is made again, eligible, and the request is settled as upheld by that new
     * decision, and the person told, rather than left open on a decision that no longer counts.
     */
    @Test
    void aRefusalDecidedAgainBeforeTheRulingSettlesTheRequestToReviewIt() {
        Map<String, Object> refused = ReturneeMother.laluZainiLombokTimur();
        refused.put("dtsenDecile", 8);
        UUID person = platform.registration().register(refused);
        String refusal = grantDecision(person, "INELIGIBLE");
        ServiceApi clerk = platform.api(PlatformService.CASE, OfficerLogin.CLERK_NTB);
        String grievance = await().atMost(ofSeconds(30))
                .until(
                        () -> clerk.post(
                                "/api/grievances",
                                Map.of(
                                        "beneficiaryId", person.toString(),
                                        "kind", "REVIEW_REQUEST",
                                        "channel", "OFFICE",
                                        "decisionId", refusal,
                                        "summary", "Sudah didata ulang DTSEN bulan lalu")),
                        r -> r.status() == 201)
                .body()
                .get("grievanceId")
                .asString();

        assertThat(platform.registration()
                        .amend(person, Map.of("dtsenDecile", 11))
                        .status())
                .as("a decile is 1 to 10")
                .isEqualTo(400);
        assertThat(platform.registration()
                        .amend(person, Map.of("dtsenDecile", 3))
                        .status())
                .isEqualTo(200);
        String eligible = grantDecision(person, "ELIGIBLE");

        await().atMost(ofSeconds(60)).untilAsserted(() -> {
            JsonNode settled = clerk.get("/api/grievances/" + grievance).body();
            assertThat(settled.path("resolution").asString("")).isEqualTo("UPHELD");
            assertThat(settled.get("decisionId").asString()).isEqualTo(eligible);
        });
        String phone = ReturneeMother.phoneE164(refused);
        await().atMost(ofSeconds(60))
                .untilAsserted(() -> assertThat(smsTo(phone))
                        .anySatisfy(text -> assertThat(text).contains("permohonan Anda sudah diputus: dikabulkan")));
        assertThat(platform.api(PlatformService.ELIGIBILITY, OfficerLogin.MINISTRY)
                        .get("/api/reviews?provinceCode=52&size=500")
                        .text())
                .as("neither decision waits in the review queue")
                .doesNotContain(refusal, eligible);
        await().atMost(ofSeconds(60))
                .untilAsserted(() -> assertThat(summaries(person))
                        .anySatisfy(s -> assertThat(s).startsWith("Amended dtsenDecile: DTSEN decile 3"))
                        .anySatisfy(
                                s -> assertThat(s).isEqualTo("Review request UPHELD by the new decision " + eligible)));
    }

    /**
     * NTB's office hands Bima's cases from the province's case worker to Bima's own: the case, its follow-ups and the
     * reading of the person's registration move to the new case worker, the former one loses them, and the timeline
     * says so. Only the province's office hands over, and only to a case worker of its province.
     */
    @Test
    void theProvincesOfficeHandsACaseWorkersCasesOver() {
        UUID person = platform.registration().register(ReturneeMother.ahmadBima());
        ServiceApi ntb = platform.api(PlatformService.CASE, OfficerLogin.CASEWORKER_NTB);
        ServiceApi bima = ntb.as(OfficerLogin.CASEWORKER_BIMA);
        String caseId = await().atMost(ofSeconds(60))
                .until(() -> ntb.get("/api/beneficiaries/" + person + "/case"), r -> r.status() == 200)
                .body()
                .at("/summary/caseId")
                .asString();
        assertThat(bima.get("/api/cases/" + caseId).status()).isEqualTo(404);

        ServiceApi clerk = platform.api(PlatformService.CASE, OfficerLogin.CLERK_NTB);
        Map<String, Object> handover =
                Map.of("from", OfficerLogin.CASEWORKER_NTB, "to", OfficerLogin.CASEWORKER_BIMA, "regencyCode", "5206");
        assertThat(ntb.post("/api/case-handovers", handover).status())
                .as("a case worker does not hand cases over")
                .isEqualTo(403);
        ServiceApi.Response toBali = clerk.post(
                "/api/case-handovers",
                Map.of("from", OfficerLogin.CASEWORKER_NTB, "to", OfficerLogin.CASEWORKER_BALI, "regencyCode", "5206"));
        assertThat(toBali.status()).as("not a case worker of NTB").isEqualTo(400);
        assertThat(toBali.text()).contains(OfficerLogin.CASEWORKER_BIMA);
        assertThat(clerk.post(
                                "/api/case-handovers",
                                Map.of(
                                        "from",
                                        OfficerLogin.CASEWORKER_NTB,
                                        "to",
                                        OfficerLogin.CASEWORKER_BIMA,
                                        "regencyCode",
                                        "5171"))
                        .status())
                .as("a regency of Bali")
                .isEqualTo(403);
        ServiceApi.Response moved = clerk.post("/api/case-handovers", handover);
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.body().get("moved").asInt()).isPositive();
        assertThat(clerk.post("/api/case-handovers", handover)
                        .body()
                        .get("moved")
                        .asInt())
                .as("nothing of Bima is left with the province's case worker")
                .isZero();

        assertThat(bima.get("/api/cases/" + caseId).status()).isEqualTo(200);
        assertThat(ntb.get("/api/cases/" + caseId).status()).isEqualTo(404);
        assertThat(bima.get("/api/follow-ups?upcomingDays=400").body().toString())
                .contains(caseId);
        ServiceApi registration = platform.api(PlatformService.REGISTRATION, OfficerLogin.CASEWORKER_BIMA);
        await().atMost(ofSeconds(60))
                .untilAsserted(() -> assertThat(
                                registration.get("/api/returnees/" + person).status())
                        .isEqualTo(200));
        assertThat(registration
                        .as(OfficerLogin.CASEWORKER_NTB)
                        .get("/api/returnees/" + person)
                        .status())
                .isEqualTo(404);
        await().atMost(ofSeconds(60))
                .untilAsserted(() -> assertThat(summaries(person))
                        .contains("Case handed over from caseworker.ntb to caseworker.bima"));
    }

    /** The id of the person's grant decision with this outcome, once it is made. */
    private static String grantDecision(UUID person, String outcome) {
        ServiceApi ministry = platform.api(PlatformService.ELIGIBILITY, OfficerLogin.MINISTRY);
        return await().atMost(ofSeconds(60))
                .until(
                        () -> ministry.get("/api/beneficiaries/" + person + "/decisions")
                                .body()
                                .valueStream()
                                .filter(d -> d.path("programId").asString("").equals("BSU"))
                                .filter(d -> d.get("outcome").asString().equals(outcome))
                                .map(d -> d.get("decisionId").asString())
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
    }

    private static List<String> smsTo(String phone) {
        return platform.stack().sms().messagesTo(phone).stream()
                .map(AcceptedSms::text)
                .toList();
    }

    private static JsonNode regency(JsonNode report, String regencyCode) {
        return report.valueStream()
                .filter(r -> r.get("regencyCode").asString().equals(regencyCode))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no follow-ups of regency " + regencyCode + " in " + report));
    }

    private static long payments(UUID person, String condition) {
        return platform.database()
                .count(
                        "SELECT COUNT(*) FROM disbursement.payment_intent WHERE beneficiary_id = ? AND " + condition,
                        person.toString());
    }

    private static Map<String, Object> batch(String batchId) {
        return platform.database()
                .rows("SELECT payments, total FROM disbursement.payment_batch WHERE batch_id = ?", batchId)
                .get(0);
    }

    private static long committedNtb(String year) {
        return ((Number) platform.database()
                        .rows(
                                "SELECT committed FROM disbursement.budget WHERE program_id = 'BSU' AND province_code ="
                                        + " '52' AND fiscal_year = ?",
                                year)
                        .get(0)
                        .get("committed"))
                .longValue();
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

package id.go.kemensos.returnee.systemtests;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.kemensos.returnee.contracts.eligibility.DecisionOverridden;
import id.go.kemensos.returnee.contracts.eligibility.EligibilityDecided;
import id.go.kemensos.returnee.contracts.eligibility.EligibilityTopics;
import id.go.kemensos.returnee.contracts.eligibility.ProtectionDecided;
import id.go.kemensos.returnee.contracts.eligibility.ProtectionDecisionOverridden;
import id.go.kemensos.returnee.contracts.eligibility.ReferralRequested;
import id.go.kemensos.returnee.contracts.registration.RegistrationTopics;
import id.go.kemensos.returnee.contracts.registration.ReturneeUpdated;
import id.go.kemensos.returnee.infra.launcher.PlatformService;
import id.go.kemensos.returnee.testsupport.DisbursementApi;
import id.go.kemensos.returnee.testsupport.EligibilityApi;
import id.go.kemensos.returnee.testsupport.EventLog;
import id.go.kemensos.returnee.testsupport.OfficerLogin;
import id.go.kemensos.returnee.testsupport.PlatformIntegrationTest;
import id.go.kemensos.returnee.testsupport.RegistrationApi;
import id.go.kemensos.returnee.testsupport.ReturneeMother;
import id.go.kemensos.returnee.testsupport.RunningPlatform;
import id.go.kemensos.returnee.testsupport.ServiceApi;
import io.cloudevents.CloudEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registrations in, explainable decisions out: every law and program in force decides each registration; an officer
 * settles a case that needs review; an amended account re-decides; a new rule version dropped in the rules directory
 * takes over after a restart and a re-evaluation command, each changed decision naming the one it supersedes.
 */
@PlatformIntegrationTest
class EligibilityDecisionIT {

    private static final String GRANT = "bantuan-stimulan-usaha";
    private static final String TPPO = "tppo-victim-services";
    private static final String CHILD = "child-special-protection";
    private static final String FAMILY = "migrant-worker-family";
    private static final String WORKERS = "migrant-worker-protection";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static RunningPlatform platform;
    private static final EligibilityApi eligibility = new EligibilityApi();

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.start();
    }

    @Test
    void aTraffickingSurvivorIsDecidedUnderEveryLawAndTheGrantWithReasons() {
        Map<String, Object> survivor = ReturneeMother.sitiAminahLombokTengah();
        survivor.put("category", "KPO");
        survivor.put("referralSource", "POLRI");
        UUID beneficiary = platform.registration().register(survivor);

        EligibilityApi protection = eligibility.as(OfficerLogin.PROTECTION_PUSAT);
        JsonNode decisions =
                await().atMost(ofSeconds(60)).until(() -> protection.decisionsOf(beneficiary), d -> d.size() == 4);
        JsonNode victimServices = current(decisions, TPPO);
        assertThat(victimServices.get("outcome").asString()).isEqualTo("ELIGIBLE");
        assertThat(victimServices.get("entitlements").toString()).contains("SHELTER", "LEGAL_AID");
        assertThat(victimServices.get("restricted").asBoolean()).isTrue();
        assertThat(current(decisions, GRANT)
                        .get("explanation")
                        .get("criteria")
                        .get(1)
                        .get("inputs")
                        .get("category")
                        .asString())
                .as("a protection officer reads the facts")
                .isEqualTo("KPO");

        // Need to know (Law 21/2007 Art. 44): for everyone else the decision under the trafficking law does not exist,
        // and the
        // facts that identify a victim read [restricted] in every other decision.
        String restrictedDecision =
                "/api/decisions/" + victimServices.get("decisionId").asString();
        for (String officer : List.of(OfficerLogin.MINISTRY, OfficerLogin.CLERK_NTB, OfficerLogin.AUDITOR)) {
            JsonNode seen = eligibility.as(officer).decisionsOf(beneficiary);
            assertThat(seen).as(officer).hasSize(3);
            assertThat(current(seen, TPPO)).as(officer).isNull();
            assertThat(seen.toString())
                    .as(officer)
                    .doesNotContain("\"category\":\"KPO\"", "\"referralSource\":\"POLRI\"");
            assertThat(eligibility.as(officer).get(restrictedDecision).status())
                    .as(officer)
                    .isEqualTo(404);
            assertThat(eligibility
                            .as(officer)
                            .get(restrictedDecision + "/explanation")
                            .status())
                    .as(officer)
                    .isEqualTo(404);
        }
        assertThat(eligibility
                        .as(OfficerLogin.PROTECTION_NTB)
                        .get(restrictedDecision)
                        .status())
                .isEqualTo(200);
        decisions = eligibility.decisionsOf(beneficiary);
        assertThat(current(decisions, "migrant-worker-protection")
                        .get("outcome")
                        .asString())
                .isEqualTo("INELIGIBLE");
        assertThat(current(decisions, "social-welfare-services")
                        .get("ruleSetVersion")
                        .asString())
                .isEqualTo("UU-11-2009-STATUS");
        JsonNode grant = current(decisions, GRANT);
        assertThat(grant.get("outcome").asString()).isEqualTo("ELIGIBLE");
        assertThat(grant.get("grantAmount").asLong()).isEqualTo(960_000);
        assertThat(grant.get("explanation").get("criteria")).hasSize(9);
        assertThat(grant.get("explanation")
                        .get("criteria")
                        .get(7)
                        .get("inputs")
                        .get("ageAtRelevantDate")
                        .asInt())
                .isGreaterThanOrEqualTo(18);

        assertThat(eligibility
                        .post(
                                "/api/decisions/" + grant.get("decisionId").asString() + "/override",
                                Map.of("outcome", "INELIGIBLE", "reason", "coba"))
                        .status())
                .as("only a case that needs review is ruled")
                .isEqualTo(409);

        String why = eligibility
                .get("/api/decisions/" + grant.get("decisionId").asString() + "/explanation")
                .text();
        assertThat(why).contains("LAYAK", "C8", "terpenuhi", "UU 11/2009");
        assertThat(eligibility
                        .get("/api/decisions/" + grant.get("decisionId").asString() + "/explanation?lang=en")
                        .text())
                .contains("ELIGIBLE", "Aged 18 or over", "PASSED");

        EventLog log = new EventLog(platform.stack().kafka().bootstrapServers());
        await().atMost(ofSeconds(30))
                .untilAsserted(() -> assertThat(log.cloudEvents(EligibilityTopics.EVENTS, beneficiary.toString()))
                        .filteredOn(e -> e.getType().equals(EligibilityDecided.EVENT_TYPE.type()))
                        .hasSize(3)
                        .allSatisfy(e -> assertThat(new String(e.getData().toBytes(), StandardCharsets.UTF_8))
                                .doesNotContain(TPPO, "\"category\":\"KPO\"", "\"referralSource\":\"POLRI\"")));
        await().atMost(ofSeconds(30))
                .untilAsserted(() -> assertThat(
                                log.cloudEvents(EligibilityTopics.PROTECTION_EVENTS, beneficiary.toString()))
                        .singleElement()
                        .satisfies(e -> {
                            assertThat(e.getType()).isEqualTo(ProtectionDecided.EVENT_TYPE.type());
                            assertThat(data(e).get("decision").get("ruleSetId").asString())
                                    .isEqualTo(TPPO);
                        }));
        await().atMost(ofSeconds(60)).until(() -> settledPayments(beneficiary) == 1);
    }

    /**
     * A child is not refused in silence: the grant rules them out (C8), and the child-protection law refers them to the
     * regency's UPTD PPA with an event of its own on the general stream, which says nothing of why the child came home.
     * (An adult gets no decision under that law at all: the survivor above has four.)
     */
    @Test
    void aChildIsReferredToChildProtectionAndNotOnlyRefusedTheGrant() {
        Map<String, Object> child = ReturneeMother.bornOn(
                ReturneeMother.sitiAminahLombokTengah(),
                LocalDate.now(ZoneId.of("Asia/Jakarta")).minusYears(16).minusDays(40));
        child.put("category", "KPO");
        child.put("referralSource", "POLRI");
        UUID beneficiary = platform.registration().register(child);

        JsonNode decisions = await().atMost(ofSeconds(60))
                .until(
                        () -> eligibility.decisionsOf(beneficiary),
                        d -> current(d, GRANT) != null && current(d, CHILD) != null);
        JsonNode grant = current(decisions, GRANT);
        assertThat(grant.get("outcome").asString()).isEqualTo("INELIGIBLE");
        assertThat(grant.get("notPassed").toString()).contains("C8:FAILED");
        JsonNode protection = current(decisions, CHILD);
        assertThat(protection.get("outcome").asString()).isEqualTo("ELIGIBLE");
        assertThat(protection.get("entitlements").toString()).contains("CHILD_PROTECTION_REFERRAL");
        assertThat(protection.get("restricted").asBoolean()).isFalse();

        EventLog log = new EventLog(platform.stack().kafka().bootstrapServers());
        await().atMost(ofSeconds(30))
                .untilAsserted(() -> assertThat(log.cloudEvents(EligibilityTopics.EVENTS, beneficiary.toString()))
                        .filteredOn(e -> e.getType().equals(ReferralRequested.EVENT_TYPE.type()))
                        .singleElement()
                        .satisfies(e -> {
                            JsonNode referral = data(e);
                            assertThat(referral.get("service").asString()).isEqualTo("CHILD_PROTECTION");
                            assertThat(referral.get("partnerType").asString()).isEqualTo("UPTD_PPA");
                            assertThat(referral.get("regencyCode").asString()).isEqualTo("5202");
                            assertThat(referral.get("decisionId").asString())
                                    .isEqualTo(protection.get("decisionId").asString());
                            assertThat(referral.toString()).doesNotContain("KPO", "POLRI", TPPO);
                        }));
    }

    /**
     * Poverty is the household's DTSEN decile: a deportee above the grant's threshold is not refused but goes to an
     * officer, who sees the decile and the criterion that failed, never the category.
     */
    @Test
    void aDeporteeAboveTheDecileThresholdGoesToReviewNotRefusal() {
        Map<String, Object> deportee = ReturneeMother.sitiAminahLombokTengah();
        deportee.put("dtsenDecile", 8);
        UUID beneficiary = platform.registration().register(deportee);

        JsonNode review = await().atMost(ofSeconds(60)).until(() -> reviewOf(beneficiary), r -> r != null);
        assertThat(review.get("ruleSetVersion").asString()).isEqualTo("2026.4");
        assertThat(review.get("notPassed").toString()).contains("C4:FAILED");
        JsonNode poverty = review.get("explanation").get("criteria").get(3);
        assertThat(poverty.get("id").asString()).isEqualTo("C4");
        assertThat(poverty.get("onFail").asString()).isEqualTo("REVIEW");
        assertThat(poverty.get("inputs").get("dtsenDecile").asInt()).isEqualTo(8);
        assertThat(poverty.get("inputs").get("category").asString())
                .as("the ministry officer does not learn the category")
                .isEqualTo("[restricted]");
    }

    /**
     * A case under the trafficking law that needs review is a protection officer's, of the people within their reach:
     * the ministry neither sees it in its queue nor finds it to rule. The auditor's timeline says only that a
     * restricted decision exists; the clerk's view of the person shows no category; no log line ties the person to the
     * case.
     */
    @Test
    void aCaseUnderTheTraffickingLawIsRuledByAProtectionOfficerOnly() throws Exception {
        Map<String, Object> survivor = ReturneeMother.sitiAminahLombokTengah();
        survivor.put("category", "KPO");
        survivor.put("referralSource", "KELUARGA"); // T2: no assessment by an authority yet
        UUID beneficiary = platform.registration().register(survivor);

        EligibilityApi protection = eligibility.as(OfficerLogin.PROTECTION_NTB);
        JsonNode pending = await().atMost(ofSeconds(60))
                .until(
                        () -> current(protection.decisionsOf(beneficiary), TPPO),
                        d -> d != null && "NEEDS_REVIEW".equals(d.get("outcome").asString()));
        String decisionId = pending.get("decisionId").asString();
        assertThat(reviewQueue(protection)).contains(decisionId);
        assertThat(reviewQueue(eligibility)).doesNotContain(decisionId);

        String override = "/api/decisions/" + decisionId + "/override";
        Map<String, String> ruling =
                Map.of("outcome", "ELIGIBLE", "reason", "Asesmen RPTC Mataram 3 Desember: korban eksploitasi kerja");
        assertThat(eligibility.post(override, ruling).status())
                .as("the ministry cannot find it")
                .isEqualTo(404);
        EligibilityApi.Response ruled = protection.post(override, ruling);
        assertThat(ruled.status()).as(ruled.text()).isEqualTo(200);
        assertThat(ruled.json().get("override").get("officer").asString())
                .isEqualTo(OfficerSubjects.of(OfficerLogin.PROTECTION_NTB));

        EventLog log = new EventLog(platform.stack().kafka().bootstrapServers());
        await().atMost(ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(log.cloudEvents(EligibilityTopics.PROTECTION_EVENTS, beneficiary.toString()))
                                .extracting(CloudEvent::getType)
                                .contains(ProtectionDecisionOverridden.EVENT_TYPE.type()));
        assertThat(log.cloudEvents(EligibilityTopics.EVENTS, beneficiary.toString()))
                .extracting(CloudEvent::getType)
                .doesNotContain(DecisionOverridden.EVENT_TYPE.type());

        ServiceApi.Response seenByClerk = platform.api(PlatformService.REGISTRATION, OfficerLogin.CLERK_NTB)
                .get("/api/returnees/" + beneficiary);
        assertThat(seenByClerk.body().has("protection")).isFalse();
        assertThat(seenByClerk.text()).doesNotContain("KPO");
        ServiceApi.Response seenByProtection = platform.api(PlatformService.REGISTRATION, OfficerLogin.PROTECTION_NTB)
                .get("/api/returnees/" + beneficiary);
        assertThat(seenByProtection.body().get("protection").get("category").asString())
                .isEqualTo("KPO");

        JsonNode timeline = await().atMost(ofSeconds(30))
                .until(
                        () -> platform.audit()
                                .get("/api/beneficiaries/" + beneficiary + "/timeline")
                                .body(),
                        t -> t != null
                                && t.isArray()
                                && t.valueStream()
                                                .filter(e -> e.get("summary")
                                                        .asString()
                                                        .equals("Protection services: restricted"))
                                                .count()
                                        == 2);
        assertThat(timeline.toString()).doesNotContain(TPPO, "KPO", "KELUARGA", "RPTC");

        List<String> telling = new ArrayList<>();
        try (var logs = Files.list(platform.stack().home().work().resolve("logs"))) {
            for (Path file : logs.filter(f -> f.toString().endsWith(".log")).toList()) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (line.contains(beneficiary.toString())
                            && (line.contains(TPPO)
                                    || line.contains("KPO")
                                    || line.contains("restricted law")
                                    || line.contains("Protection")
                                    || line.contains(decisionId))) {
                        telling.add(file.getFileName() + ": " + line);
                    }
                }
            }
        }
        assertThat(telling)
                .as("log lines tying the person to the protection case")
                .isEmpty();
    }

    /**
     * One category per person no longer: a deportee identified as a trafficking victim is decided under Law 18/2017 as a
     * worker and under Law 21/2007 as a victim; a deportee whom a screening later indicates is assessed by a protection
     * officer, and the registration event that carries the indication says nothing of it outside its seal.
     */
    @Test
    void aDeporteeWhoIsAlsoAVictimIsDecidedUnderBothLawsAndAnIndicationIsAssessed() {
        Map<String, Object> trafficked = ReturneeMother.sitiAminahLombokTengah();
        trafficked.put("traffickingStatus", "IDENTIFIED");
        UUID both = platform.registration().register(trafficked);

        EligibilityApi protection = eligibility.as(OfficerLogin.PROTECTION_NTB);
        JsonNode decisions =
                await().atMost(ofSeconds(60)).until(() -> protection.decisionsOf(both), d -> d.size() == 4);
        assertThat(current(decisions, TPPO).get("outcome").asString()).isEqualTo("ELIGIBLE");
        assertThat(current(decisions, TPPO).get("ruleSetVersion").asString()).isEqualTo("UU-21-2007-STATUS");
        assertThat(current(decisions, "migrant-worker-protection")
                        .get("outcome")
                        .asString())
                .as("still a migrant worker under Law 18/2017")
                .isEqualTo("ELIGIBLE");
        JsonNode seenByMinistry = eligibility.decisionsOf(both);
        assertThat(seenByMinistry).hasSize(3);
        assertThat(current(seenByMinistry, "social-welfare-services")
                        .get("explanation")
                        .get("criteria")
                        .get(0)
                        .get("inputs")
                        .get("traffickingStatus")
                        .asString())
                .isEqualTo("[restricted]");
        assertThat(seenByMinistry.toString()).doesNotContain("IDENTIFIED");
        // Whom the trafficking law reaches, by regency, sex and age band: for protection officers only.
        JsonNode reach =
                protection.get("/api/protection-reports/reach?provinceCode=52").json();
        assertThat(reach.valueStream()
                        .filter(row -> row.get("ruleSetId").asString().equals(TPPO)
                                && row.get("regencyCode").asString().equals("5202")
                                && row.get("sex").asString().equals("FEMALE")
                                && row.get("ageBand").asString().startsWith("AGE_")
                                && row.get("outcome").asString().equals("ELIGIBLE"))
                        .mapToLong(row -> row.get("people").asLong())
                        .sum())
                .as("%s", reach)
                .isGreaterThanOrEqualTo(1);
        assertThat(eligibility.get("/api/protection-reports/reach").status())
                .as("the ministry does not read counts of victims")
                .isEqualTo(403);

        ServiceApi registrationAsProtection = platform.api(PlatformService.REGISTRATION, OfficerLogin.PROTECTION_NTB);
        long indicatedDeporteesBefore = categoryReach(registrationAsProtection, "PMIB_DEPORTEE", "INDICATED");
        UUID screened = platform.registration().register(ReturneeMother.sitiAminahLombokTengah());
        await().atMost(ofSeconds(60))
                .until(
                        () -> current(protection.decisionsOf(screened), TPPO),
                        d -> d != null && "INELIGIBLE".equals(d.get("outcome").asString()));
        String status = "/api/returnees/" + screened + "/trafficking-status";
        assertThat(platform.api(PlatformService.REGISTRATION, OfficerLogin.CLERK_NTB)
                        .put(status, Map.of("status", "INDICATED"))
                        .status())
                .as("need to know: a clerk may not record it")
                .isEqualTo(403);
        ServiceApi.Response recorded = platform.api(PlatformService.REGISTRATION, OfficerLogin.PROTECTION_NTB)
                .put(status, Map.of("status", "INDICATED"));
        assertThat(recorded.status()).as(recorded.text()).isEqualTo(200);
        assertThat(recorded.body().get("protection").get("traffickingStatus").asString())
                .isEqualTo("INDICATED");
        assertThat(recorded.body().get("protection").get("category").asString()).isEqualTo("PMIB_DEPORTEE");

        JsonNode assessed = await().atMost(ofSeconds(60))
                .until(
                        () -> current(protection.decisionsOf(screened), TPPO),
                        d -> "NEEDS_REVIEW".equals(d.get("outcome").asString()));
        assertThat(assessed.get("notPassed").toString()).contains("T1");
        assertThat(reviewQueue(protection)).contains(assessed.get("decisionId").asString());
        assertThat(platform.api(PlatformService.REGISTRATION, OfficerLogin.CLERK_NTB)
                        .get("/api/returnees/" + screened)
                        .text())
                .doesNotContain("INDICATED", "traffickingStatus");

        // Who is reached by category and trafficking status: counts for protection officers alone, each opened seal.
        assertThat(categoryReach(registrationAsProtection, "PMIB_DEPORTEE", "INDICATED"))
                .as("the deportee now indicated")
                .isEqualTo(indicatedDeporteesBefore + 1);
        assertThat(categoryReach(registrationAsProtection, "KPO", "IDENTIFIED"))
                .as("the survivor")
                .isPositive();
        assertThat(platform.api(PlatformService.REGISTRATION, OfficerLogin.CLERK_NTB)
                        .get("/api/protection-reports/returnees")
                        .status())
                .as("a clerk does not read counts of victims")
                .isEqualTo(403);
        assertThat(platform.api(PlatformService.REGISTRATION, OfficerLogin.PROTECTION_NTB)
                        .get("/api/protection-reports/returnees?provinceCode=51")
                        .status())
                .as("nor NTB's protection officer Bali's")
                .isEqualTo(403);
        assertThat(platform.api(PlatformService.REGISTRATION, OfficerLogin.PROTECTION_PUSAT)
                        .get("/api/protection-reports/returnees")
                        .status())
                .as("a national officer names the province: every seal of the country is not opened at once")
                .isEqualTo(400);

        EventLog log = new EventLog(platform.stack().kafka().bootstrapServers());
        assertThat(log.cloudEvents(RegistrationTopics.EVENTS, screened.toString()))
                .filteredOn(e -> e.getType().equals(ReturneeUpdated.EVENT_TYPE.type()))
                .singleElement()
                .satisfies(e -> {
                    assertThat(data(e).get("changed").toString()).isEqualTo("[\"sealedDetails\"]");
                    assertThat(data(e).toString()).doesNotContain("INDICATED", "traffickingStatus");
                });
    }

    /** Women of Lombok Tengah registered with this category and trafficking status, every age band together. */
    private static long categoryReach(ServiceApi registration, String category, String status) {
        ServiceApi.Response report = registration.get("/api/protection-reports/returnees?provinceCode=52");
        assertThat(report.status()).as(report.text()).isEqualTo(200);
        return report.body()
                .valueStream()
                .filter(row -> row.get("regencyCode").asString().equals("5202")
                        && row.get("sex").asString().equals("FEMALE")
                        && row.get("category").asString().equals(category)
                        && row.get("traffickingStatus").asString().equals(status))
                .mapToLong(row -> row.get("registered").asLong())
                .sum();
    }

    /**
     * A worker's family (Law 18/2017 Pasal 24 ayat (1) huruf e, "dan keluarganya"): a wife registered on her husband's
     * family card before him waits for an officer; his registration, arriving later, decides her again under the family
     * article and the grant, which pays her once. The card travels only sealed; the events carry its pseudonym.
     */
    @Test
    void aWorkersFamilyMemberIsDecidedByTheReturnedWorkerOfHerFamilyCard() {
        String familyCard = newFamilyCard();
        UUID member = platform.registration().register(wifeOn(familyCard));

        JsonNode waiting = await().atMost(ofSeconds(60))
                .until(
                        () -> eligibility.decisionsOf(member),
                        d -> current(d, FAMILY) != null && current(d, GRANT) != null);
        assertThat(current(waiting, FAMILY).get("outcome").asString()).isEqualTo("NEEDS_REVIEW");
        assertThat(current(waiting, GRANT).get("outcome").asString()).isEqualTo("NEEDS_REVIEW");
        assertThat(current(waiting, GRANT).get("notPassed").toString()).contains("C9");
        assertThat(current(waiting, GRANT).get("ruleSetVersion").asString()).isEqualTo("2026.4");

        Map<String, Object> husband = ReturneeMother.laluZainiLombokTimur();
        husband.put("familyCardNumber", familyCard);
        UUID worker = platform.registration().register(husband);

        JsonNode decided = await().atMost(ofSeconds(60))
                .until(
                        () -> eligibility.decisionsOf(member),
                        d -> "ELIGIBLE".equals(current(d, GRANT).get("outcome").asString()));
        assertThat(current(decided, FAMILY).get("outcome").asString()).isEqualTo("ELIGIBLE");
        assertThat(current(decided, FAMILY).get("entitlements").toString()).contains("FAMILY_EMPOWERMENT");
        assertThat(current(decided, GRANT).get("grantAmount").asLong()).isEqualTo(960_000);
        assertThat(current(eligibility.decisionsOf(worker), FAMILY))
                .as("the worker is decided as a worker, not as family")
                .isNull();
        await().atMost(ofSeconds(60)).until(() -> settledPayments(member) == 1);

        assertThat(platform.api(PlatformService.REGISTRATION, OfficerLogin.CLERK_NTB)
                        .get("/api/returnees/" + member)
                        .body()
                        .get("familyCardMasked")
                        .asString())
                .startsWith("5203")
                .doesNotContain(familyCard.substring(6, 12));
        EventLog log = new EventLog(platform.stack().kafka().bootstrapServers());
        JsonNode herRegistration = data(
                log.cloudEvents(RegistrationTopics.EVENTS, member.toString()).get(0));
        JsonNode hisRegistration = data(
                log.cloudEvents(RegistrationTopics.EVENTS, worker.toString()).get(0));
        assertThat(herRegistration.get("householdId").asString())
                .isNotBlank()
                .isEqualTo(hisRegistration.get("householdId").asString());
        assertThat(herRegistration.toString()).doesNotContain(familyCard);
    }

    /**
     * A family card given later, by amendment, is not lost: the worker registered without his card gets it, and the
     * wife already on it, waiting for an officer, is decided again.
     */
    @Test
    void aFamilyCardGivenLaterDecidesTheFamilyAgain() {
        String familyCard = newFamilyCard();
        UUID member = platform.registration().register(wifeOn(familyCard));
        UUID worker = platform.registration().register(ReturneeMother.laluZainiLombokTimur());
        await().atMost(ofSeconds(60))
                .until(
                        () -> current(eligibility.decisionsOf(member), FAMILY),
                        d -> d != null && "NEEDS_REVIEW".equals(d.get("outcome").asString()));

        RegistrationApi.Response amended = platform.registration()
                .as(OfficerLogin.CLERK_NTB)
                .amend(worker, Map.of("familyCardNumber", familyCard));
        assertThat(amended.status()).as("%s", amended.body()).isEqualTo(200);

        JsonNode decided = await().atMost(ofSeconds(60))
                .until(
                        () -> current(eligibility.decisionsOf(member), FAMILY),
                        d -> "ELIGIBLE".equals(d.get("outcome").asString()));
        assertThat(decided.get("previousDecisionId").asString()).isNotBlank();
    }

    /** A family card of Lombok Timur no other test uses. */
    private static String newFamilyCard() {
        return "520301" + String.format("%010d", ThreadLocalRandom.current().nextLong(1, 10_000_000_000L));
    }

    /** A returned worker's wife, registered on his family card. */
    private static Map<String, Object> wifeOn(String familyCard) {
        Map<String, Object> wife = ReturneeMother.baiqNurulLombokUtara();
        wife.put("category", "KELUARGA_PMI");
        wife.put("referralSource", "DINSOS");
        wife.put("familyCardNumber", familyCard);
        return wife;
    }

    private static List<String> reviewQueue(EligibilityApi officer) {
        JsonNode page = officer.get("/api/reviews?provinceCode=52&size=500").json();
        return page.get("items")
                .valueStream()
                .map(d -> d.get("decisionId").asString())
                .toList();
    }

    @Test
    void anOfficerRulesOnACaseThatNeedsReviewAndTheOverrideIsKeptBesideTheDecision() {
        Map<String, Object> spouseAccount = ReturneeMother.laluZainiLombokTimur();
        spouseAccount.put("accountHolderName", "BAIQ NURUL HIDAYATI"); // C5: not the returnee's own account
        UUID beneficiary = platform.registration().register(spouseAccount);

        JsonNode review = await().atMost(ofSeconds(60)).until(() -> reviewOf(beneficiary), r -> r != null);
        assertThat(review.get("notPassed").toString()).contains("C5:FAILED");
        String decisionId = review.get("decisionId").asString();
        assertThat(eligibility
                        .get("/api/reviews?provinceCode=52&size=1")
                        .json()
                        .get("total")
                        .asLong())
                .isPositive();
        assertThat(eligibility
                        .get("/api/reviews?provinceCode=52&size=1")
                        .json()
                        .get("items")
                        .get(0)
                        .get("outcome")
                        .asString())
                .isEqualTo("NEEDS_REVIEW");
        assertThat(eligibility
                        .post(
                                "/api/decisions/" + decisionId + "/override",
                                Map.of("outcome", "ELIGIBLE", "reason", " "))
                        .status())
                .as("a reason is mandatory")
                .isEqualTo(400);

        // Ruled by the ministry officer (the default caller of the eligibility API): the override records their
        // subject.
        EligibilityApi.Response ruled = eligibility.post(
                "/api/decisions/" + decisionId + "/override",
                Map.of(
                        "outcome",
                        "ELIGIBLE",
                        "reason",
                        "Rekening bersama suami-istri; buku tabungan atas nama keduanya diperiksa"));
        assertThat(ruled.status()).as(ruled.text()).isEqualTo(200);
        assertThat(ruled.json().get("outcome").asString())
                .as("the decision itself is unchanged")
                .isEqualTo("NEEDS_REVIEW");
        assertThat(ruled.json().get("override").get("outcome").asString()).isEqualTo("ELIGIBLE");
        assertThat(eligibility
                        .post(
                                "/api/decisions/" + decisionId + "/override",
                                Map.of("outcome", "INELIGIBLE", "reason", "keliru"))
                        .status())
                .as("ruled once")
                .isEqualTo(409);
        assertThat(eligibility
                        .get("/api/decisions/" + decisionId + "/explanation")
                        .text())
                .contains("Diputus ulang oleh petugas " + OfficerSubjects.of(OfficerLogin.MINISTRY));

        EventLog log = new EventLog(platform.stack().kafka().bootstrapServers());
        await().atMost(ofSeconds(30))
                .untilAsserted(() -> assertThat(log.cloudEvents(EligibilityTopics.EVENTS, beneficiary.toString()))
                        .filteredOn(e -> e.getType().equals(DecisionOverridden.EVENT_TYPE.type()))
                        .singleElement()
                        .satisfies(e ->
                                assertThat(data(e).get("decisionId").asString()).isEqualTo(decisionId)));
        // The bank then confirms the account is the spouse's, not the returnee's: finance accepts it on the same
        // evidence.
        String payment = await().atMost(ofSeconds(60)).until(() -> accountReviewOf(beneficiary), id -> id != null);
        DisbursementApi.Response accepted = platform.disbursement()
                .post(
                        "/api/payments/" + payment + "/account-review",
                        Map.of("reason", "Rekening bersama suami-istri, buku tabungan diperiksa Dinsos"));
        assertThat(accepted.status()).as("%s", accepted.body()).isEqualTo(200);
        await().atMost(ofSeconds(60)).until(() -> settledPayments(beneficiary) == 1);
        assertThat(reviewOf(beneficiary)).as("no longer pending").isNull();
    }

    @Test
    void anAmendedAccountIsDecidedAgainAndTheNewDecisionNamesThePreviousOne() {
        Map<String, Object> returnee = ReturneeMother.laluZainiLombokTimur();
        returnee.put("accountHolderName", "H. MUHAMMAD SALEH");
        UUID beneficiary = platform.registration().register(returnee);
        JsonNode first = await().atMost(ofSeconds(60)).until(() -> reviewOf(beneficiary), r -> r != null);

        Map<String, Object> ownAccount = Map.of(
                "bankCode",
                "128",
                "accountNumber",
                returnee.get("accountNumber") + "9",
                "accountHolderName",
                returnee.get("fullName"));
        RegistrationApi.Response amended =
                platform.registration().as(OfficerLogin.CLERK_NTB).amend(beneficiary, ownAccount);
        assertThat(amended.status()).as("%s", amended.body()).isEqualTo(200);

        JsonNode now = await().atMost(ofSeconds(60))
                .until(
                        () -> current(eligibility.decisionsOf(beneficiary), GRANT),
                        d -> "ELIGIBLE".equals(d.get("outcome").asString()));
        assertThat(now.get("previousDecisionId").asString())
                .isEqualTo(first.get("decisionId").asString());
        assertThat(eligibility
                        .get("/api/decisions/" + first.get("decisionId").asString())
                        .json()
                        .get("supersededBy")
                        .asString())
                .isEqualTo(now.get("decisionId").asString());
        await().atMost(ofSeconds(60)).until(() -> settledPayments(beneficiary) == 1);
    }

    @Test
    void aNewRuleVersionTakesOverAfterARestartAndARe_evaluation() throws Exception {
        // A returned worker (PMI purna) is decided under Law 18/2017 as the ministry reads it today.
        Map<String, Object> returned = ReturneeMother.sitiAminahLombokTengah();
        returned.put("category", "PMI_PURNA");
        UUID beneficiary = platform.registration().register(returned);
        JsonNode before = await().atMost(ofSeconds(60))
                .until(() -> current(eligibility.decisionsOf(beneficiary), WORKERS), d -> d != null);
        assertThat(before.get("outcome").asString()).isEqualTo("ELIGIBLE");
        assertThat(before.get("ruleSetVersion").asString()).isEqualTo("UU-18-2017");

        // The ministry reads the article as covering deportees only from today (a made-up change, for the test): a new
        // file in the rules directory, no rebuild. (A law's version, because the grant's newest ships with today's
        // date:
        // two versions of one rule set may not take effect on the same day.)
        String shipped = Files.readString(
                platform.stack()
                        .home()
                        .root()
                        .resolve("eligibility-service/src/main/resources/rulesets/uu-18-2017-pmi.yaml"),
                StandardCharsets.UTF_8);
        String today = LocalDate.now(ZoneId.of("Asia/Jakarta")).toString();
        Files.writeString(
                newVersion(),
                shipped.replace("version: UU-18-2017", "version: UU-18-2017-test")
                        .replace("effectiveFrom: 2017-11-22", "effectiveFrom: " + today)
                        .replace(
                                "migrantCategories: [PMIB_DEPORTEE, PMI_PURNA]", "migrantCategories: [PMIB_DEPORTEE]"));
        restartEligibility();

        JsonNode command = reevaluate();
        assertThat(command.get("total").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(command.get("beneficiaries").asLong())
                .as("all of NTB gone through")
                .isEqualTo(command.get("total").asLong());
        assertThat(command.get("changed").asLong()).isGreaterThanOrEqualTo(1);

        JsonNode after = current(eligibility.decisionsOf(beneficiary), WORKERS);
        assertThat(after.get("outcome").asString()).isEqualTo("INELIGIBLE");
        assertThat(after.get("ruleSetVersion").asString()).isEqualTo("UU-18-2017-test");
        assertThat(after.get("previousDecisionId").asString())
                .isEqualTo(before.get("decisionId").asString());
        assertThat(after.get("notPassed").toString()).contains("P1:FAILED");
        EventLog log = new EventLog(platform.stack().kafka().bootstrapServers());
        await().atMost(ofSeconds(30))
                .untilAsserted(() -> assertThat(log.cloudEvents(EligibilityTopics.EVENTS, beneficiary.toString()))
                        .filteredOn(e -> data(e).path("previousDecisionId")
                                .asString("")
                                .equals(before.get("decisionId").asString()))
                        .hasSize(1));

        JsonNode again = reevaluate();
        assertThat(again.get("reevaluationId").asString())
                .isNotEqualTo(command.get("reevaluationId").asString());
        assertThat(again.get("changed").asLong())
                .as("same rules, same facts: nothing changes")
                .isZero();
    }

    /** Starts NTB's re-evaluation under Law 18/2017's rules and follows its progress until it completes. */
    private static JsonNode reevaluate() {
        EligibilityApi.Response started =
                eligibility.post("/api/reevaluations", Map.of("ruleSetId", WORKERS, "provinceCode", "52"));
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        assertThat(started.json().get("state").asString()).isIn("RUNNING", "COMPLETED");
        String progress =
                "/api/reevaluations/" + started.json().get("reevaluationId").asString();
        return await().atMost(ofSeconds(120))
                .until(
                        () -> eligibility.get(progress).json(),
                        job -> "COMPLETED".equals(job.get("state").asString()));
    }

    @AfterAll
    static void removeTheTestVersion() throws Exception {
        if (Files.deleteIfExists(newVersion())) {
            restartEligibility();
        }
    }

    private static Path newVersion() {
        return platform.rulesDirectory().resolve("uu-18-2017-pmi-test.yaml");
    }

    private static void restartEligibility() {
        platform.services().stop(PlatformService.ELIGIBILITY);
        platform.services().start(PlatformService.ELIGIBILITY);
    }

    private static JsonNode current(JsonNode decisions, String ruleSetId) {
        for (JsonNode d : decisions) {
            if (d.get("ruleSetId").asString().equals(ruleSetId) && !d.hasNonNull("supersededBy")) {
                return d;
            }
        }
        return null;
    }

    /**
     * The beneficiary's current grant decision while it waits for an officer (the queue itself is checked in the review
     * test).
     */
    private static JsonNode reviewOf(UUID beneficiary) {
        JsonNode grant = current(eligibility.decisionsOf(beneficiary), GRANT);
        return grant != null && "NEEDS_REVIEW".equals(grant.get("outcome").asString()) && !grant.hasNonNull("override")
                ? grant
                : null;
    }

    private static String accountReviewOf(UUID beneficiary) {
        JsonNode pending = platform.disbursement()
                .get("/api/account-reviews?provinceCode=52")
                .body();
        return pending.valueStream()
                .filter(p -> p.get("beneficiary_id").asString().equals(beneficiary.toString()))
                .map(p -> p.get("payment_id").asString())
                .findFirst()
                .orElse(null);
    }

    private static long settledPayments(UUID beneficiary) {
        return platform.database()
                .count(
                        "SELECT COUNT(*) FROM disbursement.payment_intent WHERE beneficiary_id = ? AND state = "
                                + "'SETTLED'",
                        beneficiary.toString());
    }

    private static JsonNode data(CloudEvent event) {
        return JSON.readTree(event.getData().toBytes());
    }
}

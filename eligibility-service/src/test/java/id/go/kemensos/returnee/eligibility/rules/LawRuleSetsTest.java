package id.go.kemensos.returnee.eligibility.rules;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kemensos.returnee.contracts.eligibility.Outcome;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Laws 21/2007, 39/2004 (expired), 18/2017, 11/2009 and 23/2002 (child protection) as rule sets: who is entitled to which services. */
class LawRuleSetsTest {

    private static final RuleEngine ENGINE = new RuleEngine();
    private static final RuleSetCatalog CATALOG = RuleSetCatalog.load(null, ENGINE);

    @ParameterizedTest(name = "{0} {1} referred by {2}, returned {3}, decided {4}: {6} under {5}")
    @CsvSource(nullValues = "null", textBlock = """
            tppo-victim-services,       KPO,           POLRI, 2019-09-02, 2026-12-06, UU-21-2007, ELIGIBLE,     REHABILITATION SHELTER MEDICAL PSYCHOSOCIAL LEGAL_AID REPATRIATION REINTEGRATION
            tppo-victim-services,       KPO,           LPSK,  2012-03-01, 2026-12-06, UU-21-2007, ELIGIBLE,     REHABILITATION SHELTER MEDICAL PSYCHOSOCIAL LEGAL_AID REPATRIATION REINTEGRATION
            tppo-victim-services,       KPO,           LPSK,  2005-08-15, 2026-12-06, UU-21-2007, ELIGIBLE,     REHABILITATION SHELTER MEDICAL PSYCHOSOCIAL LEGAL_AID REPATRIATION REINTEGRATION
            tppo-victim-services,       KPO,           null,  2019-09-02, 2026-12-06, UU-21-2007, NEEDS_REVIEW, null
            tppo-victim-services,       PMIB_DEPORTEE, BP3MI, 2019-09-02, 2026-12-06, UU-21-2007, INELIGIBLE,   null
            migrant-worker-protection,  PMIB_DEPORTEE, BP3MI, 2019-09-02, 2026-12-06, UU-18-2017, ELIGIBLE,     RETURN_ASSISTANCE REHABILITATION REINTEGRATION EMPOWERMENT_ENTREPRENEURSHIP
            migrant-worker-protection,  PMI_PURNA,     BP3MI, 2017-11-22, 2026-12-06, UU-18-2017, ELIGIBLE,     RETURN_ASSISTANCE REHABILITATION REINTEGRATION EMPOWERMENT_ENTREPRENEURSHIP
            migrant-worker-protection,  PMIB_DEPORTEE, BP3MI, 2016-05-10, 2026-12-06, UU-18-2017, ELIGIBLE,     RETURN_ASSISTANCE REHABILITATION REINTEGRATION EMPOWERMENT_ENTREPRENEURSHIP
            migrant-worker-protection,  PMI_PURNA,     BP3MI, 2010-06-30, 2017-11-22, UU-18-2017, ELIGIBLE,     RETURN_ASSISTANCE REHABILITATION REINTEGRATION EMPOWERMENT_ENTREPRENEURSHIP
            migrant-worker-protection,  PMIB_DEPORTEE, BP3MI, 2016-05-10, 2017-11-21, UU-39-2004, ELIGIBLE,     MEDICAL SHELTER COUNSELLING SAFE_RETURN
            migrant-worker-protection,  PMI_PURNA,     BP3MI, 2010-06-30, 2015-03-01, UU-39-2004, ELIGIBLE,     MEDICAL SHELTER COUNSELLING SAFE_RETURN
            migrant-worker-protection,  KPO,           POLRI, 2019-09-02, 2026-12-06, UU-18-2017, INELIGIBLE,   null
            social-welfare-services,    KPO,           POLRI, 2019-09-02, 2026-12-06, UU-11-2009-DTSEN, ELIGIBLE, SOCIAL_REHABILITATION SOCIAL_ASSISTANCE
            social-welfare-services,    OTHER_PPKS,    DINSOS,2019-09-02, 2026-12-06, UU-11-2009-DTSEN, ELIGIBLE, SOCIAL_REHABILITATION SOCIAL_ASSISTANCE
            social-welfare-services,    OTHER_PPKS,    DINSOS,2019-09-02, 2024-06-01, UU-11-2009, ELIGIBLE,       SOCIAL_REHABILITATION SOCIAL_ASSISTANCE
            """)
    void entitlesByCategoryAndTheLawInForceOnTheDayOfTheDecision(
            String ruleSet,
            String category,
            String referral,
            LocalDate returned,
            LocalDate decided,
            String version,
            Outcome outcome,
            String entitlements) {
        Facts facts = FactsMother.siti()
                .category(category)
                .referralSource(referral)
                .returnDate(returned)
                .build();
        RuleSet law = CATALOG.inForce(ruleSet, facts.dateFor(CATALOG.relevantDateOf(ruleSet), decided))
                .orElseThrow();

        Evaluation evaluation = ENGINE.evaluate(law, facts, decided);

        assertThat(law.version()).isEqualTo(version);
        assertThat(evaluation.outcome()).isEqualTo(outcome);
        assertThat(evaluation.entitlements())
                .isEqualTo(entitlements == null ? List.of() : Arrays.asList(entitlements.split(" ")));
        assertThat(evaluation.grantAmount())
                .as("laws grant services, not money")
                .isZero();
    }

    @ParameterizedTest(name = "{0}: a {1} whose trafficking status is {2}, referred by {3}: {5} under {4}")
    @CsvSource(nullValues = "null", textBlock = """
            tppo-victim-services,      PMIB_DEPORTEE, IDENTIFIED, POLRI, UU-21-2007-STATUS, ELIGIBLE
            tppo-victim-services,      PMIB_DEPORTEE, INDICATED,  BP3MI, UU-21-2007-STATUS, NEEDS_REVIEW
            tppo-victim-services,      PMIB_DEPORTEE, NONE,       BP3MI, UU-21-2007-STATUS, INELIGIBLE
            tppo-victim-services,      KPO,           null,       POLRI, UU-21-2007-STATUS, ELIGIBLE
            tppo-victim-services,      PMI_PURNA,     null,       BP3MI, UU-21-2007-STATUS, INELIGIBLE
            migrant-worker-protection, PMIB_DEPORTEE, IDENTIFIED, POLRI, UU-18-2017,        ELIGIBLE
            migrant-worker-protection, PMI_PURNA,     INDICATED,  BP3MI, UU-18-2017,        ELIGIBLE
            social-welfare-services,   PMI_PURNA,     IDENTIFIED, POLRI, UU-11-2009-STATUS, ELIGIBLE
            social-welfare-services,   PMI_PURNA,     INDICATED,  BP3MI, UU-11-2009-STATUS, INELIGIBLE
            social-welfare-services,   PMI_PURNA,     NONE,       BP3MI, UU-11-2009-STATUS, INELIGIBLE
            """)
    void eachLawDecidesWhatItCoversOfAPersonWhoIsBothAWorkerAndAVictim(
            String ruleSet, String category, String status, String referral, String version, Outcome outcome) {
        LocalDate decided = LocalDate.of(2026, 12, 7);
        Facts facts = FactsMother.siti()
                .category(category)
                .traffickingStatus(status) // null: kept before the status was, implied by the category
                .referralSource(referral)
                .dtsenDecile(8)
                .dtksListed(false)
                .build();
        RuleSet law = CATALOG.inForce(ruleSet, decided).orElseThrow();

        Evaluation evaluation = ENGINE.evaluate(law, facts, decided);

        assertThat(law.version()).isEqualTo(version);
        assertThat(evaluation.outcome()).isEqualTo(outcome);
    }

    @ParameterizedTest(name = "a {0} whose household's worker is registered: {1} -> {2}")
    @CsvSource(nullValues = "null", textBlock = """
            KELUARGA_PMI,  true,  ELIGIBLE
            KELUARGA_PMI,  false, NEEDS_REVIEW
            PMIB_DEPORTEE, null,  null
            """)
    void aWorkersFamilyIsDecidedUnderTheFamilyArticleOnly(String category, Boolean workerRegistered, Outcome outcome) {
        LocalDate decided = LocalDate.of(2026, 12, 7);
        Facts facts = FactsMother.siti()
                .category(category)
                .familyHasReturnedWorker(workerRegistered)
                .build();
        RuleSet family = CATALOG.inForce("migrant-worker-family", decided).orElseThrow();

        if (outcome == null) {
            assertThat(family.covers(facts, decided))
                    .as("a returnee is decided as a worker, not as family")
                    .isFalse();
            return;
        }
        Evaluation evaluation = ENGINE.evaluate(family, facts, decided);
        assertThat(evaluation.outcome()).isEqualTo(outcome);
        assertThat(evaluation.entitlements())
                .isEqualTo(outcome == Outcome.ELIGIBLE ? List.of("FAMILY_EMPOWERMENT") : List.of());
    }

    @Test
    void aChildOnAWorkersFamilyCardIsNotReferredForThatAlone() {
        LocalDate decided = LocalDate.of(2026, 12, 7);
        RuleSet child = CATALOG.inForce("child-special-protection", decided).orElseThrow();
        Facts son = FactsMother.siti()
                .category("KELUARGA_PMI")
                .birthDate(LocalDate.of(2015, 3, 1))
                .build();
        Facts deportedChild =
                FactsMother.siti().birthDate(LocalDate.of(2010, 3, 1)).build();

        assertThat(child.version()).isEqualTo("UU-35-2014-KELUARGA");
        assertThat(child.covers(son, decided)).isFalse();
        assertThat(child.covers(deportedChild, decided)).isTrue();
    }

    @Test
    void everyLawIsAppliedAsInForceOnTheDayOfTheDecision() {
        assertThat(CATALOG.all())
                .filteredOn(set -> set.kind() == RuleSet.Kind.LAW)
                .isNotEmpty()
                .allSatisfy(law ->
                        assertThat(law.relevantDate()).as(law.label()).isEqualTo(RuleSet.RelevantDate.DECISION_DATE));
    }

    @Test
    void theGrantCitesEmpowermentAndNotTheProtectionArticleForPovertyData() {
        RuleSet grant = CATALOG.inForce("bantuan-stimulan-usaha", LocalDate.of(2026, 6, 1))
                .orElseThrow();
        assertThat(grant.legalBasis())
                .extracting(RuleSet.Citation::toString)
                .contains("UU 18/2017 Pasal 24 ayat (1) huruf e (pemberdayaan PMI dan keluarganya)")
                .noneMatch(citation -> citation.contains("huruf d"));
        assertThat(grant.criteria())
                .filteredOn(criterion -> criterion.id().equals("C4"))
                .singleElement()
                .satisfies(c4 -> assertThat(c4.citation()).doesNotContain("UU 11/2009 Pasal 14"));
    }

    @ParameterizedTest(name = "a returned worker who is {0} in decile {1}, DTKS-listed {2}: {3} under Law 11/2009")
    @CsvSource(
            nullValues = "null",
            value = {
                "PMI_PURNA,     2,    false, ELIGIBLE",
                "PMI_PURNA,     7,    true,  INELIGIBLE",
                "PMI_PURNA,     null, true,  ELIGIBLE",
                "PMI_PURNA,     null, false, INELIGIBLE",
                "PMIB_DEPORTEE, 9,    false, ELIGIBLE"
            })
    void socialWelfareCoversPeopleInNeedByTheirDtsenDecileOrElseDtks(
            String category, Integer decile, boolean dtks, Outcome outcome) {
        Facts facts = FactsMother.siti()
                .category(category)
                .dtsenDecile(decile)
                .dtksListed(dtks)
                .build();
        RuleSet law = CATALOG.inForce("social-welfare-services", LocalDate.of(2026, 12, 6))
                .orElseThrow();

        Evaluation evaluation = ENGINE.evaluate(law, facts, LocalDate.of(2026, 12, 6));

        assertThat(law.version()).isEqualTo("UU-11-2009-DTSEN");
        assertThat(evaluation.outcome()).isEqualTo(outcome);
        assertThat(evaluation.criteria().get(0).inputs())
                .as("the decile and DTKS shown with the criterion, known or not")
                .containsKeys("category", "dtsenDecile", "dtksListed");
    }

    @ParameterizedTest(name = "born {0}, decided {1}: covered by child protection {2}")
    @CsvSource({
        "2009-03-01, 2026-12-06, true",
        "2008-12-06, 2026-12-05, true",
        "2008-12-06, 2026-12-06, false",
        "1990-08-15, 2026-12-06, false"
    })
    void aChildIsReferredToChildProtectionAndAnAdultIsOutsideThatLaw(LocalDate born, LocalDate decided, boolean child) {
        Facts facts = FactsMother.siti().birthDate(born).build();
        RuleSet law = CATALOG.inForce("child-special-protection", decided).orElseThrow();

        assertThat(law.covers(facts, decided)).isEqualTo(child);
        assertThat(law.referral()).isEqualTo(new RuleSet.Referral("CHILD_PROTECTION", "UPTD_PPA"));
        assertThat(law.criteria())
                .as("the referral reads the age only, never why the child came home")
                .flatExtracting(RuleSet.Criterion::inputs)
                .containsOnly("ageAtRelevantDate");
        if (child) {
            Evaluation evaluation = ENGINE.evaluate(law, facts, decided);
            assertThat(evaluation.outcome()).isEqualTo(Outcome.ELIGIBLE);
            assertThat(evaluation.entitlements()).containsExactly("CHILD_PROTECTION_REFERRAL");
        }
    }

    @ParameterizedTest(name = "no migrant-worker law was in force for a decision on {0}")
    @CsvSource({"2004-10-17", "1999-01-01"})
    void noLawBeforeLaw39Of2004(LocalDate decided) {
        assertThat(CATALOG.inForce("migrant-worker-protection", decided)).isEmpty();
    }
}

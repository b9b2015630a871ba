package id.go.kemensos.returnee.eligibility.rules;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kemensos.returnee.contracts.eligibility.CriterionOutcome;
import id.go.kemensos.returnee.contracts.eligibility.Outcome;
import java.time.LocalDate;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Criteria C1 to C9 of the business-stimulant grant (the grant rule set in src/main/resources/rulesets), one fact
 * changed per row.
 */
class StimulantGrantRulesTest {

    private static final RuleEngine ENGINE = new RuleEngine();
    private static final RuleSetCatalog CATALOG = RuleSetCatalog.load(null, ENGINE);
    private static final String GRANT = "bantuan-stimulan-usaha";

    static Stream<Arguments> oneFactChanged() {
        return Stream.of(
                row("all criteria met", b -> b, Outcome.ELIGIBLE, null, null),
                row(
                        "C1 NIK not validated",
                        b -> b.nikValidated(false),
                        Outcome.INELIGIBLE,
                        "C1",
                        CriterionOutcome.Result.FAILED),
                row(
                        "C2 trafficking victim referred by the police",
                        b -> b.category("KPO").referralSource("POLRI"),
                        Outcome.ELIGIBLE,
                        null,
                        null),
                row(
                        "C2 trafficking victim without referral",
                        b -> b.category("KPO").referralSource(null),
                        Outcome.NEEDS_REVIEW,
                        "C2",
                        CriterionOutcome.Result.UNKNOWN),
                row(
                        "C2 referral from no recognised body",
                        b -> b.referralSource("TETANGGA"),
                        Outcome.NEEDS_REVIEW,
                        "C2",
                        CriterionOutcome.Result.FAILED),
                row(
                        "C2 other PPKS assessed by Dinsos",
                        b -> b.category("OTHER_PPKS").referralSource("DINSOS"),
                        Outcome.ELIGIBLE,
                        null,
                        null),
                row(
                        "C3 return date after registration",
                        b -> b.returnDate(LocalDate.of(2026, 12, 1)),
                        Outcome.INELIGIBLE,
                        "C3",
                        CriterionOutcome.Result.FAILED),
                row(
                        "C3 no return date",
                        b -> b.returnDate(null),
                        Outcome.NEEDS_REVIEW,
                        "C3",
                        CriterionOutcome.Result.UNKNOWN),
                row(
                        "C4 not in DTKS",
                        b -> b.dtksListed(false),
                        Outcome.INELIGIBLE,
                        "C4",
                        CriterionOutcome.Result.FAILED),
                row(
                        "C4 DTKS status unknown",
                        b -> b.dtksListed(null),
                        Outcome.NEEDS_REVIEW,
                        "C4",
                        CriterionOutcome.Result.UNKNOWN),
                row(
                        "C5 account in another name",
                        b -> b.accountHolderName("AHMAD FAUZI"),
                        Outcome.NEEDS_REVIEW,
                        "C5",
                        CriterionOutcome.Result.FAILED),
                row(
                        "C5 holder name spelled with punctuation",
                        b -> b.accountHolderName("siti  aminah."),
                        Outcome.ELIGIBLE,
                        null,
                        null),
                // The bank check's rule: a Hajj title or the words in another order are the same person there, so here
                // too.
                row(
                        "C5 holder name with a Hajj title",
                        b -> b.accountHolderName("HJ. SITI AMINAH"),
                        Outcome.ELIGIBLE,
                        null,
                        null),
                row(
                        "C5 holder name in another order",
                        b -> b.accountHolderName("AMINAH SITI"),
                        Outcome.ELIGIBLE,
                        null,
                        null),
                row(
                        "C6 no social guidance yet",
                        b -> b.attendedSocialGuidance(false),
                        Outcome.NEEDS_REVIEW,
                        "C6",
                        CriterionOutcome.Result.FAILED),
                row(
                        "C7 paid in this program year",
                        b -> b.paidGrants(Set.of("BSU/2026")),
                        Outcome.INELIGIBLE,
                        "C7",
                        CriterionOutcome.Result.FAILED),
                row("C7 paid in 2019 only", b -> b.paidGrants(Set.of("BSU/2019")), Outcome.ELIGIBLE, null, null),
                row(
                        "C8 17 years old",
                        b -> b.birthDate(LocalDate.of(2009, 11, 23)),
                        Outcome.INELIGIBLE,
                        "C8",
                        CriterionOutcome.Result.FAILED),
                row("C8 18 today", b -> b.birthDate(LocalDate.of(2008, 11, 22)), Outcome.ELIGIBLE, null, null),
                row(
                        "C8 born 29 February, 18 on 1 March of a common year",
                        b -> b.birthDate(LocalDate.of(2008, 2, 29)).registrationDate(LocalDate.of(2026, 3, 1)),
                        Outcome.ELIGIBLE,
                        null,
                        null),
                row(
                        "C8 born 29 February, still 17 on 28 February",
                        b -> b.birthDate(LocalDate.of(2008, 2, 29)).registrationDate(LocalDate.of(2026, 2, 28)),
                        Outcome.INELIGIBLE,
                        "C8",
                        CriterionOutcome.Result.FAILED),
                row(
                        "ineligible beats review",
                        b -> b.dtksListed(false).attendedSocialGuidance(false),
                        Outcome.INELIGIBLE,
                        "C4",
                        CriterionOutcome.Result.FAILED));
    }

    private static Arguments row(
            String name,
            UnaryOperator<FactsMother.Builder> change,
            Outcome outcome,
            String criterion,
            CriterionOutcome.Result result) {
        return Arguments.of(name, change.apply(FactsMother.siti()).build(), outcome, criterion, result);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneFactChanged")
    void decidesEachCriterion(
            String name, Facts facts, Outcome outcome, String criterion, CriterionOutcome.Result result) {
        RuleSet rules = CATALOG.inForce(GRANT, facts.registrationDate()).orElseThrow();
        Evaluation evaluation = ENGINE.evaluate(rules, facts);

        assertThat(evaluation.outcome()).isEqualTo(outcome);
        if (criterion != null) {
            assertThat(evaluation.criteria())
                    .filteredOn(c -> c.id().equals(criterion))
                    .singleElement()
                    .satisfies(c -> assertThat(c.result()).isEqualTo(result));
        }
        if (outcome == Outcome.ELIGIBLE) {
            assertThat(evaluation.grantAmount()).isEqualTo(960_000);
            assertThat(evaluation.entitlements()).contains("BUSINESS_STIMULANT_GRANT");
            assertThat(evaluation.notPassed()).isEmpty();
        } else {
            assertThat(evaluation.grantAmount()).isZero();
            assertThat(evaluation.entitlements()).isEmpty();
        }
    }

    /** From 1 December 2026 (version 2026.2) poverty is the household's DTSEN decile against the program's threshold. */
    @ParameterizedTest(name = "{0} {1} in decile {2}: {3}, C4 {4}")
    @CsvSource(nullValues = "null", textBlock = """
            returned worker, PMI_PURNA,     2,    ELIGIBLE,     null
            returned worker, PMI_PURNA,     5,    ELIGIBLE,     null
            returned worker, PMI_PURNA,     6,    INELIGIBLE,   FAILED
            returned worker, PMI_PURNA,     null, NEEDS_REVIEW, UNKNOWN
            survivor,        KPO,           8,    NEEDS_REVIEW, FAILED
            deportee,        PMIB_DEPORTEE, 10,   NEEDS_REVIEW, FAILED
            other PPKS,      OTHER_PPKS,    7,    INELIGIBLE,   FAILED
            """)
    void theDtsenDecileDecidesPovertyAndASurvivorAboveTheThresholdIsReviewedNotRefused(
            String who, String category, Integer decile, Outcome outcome, CriterionOutcome.Result c4) {
        Facts facts = FactsMother.siti()
                .category(category)
                .referralSource("DINSOS")
                .dtsenDecile(decile)
                .dtksListed(false) // DTKS no longer counts from 2026.2
                .registrationDate(LocalDate.of(2026, 12, 5))
                .build();
        RuleSet rules = CATALOG.inForce(GRANT, facts.registrationDate()).orElseThrow();

        Evaluation evaluation = ENGINE.evaluate(rules, facts);

        assertThat(rules.version()).isEqualTo("2026.2");
        assertThat(evaluation.outcome()).as(who).isEqualTo(outcome);
        CriterionResult poverty = evaluation.criteria().stream()
                .filter(c -> c.id().equals("C4"))
                .findFirst()
                .orElseThrow();
        assertThat(poverty.result()).isEqualTo(c4 == null ? CriterionOutcome.Result.PASSED : c4);
        assertThat(poverty.inputs()).containsEntry("dtsenDecile", decile);
        if (outcome == Outcome.NEEDS_REVIEW && c4 == CriterionOutcome.Result.FAILED) {
            assertThat(poverty.onFail())
                    .as("this person's failure goes to an officer")
                    .isEqualTo(RuleSet.OnFail.REVIEW);
        }
    }

    @Test
    void everyTargetGroupOfTheGrantNamesTheArticleItRestsOn() {
        RuleSet grant = CATALOG.inForce(GRANT, LocalDate.of(2026, 12, 5)).orElseThrow();

        assertThat(grant.parameters().get("targetGroups"))
                .asInstanceOf(InstanceOfAssertFactories.map(String.class, String.class))
                .containsOnlyKeys("KPO", "PMIB_DEPORTEE", "PMI_PURNA", "OTHER_PPKS")
                .containsEntry(
                        "PMI_PURNA", "UU 18/2017 Pasal 24 ayat (1) huruf e (pemberdayaan PMI purna dan keluarganya)")
                .allSatisfy((group, basis) -> assertThat(basis).matches("UU \\d+/\\d{4} Pasal .+"));
        Facts outsider = FactsMother.siti()
                .category("WNI_LAINNYA")
                .registrationDate(LocalDate.of(2026, 12, 5))
                .build();
        assertThat(ENGINE.evaluate(grant, outsider).notPassed())
                .as("a group without a basis is not in the program")
                .contains("C2:FAILED");
    }

    /** From 6 December 2026 (version 2026.3) nobody is refused for want of a bank account: they are paid at a post office. */
    @Test
    void withoutABankAccountTheGrantIsStillDueAndAnAccountGivenMustBeTheirOwn() {
        Facts noAccount = FactsMother.siti()
                .withoutAccount()
                .registrationDate(LocalDate.of(2026, 12, 6))
                .build();
        RuleSet rules = CATALOG.inForce(GRANT, noAccount.registrationDate()).orElseThrow();
        assertThat(rules.version()).isEqualTo("2026.3");

        Evaluation evaluation = ENGINE.evaluate(rules, noAccount);

        assertThat(evaluation.outcome()).isEqualTo(Outcome.ELIGIBLE);
        CriterionResult account = evaluation.criteria().stream()
                .filter(c -> c.id().equals("C5"))
                .findFirst()
                .orElseThrow();
        assertThat(account.result()).isEqualTo(CriterionOutcome.Result.PASSED);
        assertThat(account.inputs()).containsEntry("bankCode", null);

        Facts someoneElses = FactsMother.siti()
                .accountHolderName("BAIQ NURUL")
                .registrationDate(LocalDate.of(2026, 12, 6))
                .build();
        assertThat(ENGINE.evaluate(rules, someoneElses).notPassed())
                .as("an account given is still checked: the holder must be the person")
                .containsExactly("C5:FAILED");
        assertThat(ENGINE.evaluate(
                                CATALOG.inForce(GRANT, LocalDate.of(2026, 12, 5))
                                        .orElseThrow(),
                                noAccount)
                        .outcome())
                .as("under 2026.2 an account was a condition: without one, an officer looked")
                .isEqualTo(Outcome.NEEDS_REVIEW);
    }

    /**
     * From 7 December 2026 (version 2026.4) a returned worker's family member on the worker's family card is in the
     * grant's target groups, once the worker is registered; before the worker is, an officer looks (C9).
     */
    @ParameterizedTest(name = "a family member whose household's worker is registered: {0} -> {1}")
    @CsvSource(
            nullValues = "null",
            value = {"true, ELIGIBLE", "false, NEEDS_REVIEW", "null, NEEDS_REVIEW"})
    void aWorkersFamilyMemberIsInTheGrantOnceTheWorkerIsRegistered(Boolean workerRegistered, Outcome outcome) {
        Facts wife = FactsMother.siti()
                .category("KELUARGA_PMI")
                .familyHasReturnedWorker(workerRegistered)
                .registrationDate(LocalDate.of(2026, 12, 7))
                .build();
        RuleSet rules = CATALOG.inForce(GRANT, wife.registrationDate()).orElseThrow();
        assertThat(rules.version()).isEqualTo("2026.4");

        Evaluation evaluation = ENGINE.evaluate(rules, wife);

        assertThat(evaluation.outcome()).isEqualTo(outcome);
        assertThat(evaluation.grantAmount()).isEqualTo(outcome == Outcome.ELIGIBLE ? 960_000 : 0);
        assertThat(ENGINE.evaluate(
                                rules,
                                FactsMother.siti()
                                        .registrationDate(LocalDate.of(2026, 12, 7))
                                        .build())
                        .outcome())
                .as("C9 asks nothing of a returnee")
                .isEqualTo(Outcome.ELIGIBLE);
        assertThat(ENGINE.evaluate(
                                CATALOG.inForce(GRANT, LocalDate.of(2026, 12, 6))
                                        .orElseThrow(),
                                wife)
                        .notPassed())
                .as("under 2026.3 a family member was in no target group")
                .contains("C2:FAILED");
    }

    @Test
    void aRegistrationBeforeDecemberKeepsTheDtksRuleOf2026_1() {
        Facts facts = FactsMother.siti().dtksListed(true).dtsenDecile(9).build(); // registered 22 November
        RuleSet rules = CATALOG.inForce(GRANT, facts.registrationDate()).orElseThrow();

        assertThat(rules.version()).isEqualTo("2026.1");
        assertThat(ENGINE.evaluate(rules, facts).outcome()).isEqualTo(Outcome.ELIGIBLE);
    }

    @Test
    void menAndWomenAreEquallyEligible() {
        Evaluation woman = ENGINE.evaluate(
                CATALOG.inForce(GRANT, LocalDate.of(2026, 11, 22)).orElseThrow(),
                FactsMother.siti().sex("FEMALE").build());
        Evaluation man = ENGINE.evaluate(
                CATALOG.inForce(GRANT, LocalDate.of(2026, 11, 22)).orElseThrow(),
                FactsMother.siti().sex("MALE").build());

        assertThat(man.outcome()).isEqualTo(woman.outcome()).isEqualTo(Outcome.ELIGIBLE);
        assertThat(man.criteria())
                .extracting(CriterionResult::result)
                .isEqualTo(
                        woman.criteria().stream().map(CriterionResult::result).toList());
        assertThat(woman.criteria()).allSatisfy(c -> assertThat(c.inputs()).doesNotContainKey("sex"));
    }

    @Test
    void theProgramYearIsChosenByTheRegistrationDate() {
        assertThat(CATALOG.inForce(GRANT, LocalDate.of(2019, 10, 1))
                        .orElseThrow()
                        .version())
                .isEqualTo("2019.1");
        assertThat(CATALOG.inForce(GRANT, LocalDate.of(2026, 11, 22))
                        .orElseThrow()
                        .cycleId())
                .isEqualTo("2026");
        assertThat(CATALOG.inForce(GRANT, LocalDate.of(2021, 5, 1)))
                .as("no program that year")
                .isEmpty();
    }

    @Test
    void theSameFactsAndRulesAlwaysGiveTheSameDecision() {
        RuleSet rules = CATALOG.inForce(GRANT, LocalDate.of(2026, 11, 22)).orElseThrow();
        Facts review = FactsMother.siti()
                .accountHolderName("AHMAD FAUZI")
                .attendedSocialGuidance(false)
                .build();

        Evaluation first = ENGINE.evaluate(rules, review);
        for (int i = 0; i < 1_000; i++) {
            assertThat(new RuleEngine().evaluate(rules, review)).isEqualTo(first);
        }
        assertThat(first.notPassed()).containsExactly("C5:FAILED", "C6:FAILED");
    }

    @Test
    void eachCriterionCitesItsLawAndShowsItsInputs() {
        Evaluation evaluation = ENGINE.evaluate(
                CATALOG.inForce(GRANT, LocalDate.of(2026, 11, 22)).orElseThrow(), FactsMother.sitiAminahDeportee());

        assertThat(evaluation.criteria())
                .extracting(CriterionResult::id)
                .containsExactly("C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8");
        assertThat(evaluation.criteria()).allSatisfy(c -> {
            assertThat(c.citation()).isNotBlank();
            assertThat(c.description().id()).isNotBlank();
            assertThat(c.description().en()).isNotBlank();
        });
        assertThat(evaluation.criteria().get(7).inputs()).containsEntry("ageAtRelevantDate", 36);
        assertThat(evaluation.parameters()).containsEntry("minimumAge", 18);
    }
}

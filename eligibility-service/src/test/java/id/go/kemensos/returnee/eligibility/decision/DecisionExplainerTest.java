package id.go.kemensos.returnee.eligibility.decision;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kemensos.returnee.contracts.eligibility.Outcome;
import id.go.kemensos.returnee.eligibility.rules.Evaluation;
import id.go.kemensos.returnee.eligibility.rules.Facts;
import id.go.kemensos.returnee.eligibility.rules.FactsForTests;
import id.go.kemensos.returnee.eligibility.rules.RuleEngine;
import id.go.kemensos.returnee.eligibility.rules.RuleSet;
import id.go.kemensos.returnee.eligibility.rules.RuleSetCatalog;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A decision in words: what an officer reads out, and what an auditor checks against the stored inputs. */
class DecisionExplainerTest {

    private static final RuleEngine ENGINE = new RuleEngine();
    private static final RuleSetCatalog CATALOG = RuleSetCatalog.load(null, ENGINE);
    private static final LocalDate REGISTERED = LocalDate.of(2026, 11, 22);

    @Test
    void anEligibleDecisionNamesTheRulesTheLawEachCriterionAndTheAmount() {
        Decision decision = decided(FactsForTests.sitiAminahDeportee(), null);

        String id = DecisionExplainer.explain(decision, true);
        String en = DecisionExplainer.explain(decision, false);

        assertThat(id)
                .contains(
                        "LAYAK",
                        "bantuan-stimulan-usaha versi 2026.1",
                        "UU 11/2009 Pasal 7",
                        "tanggal pendaftaran 2026-11-22",
                        "C8 Berusia paling rendah 18 tahun: terpenuhi",
                        "ageAtRelevantDate=36",
                        "minimumAge=18",
                        "Rp 960.000");
        assertThat(en)
                .contains(
                        "ELIGIBLE",
                        "version 2026.1",
                        "registration date 2026-11-22",
                        "C5 A bank account in the returnee's own name: PASSED");
    }

    @Test
    void aCaseForReviewSaysWhichCriterionFailedAndThatAnOfficerMustLook() {
        Decision decision = decided(
                FactsForTests.sitiWithAccountOf("AHMAD FAUZI"),
                new Decision.Override(
                        UUID.randomUUID(),
                        Outcome.ELIGIBLE,
                        960_000,
                        "Rekening bersama, buku tabungan diperiksa",
                        "dinsos.ntb.07",
                        Instant.parse("2026-11-23T02:00:00Z")));

        String id = DecisionExplainer.explain(decision, true);

        assertThat(id)
                .contains(
                        "PERLU DITINJAU",
                        "C5 Rekening bank atas nama sendiri: tidak terpenuhi (perlu ditinjau petugas)",
                        "accountHolderMatchesName=false",
                        "Diputus ulang oleh petugas dinsos.ntb.07: LAYAK, alasan: Rekening bersama");
        assertThat(id).doesNotContain("Hak yang diberikan");
    }

    /** Need to know: whoever is not a protection officer reads the facts that identify a victim as [restricted]. */
    @Test
    void theFactsThatIdentifyAVictimAreWithheldFromEveryoneElse() {
        assertThat(CATALOG.protectedInputs())
                .as("declared by Law 21/2007's rule set")
                .containsExactlyInAnyOrder("category", "referralSource", "traffickingStatus");
        assertThat(CATALOG.all())
                .filteredOn(RuleSet::restricted)
                .extracting(RuleSet::id)
                .containsOnly("tppo-victim-services");
        Decision decision = decided(FactsForTests.sitiAminahDeportee(), null);
        assertThat(DecisionExplainer.explain(decision, false)).contains("category=PMIB_DEPORTEE");

        Decision withheld = decision.withheld(CATALOG.protectedInputs());
        String en = DecisionExplainer.explain(withheld, false);
        assertThat(en)
                .doesNotContain("category=PMIB_DEPORTEE")
                .contains("category=[restricted]", "ageAtRelevantDate=36");
        assertThat(withheld.outcome()).isEqualTo(decision.outcome());
        assertThat(withheld.explanation().criteria())
                .extracting(c -> c.result())
                .isEqualTo(decision.explanation().criteria().stream()
                        .map(c -> c.result())
                        .toList());
    }

    @Test
    void aLawSaysItWasChosenByTheDayOfTheDecision() {
        Facts facts = FactsForTests.deporteeReturnedOn(LocalDate.of(2016, 5, 10));
        LocalDate decidedOn = LocalDate.of(2026, 12, 6);
        String id = "migrant-worker-protection";
        RuleSet law = CATALOG.inForce(id, facts.dateFor(CATALOG.relevantDateOf(id), decidedOn))
                .orElseThrow();

        Decision decision = decision(law, ENGINE.evaluate(law, facts, decidedOn), decidedOn, null);

        assertThat(DecisionExplainer.explain(decision, true))
                .contains("versi UU-18-2017", "UU 18/2017 Pasal 24 ayat (1)", "tanggal keputusan 2026-12-06");
        assertThat(DecisionExplainer.explain(decision, false)).contains("decision date 2026-12-06");
    }

    private static Decision decided(Facts facts, Decision.Override override) {
        RuleSet rules = CATALOG.inForce("bantuan-stimulan-usaha", REGISTERED).orElseThrow();
        return decision(rules, ENGINE.evaluate(rules, facts), REGISTERED, override);
    }

    private static Decision decision(
            RuleSet rules, Evaluation evaluation, LocalDate relevant, Decision.Override override) {
        return new Decision(
                UUID.randomUUID(),
                UUID.randomUUID(),
                rules.programId(),
                rules.cycleId(),
                evaluation.outcome(),
                evaluation.grantAmount(),
                evaluation.entitlements(),
                rules.id(),
                rules.version(),
                evaluation.notPassed(),
                "52",
                "5202",
                null,
                null,
                Instant.parse("2026-11-22T03:00:00Z"),
                Explanation.of(evaluation, relevant),
                override,
                rules.restricted(),
                null);
    }
}

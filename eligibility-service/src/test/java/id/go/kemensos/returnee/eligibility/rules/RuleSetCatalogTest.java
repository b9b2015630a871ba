package id.go.kemensos.returnee.eligibility.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.kemensos.returnee.contracts.eligibility.Outcome;
import id.go.kemensos.returnee.contracts.program.ProgramCatalogue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rule sets are data: a new version dropped in the rules directory takes over from its effective date, without a
 * rebuild.
 */
class RuleSetCatalogTest {

    private static final RuleEngine ENGINE = new RuleEngine();

    @Test
    void aNewVersionInTheRulesDirectoryTakesOverFromItsEffectiveDate(@TempDir Path rules) throws IOException {
        String shipped = new String(
                getClass()
                        .getResourceAsStream("/rulesets/bantuan-stimulan-usaha-2026.yaml")
                        .readAllBytes(),
                StandardCharsets.UTF_8);
        Files.writeString(
                rules.resolve("bsu-2026.1b.yaml"),
                shipped.replace("version: \"2026.1\"", "version: \"2026.1b\"")
                        .replace("effectiveFrom: 2026-01-01", "effectiveFrom: 2026-07-01")
                        .replace("minimumAge: 18", "minimumAge: 21"));

        RuleSetCatalog catalog = RuleSetCatalog.load(rules, ENGINE);

        assertThat(catalog.inForce("bantuan-stimulan-usaha", LocalDate.of(2026, 6, 30))
                        .orElseThrow()
                        .version())
                .isEqualTo("2026.1");
        RuleSet july = catalog.inForce("bantuan-stimulan-usaha", LocalDate.of(2026, 7, 1))
                .orElseThrow();
        assertThat(july.version()).isEqualTo("2026.1b");
        Facts twenty = FactsMother.siti()
                .birthDate(LocalDate.of(2006, 1, 1))
                .registrationDate(LocalDate.of(2026, 11, 22))
                .build();
        assertThat(ENGINE.evaluate(july, twenty).outcome()).isEqualTo(Outcome.INELIGIBLE);
        assertThat(ENGINE.evaluate(
                                catalog.version("bantuan-stimulan-usaha", "2026.1")
                                        .orElseThrow(),
                                twenty)
                        .outcome())
                .isEqualTo(Outcome.ELIGIBLE);
    }

    @Test
    void refusesARuleThatReadsAnUnknownFact(@TempDir Path rules) throws IOException {
        Files.writeString(
                rules.resolve("typo.yaml"), oneCriterion("typo", "ageAtRelevantDat", "#ageAtRelevantDat >= 18"));

        assertThatThrownBy(() -> RuleSetCatalog.load(rules, ENGINE))
                .hasMessageContaining("unknown fact 'ageAtRelevantDat'");
    }

    @Test
    void refusesARuleThatDoesNotParse(@TempDir Path rules) throws IOException {
        Files.writeString(rules.resolve("broken.yaml"), oneCriterion("broken", "dtksListed", "#dtksListed >= ("));

        assertThatThrownBy(() -> RuleSetCatalog.load(rules, ENGINE)).isInstanceOf(RuntimeException.class);
    }

    @Test
    void aRuleCannotReachTypesOrRunCode(@TempDir Path rules) throws IOException {
        Files.writeString(
                rules.resolve("evil.yaml"),
                oneCriterion("evil", "dtksListed", "T(java.lang.Runtime).getRuntime().exec('true') != null"));
        RuleSetCatalog catalog = RuleSetCatalog.load(rules, ENGINE);

        assertThatThrownBy(() ->
                        ENGINE.evaluate(catalog.version("evil", "1").orElseThrow(), FactsMother.sitiAminahDeportee()))
                .hasMessageContaining("cannot be evaluated");
    }

    @Test
    void twoVersionsStartingTheSameDayAreAmbiguous(@TempDir Path rules) throws IOException {
        String shipped = new String(
                getClass()
                        .getResourceAsStream("/rulesets/bantuan-stimulan-usaha-2026.yaml")
                        .readAllBytes(),
                StandardCharsets.UTF_8);
        Files.writeString(rules.resolve("again.yaml"), shipped.replace("version: \"2026.1\"", "version: \"2026.1b\""));

        assertThatThrownBy(() -> RuleSetCatalog.load(rules, ENGINE)).hasMessageContaining("take effect on 2026-01-01");
    }

    @Test
    void theShippedProgramRuleSetsAreDeclaredWithAReasonForEachCriterion() {
        RuleSetCatalog catalog = RuleSetCatalog.load(null, ENGINE);

        catalog.requireDeclared(ProgramCatalogue.load(""));

        assertThat(catalog.all())
                .filteredOn(set -> set.kind() == RuleSet.Kind.PROGRAM)
                .extracting(RuleSet::programId)
                .containsOnly("BSU");
    }

    @Test
    void aProgramRuleSetNobodyDeclaredStopsTheStartNamingIt(@TempDir Path rules) throws IOException {
        Files.writeString(rules.resolve("klu.yaml"), regencyProgram());
        RuleSetCatalog catalog = RuleSetCatalog.load(rules, ENGINE);

        assertThatThrownBy(() -> catalog.requireDeclared(ProgramCatalogue.load("")))
                .hasMessageContaining("rule set bantuan-pemulihan-usaha-klu@2026.1 decides program BPU-KLU, "
                        + "which no programs/*.yaml declares");
    }

    @Test
    void aCriterionWithoutARefusalReasonStopsTheStartNamingIt(@TempDir Path rules, @TempDir Path programs)
            throws IOException {
        Files.writeString(rules.resolve("klu.yaml"), regencyProgram());
        Files.writeString(programs.resolve("BPU-KLU.yaml"), """
                programId: BPU-KLU
                ruleSet: bantuan-pemulihan-usaha-klu
                refusalReasons:
                  K1: {id: usia belum 18 tahun, en: under 18 years old}
                  K2: {id: sudah menerima bantuan ini}
                """);

        RuleSetCatalog catalog = RuleSetCatalog.load(rules, ENGINE);

        assertThatThrownBy(() -> catalog.requireDeclared(ProgramCatalogue.load(programs.toString())))
                .hasMessageContaining(
                        "BPU-KLU.yaml has no refusal reason for K2 (en) of bantuan-pemulihan-usaha-klu@2026.1");
    }

    @Test
    void aScopedProgramDecidesOnlyTheReturneesOfItsRegency(@TempDir Path rules) throws IOException {
        Files.writeString(rules.resolve("klu.yaml"), regencyProgram());
        RuleSet klu = RuleSetCatalog.load(rules, ENGINE)
                .inForce("bantuan-pemulihan-usaha-klu", LocalDate.of(2026, 11, 22))
                .orElseThrow();

        LocalDate day = LocalDate.of(2026, 11, 22);
        assertThat(klu.covers(FactsMother.siti().regencyCode("5208").build(), day))
                .isTrue();
        assertThat(klu.covers(FactsMother.siti().regencyCode("5202").build(), day))
                .isFalse();
        assertThat(RuleSetCatalog.load(null, ENGINE)
                        .inForce("bantuan-stimulan-usaha", day)
                        .orElseThrow()
                        .covers(FactsMother.siti().regencyCode("5202").build(), day))
                .as("no scope: the whole country")
                .isTrue();
    }

    @Test
    void aReviewConditionMayReadOnlyTheCriterionsInputsAndTheParameters(@TempDir Path rules) throws IOException {
        String grant = new String(
                getClass()
                        .getResourceAsStream("/rulesets/bantuan-stimulan-usaha-2026.2.yaml")
                        .readAllBytes(),
                StandardCharsets.UTF_8);
        Files.writeString(
                rules.resolve("peeking.yaml"),
                grant.replace("version: \"2026.2\"", "version: \"2026.2-peeking\"")
                        .replace("effectiveFrom: 2026-12-01", "effectiveFrom: 2026-12-02")
                        .replace("#reviewAboveThreshold.contains(#category)", "#referralSource == 'POLRI'"));

        assertThatThrownBy(() -> RuleSetCatalog.load(rules, ENGINE))
                .hasMessageContaining("C4's reviewWhen reads 'referralSource'");
    }

    @Test
    void aRestrictedLawCannotReferOnTheGeneralStream(@TempDir Path rules) throws IOException {
        String victims = new String(
                getClass().getResourceAsStream("/rulesets/uu-21-2007-tppo.yaml").readAllBytes(),
                StandardCharsets.UTF_8);
        Files.writeString(
                rules.resolve("tppo-referring.yaml"),
                victims.replace("version: UU-21-2007", "version: UU-21-2007-ref")
                        .replace("effectiveFrom: 2007-04-19", "effectiveFrom: 2026-12-01")
                        .replace("criteria:", "referral: {service: SHELTER, partnerType: RPTC}\ncriteria:"));

        assertThatThrownBy(() -> RuleSetCatalog.load(rules, ENGINE))
                .hasMessageContaining("tppo-victim-services@UU-21-2007-ref is restricted")
                .hasMessageContaining("cannot publish a referral on the general stream");
    }

    @Test
    void anOpenRuleSetCannotSingleOutVictimsByItsScope(@TempDir Path rules) throws IOException {
        Files.writeString(
                rules.resolve("victims-only.yaml"),
                regencyProgram().replace("  regencies: [\"5208\"]", "  categories: [KPO, PMIB_DEPORTEE]"));

        assertThatThrownBy(() -> RuleSetCatalog.load(rules, ENGINE))
                .hasMessageContaining("an open rule set may take in KPO only with every other returnee category");
    }

    /** A regency's own grant (made up for the tests): its own amount, two criteria, North Lombok only. */
    private static String regencyProgram() {
        return """
                id: bantuan-pemulihan-usaha-klu
                version: "2026.1"
                kind: PROGRAM
                effectiveFrom: 2026-01-01
                relevantDate: REGISTRATION_DATE
                scope:
                  regencies: ["5208"]
                program: {programId: BPU-KLU, cycle: "2026", amount: 1500000}
                criteria:
                  - id: K1
                    inputs: [ageAtRelevantDate]
                    rule: "#ageAtRelevantDate >= 18"
                  - id: K2
                    inputs: [alreadyPaidThisCycle]
                    rule: "!#alreadyPaidThisCycle"
                """;
    }

    /** A minimal rule set file with one criterion, for the refusal cases. */
    private static String oneCriterion(String id, String input, String rule) {
        return """
                id: %s
                version: "1"
                kind: PROGRAM
                effectiveFrom: 2026-01-01
                relevantDate: REGISTRATION_DATE
                criteria:
                  - id: X1
                    inputs: [%s]
                    rule: "%s"
                """.formatted(id, input, rule);
    }
}

package id.go.kemensos.returnee.contracts.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EligibilityDecidedTest {

    private static EligibilityDecided decided(List<String> failedCriteria, List<CriterionOutcome> criteria) {
        return new EligibilityDecided(
                UUID.randomUUID(),
                UUID.randomUUID(),
                "BSU",
                "2026",
                Outcome.INELIGIBLE,
                0,
                List.of(),
                "bantuan-stimulan-usaha",
                "2026.1",
                failedCriteria,
                "52",
                "5203",
                null,
                Instant.now(),
                List.of(),
                null,
                criteria);
    }

    @Test
    void theFirstFailedCriterionIsReadFromTheTypedTrace() {
        EligibilityDecided d = decided(
                List.of("C2:UNKNOWN", "C4:FAILED"),
                List.of(
                        new CriterionOutcome("C1", CriterionOutcome.Result.PASSED, "UU 23/2006", Map.of()),
                        new CriterionOutcome("C2", CriterionOutcome.Result.UNKNOWN, "UU 21/2007", Map.of()),
                        new CriterionOutcome("C4", CriterionOutcome.Result.FAILED, "Permensos 7/2021", Map.of())));
        assertThat(d.firstFailedCriterion()).contains("C4");
    }

    @Test
    void eventsWrittenBeforeTheTraceStillNameTheirFailedCriterion() {
        assertThat(decided(List.of("C2:UNKNOWN", "C8:FAILED"), null).firstFailedCriterion())
                .contains("C8");
        assertThat(decided(List.of("C2:UNKNOWN"), null).firstFailedCriterion()).isEmpty();
        assertThat(decided(null, null).firstFailedCriterion()).isEmpty();
    }
}

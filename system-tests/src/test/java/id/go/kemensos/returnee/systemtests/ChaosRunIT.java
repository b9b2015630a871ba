package id.go.kemensos.returnee.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kemensos.returnee.testsupport.PlatformIntegrationTest;
import id.go.kemensos.returnee.testsupport.RunningPlatform;
import id.go.kemensos.returnee.testsupport.chaos.ChaosPlan;
import id.go.kemensos.returnee.testsupport.chaos.ChaosReport;
import id.go.kemensos.returnee.testsupport.chaos.ChaosRun;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The brief chaos run in the suite: a list of 500 returnees uploaded while five services are killed (and started again
 * by the supervisor), the broker restarts, the bank fails 30% of its calls and is down for 20 s, and the SMS gateway
 * fails a fifth of its calls and loses a tenth of its receipts. Every invariant of the run's report must hold (the
 * bench's {@code chaos} command runs the full plan: 10,000 returnees, 20 kills, database and relay restarts too).
 */
@PlatformIntegrationTest
class ChaosRunIT {

    private static final long SEED = 20261206L;
    private static RunningPlatform platform;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.start();
    }

    @Test
    void everyReturneeAndEveryRupiahSurviveABriefBadDay() throws Exception {
        ChaosReport report = new ChaosRun(platform.stack(), platform.services(), System.out).run(ChaosPlan.brief(SEED));

        assertThat(report.checks()).hasSizeGreaterThan(20);
        assertThat(report.holds())
                .as(report.failed().stream()
                        .map(c -> c.name() + ": expected " + c.expected() + ", found " + c.found())
                        .collect(Collectors.joining("; ")))
                .isTrue();
    }
}

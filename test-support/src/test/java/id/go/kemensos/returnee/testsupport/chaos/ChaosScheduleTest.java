package id.go.kemensos.returnee.testsupport.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kemensos.returnee.infra.launcher.PlatformService;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChaosScheduleTest {

    @Test
    void theSameSeedGivesTheSameScheduleAndEveryDisruptionOfThePlan() {
        ChaosPlan plan = ChaosPlan.full(20261206);

        ChaosSchedule schedule = ChaosSchedule.of(plan);

        assertThat(ChaosSchedule.of(ChaosPlan.full(20261206))).isEqualTo(schedule);
        assertThat(ChaosSchedule.of(ChaosPlan.full(1))).isNotEqualTo(schedule);
        assertThat(schedule.count(ChaosSchedule.Kind.KILL_SERVICE)).isEqualTo(20);
        assertThat(schedule.count(ChaosSchedule.Kind.RESTART_BROKER)).isEqualTo(1);
        assertThat(schedule.count(ChaosSchedule.Kind.RESTART_DATABASE)).isEqualTo(1);
        assertThat(schedule.count(ChaosSchedule.Kind.RESTART_RELAY) + schedule.count(ChaosSchedule.Kind.KILL_RELAY))
                .isEqualTo(2);
        assertThat(schedule.count(ChaosSchedule.Kind.BANK_DOWN)).isEqualTo(1);
        assertThat(schedule.disruptions())
                .extracting(ChaosSchedule.Disruption::at)
                .isSorted()
                .allSatisfy(at -> assertThat(at).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(540)));
        List<PlatformService> targets = schedule.disruptions().stream()
                .filter(d -> d.kind() == ChaosSchedule.Kind.KILL_SERVICE)
                .map(ChaosSchedule.Disruption::target)
                .toList();
        assertThat(targets).doesNotContainNull().isSubsetOf(ChaosSchedule.TARGETS);
        assertThat(Set.copyOf(targets))
                .as("twenty kills spread over the services")
                .hasSizeGreaterThan(2);
    }

    @Test
    void aPlanWithoutOutageHasNoBankDowntime() {
        ChaosPlan brief = ChaosPlan.brief(7);
        ChaosPlan calm = new ChaosPlan(
                7,
                10,
                0,
                0,
                0,
                0,
                Duration.ZERO,
                Duration.ofSeconds(60),
                brief.bankFaults(),
                brief.smsFaults(),
                0,
                brief.timeout());

        assertThat(ChaosSchedule.of(calm).disruptions()).isEmpty();
        assertThat(ChaosSchedule.of(brief).count(ChaosSchedule.Kind.KILL_SERVICE))
                .isEqualTo(5);
    }
}

package id.go.kemensos.returnee.casework.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.kemensos.returnee.casework.reference.ProvinceCalendar;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class FollowUpScheduleTest {

    /** 16:30 UTC: still the 6th in Jakarta (23:30 WIB), already the 7th in Mataram (00:30 WITA) and Jayapura. */
    private static final Instant EVENING = Instant.parse("2026-12-06T16:30:00Z");

    private final FollowUpSchedule schedule = new FollowUpSchedule(
            "P1M, P3M,P6M,P12M", "P14D", new ProvinceCalendar(Clock.fixed(EVENING, ZoneOffset.UTC)));

    @Test
    void followUpsFallDueFromTheDayTheCaseOpenedInTheProvincesOwnTime() {
        assertThat(schedule.dueDates(EVENING, "31")) // DKI Jakarta, WIB
                .containsExactly(
                        LocalDate.parse("2027-01-06"),
                        LocalDate.parse("2027-03-06"),
                        LocalDate.parse("2027-06-06"),
                        LocalDate.parse("2027-12-06"));
        assertThat(schedule.dueDates(EVENING, "52")) // NTB, WITA
                .first()
                .isEqualTo(LocalDate.parse("2027-01-07"));
    }

    @Test
    void anOpenFollowUpIsOverdueOnceItsGraceHasPassed() {
        assertThat(schedule.today("52")).isEqualTo(LocalDate.parse("2026-12-07"));
        assertThat(schedule.overdueBefore("52")).isEqualTo(LocalDate.parse("2026-11-23"));
        assertThat(schedule.overdueBefore(null)).as("nationwide: WIB").isEqualTo(LocalDate.parse("2026-11-22"));
    }

    @Test
    void aScheduleThatIsNotPeriodsStopsTheStart() {
        assertThatThrownBy(() -> new FollowUpSchedule("1 month", "P14D", new ProvinceCalendar(Clock.systemUTC())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CASEWORK_FOLLOW_UPS")
                .hasMessageContaining("'1 month'");
    }
}

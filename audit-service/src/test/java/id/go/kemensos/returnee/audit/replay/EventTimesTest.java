package id.go.kemensos.returnee.audit.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

class EventTimesTest {

    @Test
    void readsWhatInstantWritesAtEveryPrecision() {
        for (String text : new String[] {
            "2026-11-22T20:57:01Z",
            "2026-11-22T20:57:01.1Z",
            "2026-11-22T20:57:01.123Z",
            "2026-11-22T20:57:01.123456Z",
            "2026-11-22T20:57:01.123456789Z",
            "2024-02-29T23:59:59.999999Z"
        }) {
            assertThat(EventTimes.parse(text)).as(text).isEqualTo(Instant.parse(text));
        }
    }

    @Test
    void takesOffsetsTheSlowWayAndRefusesNonsense() {
        assertThat(EventTimes.parse("2026-11-23T03:57:01.5+07:00")).isEqualTo(Instant.parse("2026-11-22T20:57:01.5Z"));
        assertThatThrownBy(() -> EventTimes.parse("2026-02-30T20:57:01Z"))
                .isInstanceOf(java.time.DateTimeException.class);
        assertThatThrownBy(() -> EventTimes.parse("2026-11-22T2x:57:01Z")).isInstanceOf(DateTimeParseException.class);
    }
}

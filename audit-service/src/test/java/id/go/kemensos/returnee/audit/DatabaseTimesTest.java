package id.go.kemensos.returnee.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DatabaseTimesTest {

    @Test
    void appendsWhatTheFormatterWrites() {
        Random random = new Random(7);
        Instant[] times = new Instant[1_000];
        times[0] = Instant.parse("2019-10-01T00:00:00Z");
        times[1] = Instant.parse("2024-02-29T23:59:59.999999999Z");
        times[2] = Instant.parse("0999-12-31T23:59:59.000001Z");
        times[3] = Instant.parse("+10000-01-01T00:00:00Z");
        for (int i = 4; i < times.length; i++) {
            times[i] = Instant.ofEpochSecond(
                    random.nextLong(-62_000_000_000L, 253_402_300_799L), random.nextInt(1_000_000_000));
        }
        for (Instant time : times) {
            StringBuilder appended = new StringBuilder("x");
            DatabaseTimes.appendMicroseconds(appended, time);
            assertThat(appended.toString()).as(time.toString()).isEqualTo("x" + DatabaseTimes.microseconds(time));
        }
    }
}

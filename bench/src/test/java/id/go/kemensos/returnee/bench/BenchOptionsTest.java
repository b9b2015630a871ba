package id.go.kemensos.returnee.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void withoutARateTheRegistrationsComeFromClientsInAClosedLoopAndNothingWarmsUp() {
        BenchOptions options = BenchOptions.parse("e2e", "--n=4000");

        assertThat(options.mode()).isEqualTo(BenchOptions.Mode.E2E);
        assertThat(options.returnees()).isEqualTo(4000);
        assertThat(options.clients()).isEqualTo(16);
        assertThat(options.offeredRate()).isZero();
        assertThat(options.warmup()).isZero();
    }

    @Test
    void anOfferedRateAndAWarmUpAreReadAsGiven() {
        BenchOptions options = BenchOptions.parse("e2e", "--n=1500", "--rate=50", "--warmup=1000");

        assertThat(options.offeredRate()).isEqualTo(50);
        assertThat(options.warmup()).isEqualTo(1000);
    }

    @Test
    void anUnknownOptionIsRefusedWithItsName() {
        assertThatThrownBy(() -> BenchOptions.parse("e2e", "--offered=50"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--offered=50");
    }

    @Test
    void latenciesAreNearestRankPercentilesOfEveryValue() {
        long[] millis = new long[100];
        for (int i = 0; i < 100; i++) {
            millis[i] = (100 - i) * 1_000_000L;
        }

        Latencies latencies = Latencies.of(millis);

        assertThat(latencies.count()).isEqualTo(100);
        assertThat(latencies.p50Nanos()).isEqualTo(50_000_000L);
        assertThat(latencies.p99Nanos()).isEqualTo(99_000_000L);
        assertThat(latencies.maxNanos()).isEqualTo(100_000_000L);
    }
}

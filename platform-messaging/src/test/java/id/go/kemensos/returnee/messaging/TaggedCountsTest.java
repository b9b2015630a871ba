package id.go.kemensos.returnee.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class TaggedCountsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void showsTheNamedValuesAtZeroAndFollowsTheOwnersCounts() {
        Map<String, Long> counts = new HashMap<>(Map.of("SENT", 3L));
        TaggedCounts payments =
                new TaggedCounts("platform.payments", "Payments", "state", List.of("SENT", "SETTLED"), () -> counts);
        payments.bindTo(registry);
        payments.refresh();
        assertThat(gauge("SENT")).isEqualTo(3);
        assertThat(gauge("SETTLED")).isZero();

        counts.clear();
        counts.put("SETTLED", 3L);
        counts.put("RETURNED", 1L);
        payments.refresh();
        assertThat(gauge("SENT")).isZero();
        assertThat(gauge("SETTLED")).isEqualTo(3);
        assertThat(gauge("RETURNED"))
                .as("a value not named up front shows when it occurs")
                .isEqualTo(1);
    }

    @Test
    void aFailingSourceKeepsTheLastValuesAndTheOthersAreStillRefreshed() {
        AtomicBoolean down = new AtomicBoolean();
        TaggedCounts payments = new TaggedCounts("platform.payments", "Payments", "state", List.of(), () -> {
            if (down.get()) {
                throw new IllegalStateException("database down");
            }
            return Map.of("SENT", 2L);
        });
        Map<String, Long> sms = new HashMap<>(Map.of("QUEUED", 1L));
        TaggedCounts messages = new TaggedCounts("platform.sms", "SMS", "state", List.of(), () -> sms);
        payments.bindTo(registry);
        messages.bindTo(registry);
        GaugeRefresh refresh = new GaugeRefresh(List.of(payments, messages));
        refresh.refresh();

        down.set(true);
        sms.put("QUEUED", 5L);
        refresh.refresh();
        assertThat(gauge("SENT")).isEqualTo(2);
        assertThat(registry.get("platform.sms").tag("state", "QUEUED").gauge().value())
                .isEqualTo(5);
    }

    private double gauge(String state) {
        return registry.get("platform.payments").tag("state", state).gauge().value();
    }
}

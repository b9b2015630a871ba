package id.go.kemensos.returnee.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A gauge per value of one tag, e.g. payments by state: the counts come from the owner of the state (its repository) at
 * each refresh. The values named up front are always shown, at 0 when there are none, so that an alert or a dashboard
 * panel does not depend on a series appearing.
 */
public class TaggedCounts implements MeterBinder, RefreshedGauge {

    private final String name;
    private final String description;
    private final String tag;
    private final List<String> alwaysShown;
    private final Supplier<Map<String, Long>> counts;
    private MultiGauge gauge;

    public TaggedCounts(
            String name, String description, String tag, List<String> alwaysShown, Supplier<Map<String, Long>> counts) {
        this.name = name;
        this.description = description;
        this.tag = tag;
        this.alwaysShown = List.copyOf(alwaysShown);
        this.counts = counts;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        gauge = MultiGauge.builder(name).description(description).register(registry);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void refresh() {
        if (gauge == null) {
            return; // not bound to a registry (no actuator)
        }
        Map<String, Long> shown = new LinkedHashMap<>();
        alwaysShown.forEach(value -> shown.put(value, 0L));
        shown.putAll(counts.get());
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        shown.forEach((value, count) -> rows.add(MultiGauge.Row.of(Tags.of(tag, value), count)));
        gauge.register(rows, true);
    }
}

package id.go.kemensos.returnee.messaging;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Refreshes every {@link RefreshedGauge} of the service on one schedule. A gauge whose source is down (the database or
 * the broker restarting) keeps its last value; the log says so once when it starts failing and once when it recovers.
 */
public class GaugeRefresh {

    private static final Logger log = LoggerFactory.getLogger(GaugeRefresh.class);

    private final List<RefreshedGauge> gauges;
    private final Set<String> failing = new HashSet<>();

    public GaugeRefresh(List<RefreshedGauge> gauges) {
        this.gauges = List.copyOf(gauges);
    }

    @Scheduled(
            fixedDelayString = "${platform.metrics.refresh-interval:PT15S}",
            initialDelayString = "${platform.metrics.refresh-interval:PT15S}")
    public void refresh() {
        for (RefreshedGauge gauge : gauges) {
            try {
                gauge.refresh();
                if (failing.remove(gauge.name())) {
                    log.info("Metric {} is refreshed again", gauge.name());
                }
            } catch (RuntimeException e) {
                if (failing.add(gauge.name())) {
                    log.warn(
                            "Metric {} keeps its last value until it can be read again: {}",
                            gauge.name(),
                            e.toString());
                }
            }
        }
    }
}

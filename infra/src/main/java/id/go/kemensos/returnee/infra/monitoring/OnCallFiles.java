package id.go.kemensos.returnee.infra.monitoring;

import id.go.kemensos.returnee.infra.stack.PlatformHome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What docker-compose's Prometheus and Grafana read (infra/production/prometheus, infra/production/grafana), for the
 * tests that hold them to what the services expose.
 */
public final class OnCallFiles {

    private static final Pattern METRIC = Pattern.compile("\\b((?:platform|kafka_consumer|resilience4j)_[a-z_]+)\\{");

    private final Path production;

    public OnCallFiles(PlatformHome home) {
        this.production = home.root().resolve("infra/production");
    }

    public Path prometheusDirectory() {
        return production.resolve("prometheus");
    }

    /** The platform's own metric names the alert rules and the dashboard query, e.g. {@code platform_payments}. */
    public Set<String> metricNamesRead() {
        Set<String> names = new TreeSet<>();
        for (String file : new String[] {"prometheus/alerts.yml", "grafana/dashboards/returnee-platform.json"}) {
            Matcher m = METRIC.matcher(read(file));
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    private String read(String file) {
        try {
            return Files.readString(production.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

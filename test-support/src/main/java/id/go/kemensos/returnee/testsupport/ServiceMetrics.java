package id.go.kemensos.returnee.testsupport;

import id.go.kemensos.returnee.infra.launcher.PlatformService;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** One scrape of a service's {@code /actuator/prometheus}, as the operator reads it, with the samples looked up. */
public final class ServiceMetrics {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})?\\s+(\\S+)");

    private final List<Matcher> samples;

    private ServiceMetrics(String exposition) {
        this.samples = exposition
                .lines()
                .filter(l -> !l.startsWith("#"))
                .map(SAMPLE::matcher)
                .filter(Matcher::find)
                .toList();
    }

    public static ServiceMetrics scrape(PlatformService service) {
        ServiceApi.Response response = new ServiceApi(service, OfficerLogin.ADMIN).get("/actuator/prometheus");
        if (response.status() != 200) {
            throw new IllegalStateException(
                    service.artifact() + "/actuator/prometheus answered HTTP " + response.status());
        }
        return new ServiceMetrics(response.text());
    }

    public Set<String> names() {
        Set<String> names = new TreeSet<>();
        samples.forEach(m -> names.add(m.group(1)));
        return names;
    }

    /**
     * The metric's samples that carry each of {@code labels} (e.g. {@code state="SETTLED"}; none: all), summed; empty
     * when there is none.
     */
    public OptionalDouble value(String metric, String... labels) {
        double sum = 0;
        boolean found = false;
        for (Matcher m : samples) {
            String carried = m.group(2) == null ? "" : m.group(2);
            if (m.group(1).equals(metric) && Stream.of(labels).allMatch(carried::contains)) {
                sum += Double.parseDouble(m.group(3));
                found = true;
            }
        }
        return found ? OptionalDouble.of(sum) : OptionalDouble.empty();
    }
}

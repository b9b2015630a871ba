package id.go.kemensos.returnee.infra.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kemensos.returnee.infra.launcher.PlatformService;
import id.go.kemensos.returnee.infra.stack.PlatformHome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The on-call files of docker-compose (infra/production/prometheus, infra/production/grafana) as Prometheus itself reads
 * them: Debian's promtool checks the configuration and the rules and runs every alert's test cases; every service with
 * an API is scraped; the dashboard reads the provisioned data source.
 */
class PrometheusFilesTest {

    private static final Path PRODUCTION = PlatformHome.locate().root().resolve("infra/production");
    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");

    @Test
    void promtoolAcceptsTheConfigurationAndTheRules() throws Exception {
        String config = promtool("check", "config", "prometheus/prometheus.yml");
        assertThat(config).contains("is valid prometheus config file syntax").contains("SUCCESS: 7 rules found");
    }

    @Test
    void everyAlertFiresOnItsTestSeriesAndOnlyThen() throws Exception {
        assertThat(promtool("test", "rules", "prometheus/alerts-test.yml")).contains("SUCCESS");
        Set<String> alerts = matches("(?m)^\\s+- alert: (\\w+)$", read("prometheus/alerts.yml"));
        String tests = read("prometheus/alerts-test.yml");
        assertThat(alerts).hasSize(7);
        for (String alert : alerts) {
            assertThat(tests)
                    .as("a test case where " + alert + " fires")
                    .containsPattern("alertname: " + alert + "\\s+exp_alerts:");
            assertThat(tests)
                    .as("a test case where " + alert + " stays silent (no exp_alerts, or an empty one)")
                    .containsPattern("alertname: " + alert
                            + "\\s*(\\n\\s*- eval_time|\\n\\s*\\n|\\n\\s*- interval|\\z|\\n\\s*exp_alerts: \\[])");
        }
    }

    @Test
    void everyServiceIsScrapedAsTheMetricsClient() throws IOException {
        String config = read("prometheus/prometheus.yml");
        for (PlatformService service : PlatformService.values()) {
            if (service.servesApi()) {
                assertThat(config)
                        .contains("- targets: [\"" + service.artifact() + ":8080\"]")
                        .contains("labels: { service: " + service.artifact() + " }");
            }
        }
        assertThat(config)
                .contains("metrics_path: /actuator/prometheus")
                .contains("client_id: metrics-scraper")
                .contains("client_secret_file: /run/secrets/metrics_scraper_secret");
        String compose = Files.readString(PRODUCTION.resolve("../docker-compose.yml"));
        assertThat(compose)
                .contains("./production/prometheus:/etc/prometheus:ro")
                .contains("./production/grafana/provisioning:/etc/grafana/provisioning:ro")
                .contains("./production/grafana/dashboards:/var/lib/grafana/dashboards:ro")
                .contains("metrics_scraper_secret: { file: ./production/secrets/metrics_scraper_secret }");
    }

    @Test
    void theDashboardReadsTheProvisionedPrometheus() throws IOException {
        String datasource = read("grafana/provisioning/datasources/prometheus.yml");
        Matcher uid = Pattern.compile("uid: (\\S+)").matcher(datasource);
        assertThat(uid.find()).isTrue();
        assertThat(read("grafana/provisioning/dashboards/returnee-platform.yml"))
                .contains("path: /var/lib/grafana/dashboards");
        JsonNode dashboard = JsonMapper.builder()
                .build()
                .readTree(PRODUCTION
                        .resolve("grafana/dashboards/returnee-platform.json")
                        .toFile());
        assertThat(dashboard.get("panels").size()).isGreaterThanOrEqualTo(8);
        for (JsonNode panel : dashboard.get("panels")) {
            assertThat(panel.at("/datasource/uid").asString())
                    .as(panel.get("title").asString())
                    .isEqualTo(uid.group(1));
            assertThat(panel.get("targets").get(0).get("expr").asString()).contains("job=\"returnee-platform\"");
        }
    }

    private static Set<String> matches(String regex, String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = Pattern.compile(regex).matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static String read(String file) throws IOException {
        return Files.readString(PRODUCTION.resolve(file));
    }

    private static String promtool(String... arguments) throws IOException, InterruptedException {
        assertThat(PROMTOOL)
                .as("promtool, from Debian's prometheus package (apt-get install prometheus; .ci/run installs it)")
                .isExecutable();
        List<String> command = new ArrayList<>(List.of(PROMTOOL.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command)
                .directory(PRODUCTION.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}

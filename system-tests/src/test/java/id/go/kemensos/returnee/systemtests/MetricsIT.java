package id.go.kemensos.returnee.systemtests;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.kemensos.returnee.infra.connect.KafkaConnectWorker;
import id.go.kemensos.returnee.infra.identity.DemoOfficers;
import id.go.kemensos.returnee.infra.identity.IdentityProvider;
import id.go.kemensos.returnee.infra.launcher.PlatformService;
import id.go.kemensos.returnee.infra.monitoring.OnCallFiles;
import id.go.kemensos.returnee.infra.stack.ManagedProcess;
import id.go.kemensos.returnee.infra.stack.PlatformHome;
import id.go.kemensos.returnee.testsupport.OfficerLogin;
import id.go.kemensos.returnee.testsupport.PlatformIntegrationTest;
import id.go.kemensos.returnee.testsupport.ReturneeMother;
import id.go.kemensos.returnee.testsupport.RunningPlatform;
import id.go.kemensos.returnee.testsupport.ServiceApi;
import id.go.kemensos.returnee.testsupport.ServiceMetrics;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the engineer on call sees, against the running stack: every service's /actuator/prometheus answers only the
 * metrics collector's service account (client credentials at Keycloak) and operators; it exposes every metric the alert
 * rules and the dashboard read, with values that follow the platform (payments by state as the ledger holds them, an
 * outbox lag that grows while the relay is stopped and returns to 0 after it); and Debian's Prometheus, started with
 * docker-compose's own configuration and rules pointed at this stack, logs in, scrapes all five services and loads
 * every rule.
 */
@PlatformIntegrationTest
class MetricsIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int PROMETHEUS_PORT = 9095;
    private static RunningPlatform platform;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.start();
    }

    @Test
    void onlyTheCollectorAndOperatorsReadTheMetrics() {
        String scraper = "Bearer " + DemoOfficers.local().metricsScraperToken();
        for (PlatformService service : apiServices()) {
            ServiceApi anonymous = platform.api(service, null);
            assertThat(anonymous.get("/actuator/prometheus").status())
                    .as(service + " anonymous")
                    .isEqualTo(401);
            assertThat(platform.api(service, OfficerLogin.AUDITOR)
                            .get("/actuator/prometheus")
                            .status())
                    .as(service + " as auditor")
                    .isEqualTo(403);
            assertThat(platform.api(service, OfficerLogin.ADMIN)
                            .get("/actuator/prometheus")
                            .status())
                    .as(service + " as operator")
                    .isEqualTo(200);
            assertThat(status(service, "/actuator/prometheus", scraper)).isEqualTo(200);
            for (String elsewhere : List.of("/actuator/metrics", "/actuator/deadletters", "/api/returnees")) {
                assertThat(status(service, elsewhere, scraper))
                        .as(service + elsewhere + " as the collector")
                        .isIn(403, 404);
            }
        }
    }

    @Test
    void theAlertsAndTheDashboardReadMetricsThatFollowThePlatform() {
        List<UUID> people = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            people.add(platform.registration().register(ReturneeMother.laluZainiLombokTimur()));
        }
        await().atMost(ofSeconds(120))
                .until(() -> platform.database()
                                .count("SELECT COUNT(*) FROM disbursement.payment_intent WHERE state = 'SETTLED' AND "
                                        + "beneficiary_id IN ('" + people.get(0) + "','" + people.get(1) + "','"
                                        + people.get(2) + "')")
                        == 3);
        assertThat(platform.audit().post("/api/ledger/verification", Map.of()).status())
                .isEqualTo(200);

        // The metrics are refreshed every 15 s: wait until the payments show as the ledger holds them.
        await().atMost(ofSeconds(60)).untilAsserted(() -> {
            long settled = platform.database()
                    .count("SELECT COUNT(*) FROM disbursement.payment_intent WHERE state = 'SETTLED'");
            assertThat(ServiceMetrics.scrape(PlatformService.DISBURSEMENT)
                            .value("platform_payments", "state=\"SETTLED\""))
                    .hasValue(settled);
        });

        for (PlatformService service : apiServices()) {
            // Refreshed every 15 s: a figure taken while the last payments' events were on their way may stand a while.
            await().atMost(ofSeconds(45))
                    .untilAsserted(() -> assertThat(ServiceMetrics.scrape(service)
                                    .value("platform_outbox_lag_seconds")
                                    .orElseThrow())
                            .as(service + ": nothing waits for the relay at rest")
                            .isLessThan(5));
        }
        Set<String> read = new OnCallFiles(PlatformHome.locate()).metricNamesRead();
        assertThat(read)
                .contains("platform_payments", "platform_outbox_lag_seconds", "resilience4j_circuitbreaker_state");
        // The Kafka clients' per-partition metrics are bound once a minute after their partitions are assigned.
        await().atMost(ofSeconds(90)).untilAsserted(() -> {
            Set<String> exposed = new TreeSet<>();
            apiServices()
                    .forEach(service ->
                            exposed.addAll(ServiceMetrics.scrape(service).names()));
            assertThat(exposed)
                    .as("what the alert rules and the dashboard read")
                    .containsAll(read);
        });
        assertThat(ServiceMetrics.scrape(PlatformService.AUDIT).value("platform_audit_chain_intact"))
                .hasValue(1);
        assertThat(ServiceMetrics.scrape(PlatformService.NOTIFICATION)
                        .value("platform_dead_letters_waiting", "topic=\"eligibility.events\""))
                .hasValue(0);
        assertThat(ServiceMetrics.scrape(PlatformService.DISBURSEMENT)
                        .value("resilience4j_circuitbreaker_state", "name=\"bank\"", "state=\"closed\""))
                .hasValue(1);
    }

    @Test
    void theOutboxLagGrowsWhileTheRelayIsStoppedAndFallsBackAfter() {
        KafkaConnectWorker relay = platform.stack().connect();
        relay.stop();
        try {
            platform.registration().register(ReturneeMother.laluZainiLombokTimur());
            await().atMost(ofSeconds(60))
                    .untilAsserted(() -> assertThat(ServiceMetrics.scrape(PlatformService.REGISTRATION)
                                    .value("platform_outbox_lag_seconds")
                                    .orElseThrow())
                            .isGreaterThan(5.0));
        } finally {
            relay.start();
        }
        await().atMost(ofSeconds(90))
                .untilAsserted(() -> assertThat(ServiceMetrics.scrape(PlatformService.REGISTRATION)
                                .value("platform_outbox_lag_seconds")
                                .orElseThrow())
                        .isLessThan(5.0));
    }

    @Test
    void composesPrometheusScrapesEveryServiceAndLoadsEveryRule() throws Exception {
        OnCallFiles files = new OnCallFiles(PlatformHome.locate());
        Path dir = PlatformHome.locate().workDir("prometheus-it");
        Path secret = dir.resolve("metrics_scraper_secret");
        Files.writeString(secret, DemoOfficers.local().metricsClientSecret());
        String config = Files.readString(files.prometheusDirectory().resolve("prometheus.yml"))
                .replace("/run/secrets/metrics_scraper_secret", secret.toString())
                .replace("http://keycloak:8080", IdentityProvider.baseUrl())
                .replace("- alerts.yml", "- " + files.prometheusDirectory().resolve("alerts.yml"));
        for (PlatformService service : apiServices()) {
            config = config.replace(service.artifact() + ":8080", "127.0.0.1:" + service.port());
        }
        Files.writeString(dir.resolve("prometheus.yml"), config);
        ManagedProcess prometheus = ManagedProcess.start(
                "prometheus",
                List.of(
                        "/usr/bin/prometheus",
                        "--config.file=" + dir.resolve("prometheus.yml"),
                        "--storage.tsdb.path=" + dir.resolve("data"),
                        "--web.listen-address=127.0.0.1:" + PROMETHEUS_PORT),
                dir,
                dir.resolve("prometheus.log"));
        try {
            prometheus.awaitPort(PROMETHEUS_PORT, Duration.ofSeconds(30));
            await().atMost(ofSeconds(90)).untilAsserted(() -> {
                JsonNode targets = prometheusApi("/api/v1/targets").at("/data/activeTargets");
                assertThat(targets.size()).isEqualTo(apiServices().size());
                for (JsonNode target : targets) {
                    assertThat(target.get("health").asString())
                            .as(target.at("/labels/service").asString() + ": "
                                    + target.get("lastError").asString())
                            .isEqualTo("up");
                }
            });
            JsonNode rules = prometheusApi("/api/v1/rules").at("/data/groups/0/rules");
            assertThat(rules.size()).isEqualTo(7);
            for (JsonNode rule : rules) {
                assertThat(rule.get("health").asString())
                        .as(rule.get("name").asString())
                        .isIn("ok", "unknown");
            }
            // A series appears at the first scrape after the service's first refresh of its gauges.
            await().atMost(ofSeconds(60))
                    .untilAsserted(() -> assertThat(prometheusApi("/api/v1/query?query="
                                            + URLEncoder.encode("sum(platform_payments)", StandardCharsets.UTF_8))
                                    .at("/data/result")
                                    .size())
                            .as("payments as Prometheus holds them")
                            .isEqualTo(1));
            JsonNode firing = prometheusApi("/api/v1/alerts").at("/data/alerts");
            List<String> names = new ArrayList<>();
            firing.forEach(a -> names.add(a.at("/labels/alertname").asString()));
            assertThat(names).as("nothing is wrong with this stack").doesNotContain("ServiceDown", "AuditChainBroken");
        } finally {
            prometheus.stop(Duration.ofSeconds(10));
        }
    }

    private static List<PlatformService> apiServices() {
        return List.of(PlatformService.values()).stream()
                .filter(PlatformService::servesApi)
                .toList();
    }

    private static JsonNode prometheusApi(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PROMETHEUS_PORT + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static int status(PlatformService service, String path, String authorization) {
        ServiceApi anonymous = platform.api(service, null);
        return anonymous
                .send(anonymous
                        .request(path)
                        .header("Authorization", authorization)
                        .GET()
                        .build())
                .status();
    }
}

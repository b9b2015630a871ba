package id.go.kemensos.returnee.systemtests;

import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.kemensos.returnee.infra.launcher.PlatformService;
import id.go.kemensos.returnee.testsupport.HostileFiles;
import id.go.kemensos.returnee.testsupport.HostileFiles.HostileFile;
import id.go.kemensos.returnee.testsupport.OfficerLogin;
import id.go.kemensos.returnee.testsupport.PlatformIntegrationTest;
import id.go.kemensos.returnee.testsupport.RegistrationApi;
import id.go.kemensos.returnee.testsupport.RunningPlatform;
import id.go.kemensos.returnee.testsupport.ServiceApi;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Broken and hostile files of every kind ({@link HostileFiles}, two seeds each) uploaded to the running service as a
 * clerk's browser sends them: never a 5xx, never a stuck upload; each refused at once with its reason, failed with one,
 * or completed with every row accounted for; and the service healthy afterwards with its heap within its limit.
 */
@PlatformIntegrationTest
class HostileUploadsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static RunningPlatform platform;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.start();
    }

    @Test
    void everyHostileUploadEndsRefusedOrAccountedForAndTheServiceStaysWell() {
        Map<UUID, HostileFile> accepted = new LinkedHashMap<>();
        int refusedAtOnce = 0;
        int taken = 0;
        for (HostileFiles.Kind kind : HostileFiles.Kind.values()) {
            for (long seed = 1; seed <= 2; seed++) {
                HostileFile file = HostileFiles.make(kind, seed);
                RegistrationApi.Response response = platform.registration().upload(file.bytes(), file.fileName(), "52");
                assertThat(response.status())
                        .as("%s: %s", file, response.body())
                        .isLessThan(500);
                if (response.status() == 202 || response.status() == 200) { // 200: the same bytes again, its upload
                    accepted.put(UUID.fromString(response.body().get("uploadId").asString()), file);
                    taken++;
                } else {
                    assertThat(response.status()).as("%s", file).isIn(400, 413, 415);
                    assertThat(response.body().get("detail").asString())
                            .as("%s", file)
                            .contains(" / ");
                    refusedAtOnce++;
                }
            }
        }

        Map<UUID, JsonNode> finished = new LinkedHashMap<>();
        await().atMost(ofMinutes(3)).untilAsserted(() -> {
            for (UUID uploadId : accepted.keySet()) {
                JsonNode status = platform.registration().uploadStatus(uploadId);
                if (status.get("status").asString().matches("COMPLETED|FAILED")) {
                    finished.put(uploadId, status);
                }
            }
            assertThat(finished.keySet()).as("uploads that ended").containsAll(accepted.keySet());
        });
        int completed = 0;
        for (Map.Entry<UUID, JsonNode> entry : finished.entrySet()) {
            HostileFile file = accepted.get(entry.getKey());
            JsonNode status = entry.getValue();
            if (status.get("status").asString().equals("FAILED")) {
                assertThat(status.get("failure").asString())
                        .as("%s", file)
                        .contains(" / ")
                        .doesNotContain("Exception");
            } else {
                completed++;
                long rows = status.get("rowsRead").asLong();
                assertThat(status.get("accepted").asLong()
                                + status.get("rejected").asLong()
                                + status.get("held").asLong())
                        .as("%s: accepted + rejected + held = rows read", file)
                        .isEqualTo(rows);
                if (file.rows() >= 0) {
                    assertThat(rows).as("%s: every row read", file).isEqualTo(file.rows());
                }
            }
        }
        assertThat(completed).as("some of them are lists to read").isPositive();
        assertThat(refusedAtOnce + taken).isEqualTo(HostileFiles.Kind.values().length * 2);

        ServiceApi admin = platform.api(PlatformService.REGISTRATION, OfficerLogin.ADMIN);
        assertThat(JSON.readTree(admin.get("/actuator/health").text())
                        .get("status")
                        .asString())
                .isEqualTo("UP");
        double used = metric(admin, "jvm.memory.used");
        double max = metric(admin, "jvm.memory.max");
        assertThat(used).as("heap used against its limit, bytes").isLessThan(max);
    }

    private static double metric(ServiceApi admin, String name) {
        JsonNode metric = JSON.readTree(
                admin.get("/actuator/metrics/" + name + "?tag=area:heap").text());
        return metric.get("measurements").get(0).get("value").asDouble();
    }
}

package id.go.kemensos.returnee.systemtests;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.kemensos.returnee.infra.launcher.PlatformService;
import id.go.kemensos.returnee.testsupport.OfficerLogin;
import id.go.kemensos.returnee.testsupport.PlatformIntegrationTest;
import id.go.kemensos.returnee.testsupport.RegistrationApi;
import id.go.kemensos.returnee.testsupport.ReturneeMother;
import id.go.kemensos.returnee.testsupport.RunningPlatform;
import id.go.kemensos.returnee.testsupport.ServiceApi;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Rows as uploaded are kept only until every row of the upload is decided plus the retention period (Law 27/2022): then
 * their values and NIKs are purged, the error report answers 410 saying when, and the upload's status and counts
 * remain.
 */
@PlatformIntegrationTest
class UploadRetentionIT {

    private static RunningPlatform platform;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.start();
    }

    @Test
    void rowsAsUploadedArePurgedAfterTheRetentionAndTheErrorReportSaysSo() {
        Map<String, Object> good = ReturneeMother.laluZainiLombokTimur();
        String csv = ReturneeMother.LIST_HEADER
                + ReturneeMother.listRow(good, (String) good.get("nik"))
                + ReturneeMother.listRow(ReturneeMother.laluZainiLombokTimur(), "52031234");
        RegistrationApi.Response upload =
                platform.registration().upload(csv.getBytes(StandardCharsets.UTF_8), "retention.csv", "52");
        assertThat(upload.status()).as("%s", upload.body()).isEqualTo(202);
        UUID uploadId = UUID.fromString(upload.body().get("uploadId").asString());
        await().atMost(ofSeconds(60))
                .until(
                        () -> platform.registration().uploadStatus(uploadId),
                        s -> "COMPLETED".equals(s.get("status").asString()));
        ServiceApi clerk = platform.api(PlatformService.REGISTRATION, OfficerLogin.CLERK_NTB);
        assertThat(clerk.get("/api/uploads/" + uploadId + "/error-report").status())
                .as("kept while the retention runs")
                .isEqualTo(200);
        assertThat(rawValuesKept(uploadId)).isEqualTo(2);

        platform.services().stop(PlatformService.REGISTRATION);
        try {
            platform.services()
                    .start(
                            PlatformService.REGISTRATION,
                            Map.of("UPLOAD_RAW_ROW_RETENTION", "PT0S", "UPLOAD_RETENTION_CHECK_INTERVAL", "PT1S"));
            ServiceApi.Response gone = await().atMost(ofSeconds(60))
                    .until(() -> clerk.get("/api/uploads/" + uploadId + "/error-report"), r -> r.status() == 410);
            assertThat(gone.body().get("detail").asString()).contains("dihapus pada", "purged on");
            assertThat(gone.body().get("purgedAt").asString()).isNotBlank();
            assertThat(rawValuesKept(uploadId))
                    .as("values and NIKs of every row")
                    .isZero();
            assertThat(platform.database()
                            .count("SELECT COUNT(*) FROM registration.upload_row WHERE upload_id = ?", uploadId))
                    .as("the rows' outcomes stay")
                    .isEqualTo(2);
            JsonNode status = platform.registration().uploadStatus(uploadId);
            assertThat(status.get("accepted").asLong()).isEqualTo(1);
            assertThat(status.get("rejected").asLong()).isEqualTo(1);
        } finally {
            platform.services().stop(PlatformService.REGISTRATION);
            platform.services().start(PlatformService.REGISTRATION);
        }
    }

    private static long rawValuesKept(UUID uploadId) {
        return platform.database()
                .count(
                        "SELECT COUNT(*) FROM registration.upload_row WHERE upload_id = ? "
                                + "AND (raw_values IS NOT NULL OR nik_index IS NOT NULL)",
                        uploadId);
    }
}

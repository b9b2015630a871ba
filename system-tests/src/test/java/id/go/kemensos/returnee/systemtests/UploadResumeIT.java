package id.go.kemensos.returnee.systemtests;

import static java.time.Duration.ofMillis;
import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.kemensos.returnee.infra.launcher.PlatformService;
import id.go.kemensos.returnee.testsupport.PlatformIntegrationTest;
import id.go.kemensos.returnee.testsupport.RegistrationApi;
import id.go.kemensos.returnee.testsupport.ReturneeMother;
import id.go.kemensos.returnee.testsupport.RunningPlatform;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * registration-service stops in the middle of a large upload and starts again: the upload resumes after its last
 * committed batch and ends with every row counted once and every accepted person registered once.
 */
@PlatformIntegrationTest
class UploadResumeIT {

    private static final int HELD_ROWS = 19_990;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static RunningPlatform platform;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.start();
    }

    @Test
    void anUploadInterruptedByARestartResumesWithoutLosingOrRepeatingRows() throws Exception {
        StringBuilder csv =
                new StringBuilder("nik,nama_sesuai_ktp,jenis_kelamin,tanggal_lahir,kabupaten_kota,no_hp,kategori,"
                        + "tanggal_kepulangan,kode_bank,no_rekening,nama_pemilik_rekening\n");
        int salt = ThreadLocalRandom.current().nextInt(10, 99);
        for (int i = 0; i < HELD_ROWS; i++) {
            // Well-formed rows that an officer must review (the NIK says male, the sheet says P): they load the upload
            // path fully but send nothing downstream.
            int day = 1 + i % 28;
            String nik = String.format("520201%02d%02d%02d%04d", day, 1 + i / 28 % 12, salt, 1 + i / 336 % 9999);
            csv.append(String.join(
                            ",",
                            nik,
                            "UJI MUAT " + i,
                            "P",
                            String.format("19%02d-%02d-%02d", salt, 1 + i / 28 % 12, day),
                            "LOMBOK TENGAH",
                            "081234567890",
                            "PMI_PURNA",
                            "02-09-2019",
                            "002",
                            "012301012345501",
                            "UJI MUAT"))
                    .append('\n');
        }
        for (int i = 0; i < 10; i++) {
            Map<String, Object> r = ReturneeMother.sitiAminahLombokTengah();
            csv.append(String.join(
                            ",",
                            (String) r.get("nik"),
                            "SITI AMINAH",
                            "P",
                            (String) r.get("birthDate"),
                            "LOMBOK TENGAH",
                            (String) r.get("phone"),
                            "PMIB_DEPORTEE",
                            "02-09-2019",
                            "002",
                            (String) r.get("accountNumber"),
                            "SITI AMINAH"))
                    .append('\n');
        }
        RegistrationApi.Response received =
                platform.registration().upload(csv.toString().getBytes(StandardCharsets.UTF_8), "besar.csv", "52");
        assertThat(received.status()).as("%s", received.body()).isEqualTo(202);
        UUID uploadId = UUID.fromString(received.body().get("uploadId").asString());

        await().atMost(ofMinutes(2))
                .pollInterval(ofMillis(100))
                .until(() -> platform.registration()
                                .uploadStatus(uploadId)
                                .get("rowsRead")
                                .asLong()
                        >= 1_000);
        platform.services().stop(PlatformService.REGISTRATION);
        JsonNode paused = row("SELECT status, rows_read FROM registration.upload WHERE upload_id = ?", uploadId);
        assertThat(paused.get("status").asString())
                .as("a shutdown pauses an upload, it does not fail it")
                .isEqualTo("PROCESSING");
        assertThat(paused.get("rows_read").asLong()).isLessThan(HELD_ROWS + 10);
        platform.services().start(PlatformService.REGISTRATION);

        JsonNode done = await().atMost(ofMinutes(3))
                .until(
                        () -> platform.registration().uploadStatus(uploadId),
                        s -> "COMPLETED".equals(s.get("status").asString()));
        assertThat(done.get("rowsRead").asLong()).isEqualTo(HELD_ROWS + 10);
        assertThat(done.get("held").asLong()).isEqualTo(HELD_ROWS);
        assertThat(done.get("accepted").asLong()).isEqualTo(10);
        assertThat(done.get("registered").asLong()).isEqualTo(10);
        assertThat(done.get("rejected").asLong()).isZero();
        assertThat(platform.database()
                        .count("SELECT COUNT(*) FROM registration.upload_row WHERE upload_id = ?", uploadId))
                .isEqualTo(HELD_ROWS + 10);
        assertThat(platform.database()
                        .count("SELECT COUNT(*) FROM registration.returnee WHERE upload_id = ?", uploadId))
                .isEqualTo(10);
    }

    private static JsonNode row(String sql, Object... params) {
        return JSON.valueToTree(platform.database().rows(sql, params).get(0));
    }
}

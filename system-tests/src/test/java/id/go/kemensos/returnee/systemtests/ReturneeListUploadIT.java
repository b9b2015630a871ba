package id.go.kemensos.returnee.systemtests;

import id.go.kemensos.returnee.contracts.registration.RegistrationTopics;
import id.go.kemensos.returnee.contracts.registration.UploadCompleted;
import id.go.kemensos.returnee.infra.launcher.PlatformService;
import id.go.kemensos.returnee.infra.sim.AcceptedSms;
import id.go.kemensos.returnee.testsupport.EventLog;
import id.go.kemensos.returnee.testsupport.PlatformIntegrationTest;
import id.go.kemensos.returnee.testsupport.RegistrationApi;
import id.go.kemensos.returnee.testsupport.ReturneeMother;
import id.go.kemensos.returnee.testsupport.RunningPlatform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An NTB clerk uploads a list mixing good, bad, duplicate and review rows: every row ends accepted, rejected or held, the
 * error report gives back exactly the rejected rows with their problems, the accepted people are registered and told by
 * SMS, and uploading the same file again registers nobody twice.
 */
@PlatformIntegrationTest
class ReturneeListUploadIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static RunningPlatform platform;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.start();
    }

    @Test
    void everyRowIsAcceptedRejectedOrHeldAndAReuploadIsANoOp() throws Exception {
        Map<String, Object> siti = ReturneeMother.sitiAminahLombokTengah();
        Map<String, Object> lalu = ReturneeMother.laluZainiLombokTimur();
        Map<String, Object> wrongSex = ReturneeMother.sitiAminahLombokTengah();
        Map<String, Object> noPhone = ReturneeMother.laluZainiLombokTimur();
        String csv = "\ufeffno;NIK;Nama Sesuai KTP;jenis_kelamin;tanggal_lahir;kabupaten_kota;no_hp;kategori;negara_tujuan;"
                + "tanggal_kepulangan;kode_bank;no_rekening;nama_pemilik_rekening;status_dtks;ikut_bimbingan;kolom_tambahan\r\n"
                + line(1, siti, (String) siti.get("nik"), "P", "LOMBOK TENGAH", (String) siti.get("phone"))
                + line(2, lalu, (String) lalu.get("nik"), "L", "LOMBOK TIMUR", (String) lalu.get("phone"))
                + line(3, siti, "520201550890001", "P", "LOMBOK TENGAH", "081299990000")
                + line(4, lalu, (String) siti.get("nik"), "P", "LOMBOK TENGAH", "081299990001")
                + line(5, wrongSex, (String) wrongSex.get("nik"), "L", "LOMBOK TENGAH", (String) wrongSex.get("phone"))
                + line(6, noPhone, (String) noPhone.get("nik"), "L", "LOMBOK TIMUR", "");
        byte[] file = csv.getBytes(StandardCharsets.UTF_8);

        RegistrationApi.Response first = platform.registration().upload(file, "ntb-returnees.csv", "52");
        assertThat(first.status()).as("%s", first.body()).isEqualTo(202);
        UUID uploadId = UUID.fromString(first.body().get("uploadId").asString());

        JsonNode done = await().atMost(ofSeconds(60)).until(() -> platform.registration().uploadStatus(uploadId), s -> "COMPLETED".equals(s.get("status").asString()));
        assertThat(done.get("rowsRead").asLong()).isEqualTo(6);
        assertThat(done.get("accepted").asLong()).isEqualTo(2);
        assertThat(done.get("rejected").asLong()).isEqualTo(3);
        assertThat(done.get("held").asLong()).isEqualTo(1);
        assertThat(done.get("registered").asLong()).isEqualTo(2);
        assertThat(done.get("unknownColumns").get(0).asString()).isEqualTo("kolom_tambahan");

        List<String> report = errorReport(uploadId);
        assertThat(report.get(0)).startsWith("\ufeffbaris,no,NIK,Nama Sesuai KTP").endsWith("masalah,problems");
        assertThat(report).hasSize(4);
        assertThat(report.get(1)).startsWith("4,3,520201550890001").contains("15 digit");
        assertThat(report.get(2)).startsWith("5,4," + siti.get("nik")).contains("baris 2").contains("row 2");
        assertThat(report.get(3)).startsWith("7,6,").contains("no_hp");

        await().atMost(ofSeconds(60)).untilAsserted(() -> {
            assertThat(platform.stack().sms().messagesTo(ReturneeMother.phoneE164(siti))).extracting(AcceptedSms::text)
                    .anySatisfy(text -> assertThat(text).contains("terdaftar"));
            assertThat(platform.stack().sms().messagesTo(ReturneeMother.phoneE164(lalu))).isNotEmpty();
        });
        assertThat(platform.stack().sms().messagesTo(ReturneeMother.phoneE164(wrongSex))).as("held, not registered").isEmpty();

        JsonNode listed = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(PlatformService.REGISTRATION.baseUrl()
                + "/api/returnees?provinceCode=52&uploadId=" + uploadId)).build(), HttpResponse.BodyHandlers.ofString()).body());
        assertThat(listed.get("total").asLong()).isEqualTo(2);
        assertThat(listed.get("items").get(0).get("nikMasked").asString()).contains("****");

        EventLog log = new EventLog(platform.stack().kafka().bootstrapServers());
        await().atMost(ofSeconds(30)).untilAsserted(() -> assertThat(log.cloudEvents(RegistrationTopics.EVENTS, uploadId.toString()))
                .singleElement().satisfies(event -> {
                    assertThat(event.getType()).isEqualTo(UploadCompleted.EVENT_TYPE.type());
                    JsonNode counts = JSON.readTree(event.getData().toBytes());
                    assertThat(counts.get("rows").asLong()).isEqualTo(6);
                    assertThat(counts.get("accepted").asLong() + counts.get("rejected").asLong() + counts.get("held").asLong()).isEqualTo(6);
                }));

        RegistrationApi.Response again = platform.registration().upload(file, "ntb-returnees.csv", "52");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("uploadId").asString()).isEqualTo(uploadId.toString());
        assertThat(platform.database().count("SELECT COUNT(*) FROM registration.returnee WHERE upload_id = ?", uploadId)).isEqualTo(2);
        assertThat(platform.database().count("SELECT COUNT(*) FROM registration.upload_row WHERE upload_id = ?", uploadId)).isEqualTo(6);
    }

    private static String line(int no, Map<String, Object> r, String nik, String sex, String regency, String phone) {
        String birth = (String) r.get("birthDate"); // ISO yyyy-MM-dd; the clerk's DD-MM-YYYY is used for the return date
        return String.join(";", String.valueOf(no), nik, (String) r.get("fullName"), sex, birth, regency, phone,
                (String) r.get("category"), "MY", "02-09-2019", (String) r.get("bankCode"), (String) r.get("accountNumber"),
                (String) r.get("accountHolderName"), "YA", "YA", "catatan") + "\r\n";
    }



    private static List<String> errorReport(UUID uploadId) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(PlatformService.REGISTRATION.baseUrl()
                + "/api/uploads/" + uploadId + "/error-report")).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body().lines().toList();
    }
}

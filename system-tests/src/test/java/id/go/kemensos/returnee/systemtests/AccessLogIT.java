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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every read of one person's personal data and every export is recorded by the service that served it, kept in the
 * ledger, and answered to auditors and the data protection officer: who (subject), when, in which service, what, whose
 * or which file.
 */
@PlatformIntegrationTest
class AccessLogIT {

    private static RunningPlatform platform;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.start();
    }

    @Test
    void readsOfAPersonAndExportsAreRecordedAndQueriedByPersonAndByOfficer() {
        UUID beneficiary = platform.registration().register(ReturneeMother.laluZainiLombokTimur());
        ServiceApi clerk = platform.api(PlatformService.REGISTRATION, OfficerLogin.CLERK_NTB);
        assertThat(clerk.get("/api/returnees/" + beneficiary).status()).isEqualTo(200);
        ServiceApi ministry = platform.api(PlatformService.ELIGIBILITY, OfficerLogin.MINISTRY);
        await().atMost(ofSeconds(60))
                .until(() -> ministry.get("/api/beneficiaries/" + beneficiary + "/decisions")
                                .body()
                                .size()
                        > 0);
        await().atMost(ofSeconds(60))
                .until(() -> platform.audit()
                                .get("/api/beneficiaries/" + beneficiary + "/timeline")
                                .status()
                        == 200);

        ServiceApi dpo = platform.api(PlatformService.AUDIT, OfficerLogin.DPO);
        JsonNode byPerson = await().atMost(ofSeconds(60))
                .until(
                        () -> dpo.get("/api/access-log?beneficiaryId=" + beneficiary)
                                .body(),
                        log -> actions(log).containsAll(List.of("READ_RETURNEE", "READ_DECISIONS", "READ_TIMELINE")));
        assertThat(byPerson.valueStream())
                .anySatisfy(entry -> {
                    assertThat(entry.get("action").asString()).isEqualTo("READ_RETURNEE");
                    assertThat(entry.get("officer").asString()).isEqualTo(OfficerSubjects.of(OfficerLogin.CLERK_NTB));
                    assertThat(entry.get("service").asString()).isEqualTo("registration-service");
                    assertThat(entry.get("resource").asString()).isEqualTo("/api/returnees/" + beneficiary);
                    assertThat(entry.get("at").asString()).isNotBlank();
                })
                .anySatisfy(entry -> {
                    assertThat(entry.get("action").asString()).isEqualTo("READ_TIMELINE");
                    assertThat(entry.get("officer").asString()).isEqualTo(OfficerSubjects.of(OfficerLogin.AUDITOR));
                    assertThat(entry.get("service").asString()).isEqualTo("audit-service");
                });
        assertThat(platform.audit()
                        .get("/api/beneficiaries/" + beneficiary + "/timeline")
                        .text())
                .as("reads are the access log's, not the person's history")
                .doesNotContain("PersonalDataAccessed");

        Map<String, Object> bad = ReturneeMother.laluZainiLombokTimur();
        String csv =
                "nik;nama_sesuai_ktp;jenis_kelamin;tanggal_lahir;kabupaten_kota;no_hp;kategori;tanggal_kepulangan;sumber_rujukan;"
                        + "kode_bank;no_rekening;nama_pemilik_rekening\r\n"
                        + "5203;" + bad.get("fullName") + ";L;01-01-1980;LOMBOK TIMUR;" + bad.get("phone")
                        + ";PMI_PURNA;02-09-2019;BP3MI;002;123;"
                        + bad.get("fullName") + "\r\n";
        RegistrationApi.Response upload =
                platform.registration().upload(csv.getBytes(StandardCharsets.UTF_8), "access-log.csv", "52");
        UUID uploadId = UUID.fromString(upload.body().get("uploadId").asString());
        await().atMost(ofSeconds(60))
                .until(
                        () -> platform.registration().uploadStatus(uploadId),
                        s -> "COMPLETED".equals(s.get("status").asString()));
        assertThat(clerk.get("/api/uploads/" + uploadId + "/error-report").status())
                .isEqualTo(200);

        String clerkSubject = OfficerSubjects.of(OfficerLogin.CLERK_NTB);
        JsonNode byClerk = await().atMost(ofSeconds(60))
                .until(
                        () -> platform.audit()
                                .get("/api/access-log?accessedBy=" + clerkSubject)
                                .body(),
                        log -> actions(log).contains("EXPORT_ERROR_REPORT"));
        assertThat(byClerk.valueStream())
                .allSatisfy(entry -> assertThat(entry.get("officer").asString()).isEqualTo(clerkSubject))
                .anySatisfy(entry -> {
                    assertThat(entry.get("action").asString()).isEqualTo("EXPORT_ERROR_REPORT");
                    assertThat(entry.get("resource").asString())
                            .isEqualTo("/api/uploads/" + uploadId + "/error-report");
                    assertThat(entry.get("detail").asString()).contains("1 rows of access-log.csv");
                });
        assertThat(byClerk.valueStream()
                        .filter(entry -> entry.hasNonNull("beneficiaryId"))
                        .map(entry -> entry.get("beneficiaryId").asString()))
                .as("the person the clerk read")
                .contains(beneficiary.toString());

        assertThat(platform.api(PlatformService.AUDIT, OfficerLogin.CLERK_NTB)
                        .get("/api/access-log?beneficiaryId=" + beneficiary)
                        .status())
                .as("a clerk does not read who read whom")
                .isEqualTo(403);
    }

    private static List<String> actions(JsonNode log) {
        return log == null || !log.isArray()
                ? List.of()
                : log.valueStream().map(e -> e.get("action").asString()).toList();
    }
}

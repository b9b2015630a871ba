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
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A provincial officer works in the province of their token and nowhere else: another province's person is not found
 * (not forbidden: their existence is not revealed), lists hold only the officer's province, naming another province is
 * refused, and a NIK registered in another province answers 409 without a word about that person.
 */
@PlatformIntegrationTest
class ProvinceBoundaryIT {

    private static RunningPlatform platform;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.start();
    }

    @Test
    void aClerkSeesAndChangesOnlyTheirOwnProvince() {
        Map<String, Object> siti = ReturneeMother.sitiAminahLombokTengah();
        RegistrationApi ntb = platform.registration().as(OfficerLogin.CLERK_NTB);
        RegistrationApi bali = platform.registration().as(OfficerLogin.CLERK_BALI);
        UUID beneficiary = ntb.register(siti);
        UUID nyoman = bali.register(ReturneeMother.nyomanSuartaDenpasar());

        assertThat(ntb.get("/api/returnees/" + beneficiary).status()).isEqualTo(200);
        assertThat(bali.get("/api/returnees/" + beneficiary).status())
                .as("another province's person is not found")
                .isEqualTo(404);
        assertThat(bali.amend(beneficiary, Map.of("phone", siti.get("phone"))).status())
                .isEqualTo(404);
        assertThat(platform.registration()
                        .as(OfficerLogin.MINISTRY)
                        .get("/api/returnees/" + beneficiary)
                        .status())
                .as("the ministry sees every province")
                .isEqualTo(200);

        assertThat(bali.get("/api/returnees?provinceCode=52").status())
                .as("asking openly for another province")
                .isEqualTo(403);
        assertThat(bali.get("/api/returnees?size=500")
                        .body()
                        .get("items")
                        .valueStream()
                        .toList())
                .as("a Bali clerk's list")
                .anyMatch(r -> r.get("beneficiaryId").asString().equals(nyoman.toString()))
                .allMatch(r -> r.get("provinceCode").asString().equals("51"));
        assertThat(ntb.get("/api/returnees?size=500")
                        .body()
                        .get("items")
                        .valueStream()
                        .anyMatch(r -> r.get("beneficiaryId").asString().equals(beneficiary.toString())))
                .isTrue();

        Map<String, Object> baliBody = new HashMap<>(siti);
        assertThat(bali.post(baliBody).status())
                .as("registering a person of another province")
                .isEqualTo(403);
        baliBody.put("provinceCode", "51");
        baliBody.put("regencyCode", "5171");
        RegistrationApi.Response duplicate = bali.post(baliBody);
        assertThat(duplicate.status())
                .as("the same NIK, already registered in NTB")
                .isEqualTo(409);
        assertThat(duplicate.body().toString())
                .doesNotContain(beneficiary.toString())
                .doesNotContain((String) siti.get("nik"))
                .doesNotContain("SITI")
                .doesNotContain((String) siti.get("accountNumber"));
        assertThat(ntb.post(siti).status())
                .as("the same NIK again in its own province: the existing person")
                .isEqualTo(200);

        await().atMost(ofSeconds(60))
                .untilAsserted(() -> assertThat(platform.api(PlatformService.ELIGIBILITY, OfficerLogin.CLERK_NTB)
                                .get("/api/beneficiaries/" + beneficiary + "/decisions")
                                .body()
                                .size())
                        .isPositive());
        ServiceApi baliEligibility = platform.api(PlatformService.ELIGIBILITY, OfficerLogin.CLERK_BALI);
        assertThat(baliEligibility
                        .get("/api/beneficiaries/" + beneficiary + "/decisions")
                        .body()
                        .size())
                .as("another province's decisions are not listed")
                .isZero();
        String decisionId = platform.api(PlatformService.ELIGIBILITY, OfficerLogin.CLERK_NTB)
                .get("/api/beneficiaries/" + beneficiary + "/decisions")
                .body()
                .get(0)
                .get("decisionId")
                .asString();
        assertThat(baliEligibility.get("/api/decisions/" + decisionId).status()).isEqualTo(404);
        assertThat(baliEligibility
                        .get("/api/decisions/" + decisionId + "/explanation")
                        .status())
                .isEqualTo(404);

        await().atMost(ofSeconds(60))
                .untilAsserted(() -> assertThat(platform.api(PlatformService.NOTIFICATION, OfficerLogin.CLERK_NTB)
                                .put("/api/contacts/" + beneficiary + "/preferences", Map.of("language", "id"))
                                .status())
                        .isEqualTo(200));
        assertThat(platform.api(PlatformService.NOTIFICATION, OfficerLogin.CLERK_BALI)
                        .put("/api/contacts/" + beneficiary + "/preferences", Map.of("optedOut", true))
                        .status())
                .as("another province's person's SMS wishes")
                .isEqualTo(404);
    }

    @Test
    void aClerksCountsAreTheirOwnProvincesOnlyAndTheMinistrySeesEvery() {
        platform.registration().register(ReturneeMother.sitiAminahLombokTengah());
        platform.registration().register(ReturneeMother.nyomanSuartaDenpasar());
        ServiceApi registration = platform.api(PlatformService.REGISTRATION, OfficerLogin.CLERK_BALI);
        ServiceApi disbursement = platform.api(PlatformService.DISBURSEMENT, OfficerLogin.CLERK_BALI);

        assertThat(registration.get("/api/reports/returnees?provinceCode=52").status())
                .as("asking openly for NTB")
                .isEqualTo(403);
        assertThat(registration
                        .get("/api/reports/returnees")
                        .body()
                        .valueStream()
                        .toList())
                .isNotEmpty()
                .allSatisfy(
                        row -> assertThat(row.get("provinceCode").asString()).isEqualTo("51"));
        assertThat(disbursement.get("/api/reports/payments?provinceCode=52").status())
                .as("asking openly for NTB")
                .isEqualTo(403);
        await().atMost(ofSeconds(60))
                .untilAsserted(() -> assertThat(disbursement
                                .get("/api/reports/payments?groupBy=province,state")
                                .body()
                                .valueStream()
                                .toList())
                        .isNotEmpty()
                        .allSatisfy(row ->
                                assertThat(row.get("province_code").asString()).isEqualTo("51")));
        assertThat(platform.api(PlatformService.REGISTRATION, OfficerLogin.MINISTRY)
                        .get("/api/reports/returnees")
                        .body()
                        .valueStream()
                        .map(row -> row.get("provinceCode").asString())
                        .distinct()
                        .toList())
                .as("nationwide")
                .contains("51", "52");
    }

    @Test
    void aClerkUploadsForTheirOwnProvinceOnly() {
        byte[] csv = "nik,nama_sesuai_ktp\n".getBytes();
        assertThat(platform.registration()
                        .as(OfficerLogin.CLERK_BALI)
                        .upload(csv, "ntb.csv", "52")
                        .status())
                .as("a Bali clerk uploading an NTB list")
                .isEqualTo(403);
        assertThat(platform.registration()
                        .as(OfficerLogin.MINISTRY)
                        .upload(csv, "ntb.csv", "52")
                        .status())
                .as("uploads are the provinces' work")
                .isEqualTo(403);
    }
}

package id.go.kemensos.returnee.systemtests;

import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import id.go.kemensos.returnee.infra.launcher.PlatformService;
import id.go.kemensos.returnee.infra.sim.AcceptedSms;
import id.go.kemensos.returnee.infra.sim.ExecutedTransfer;
import id.go.kemensos.returnee.testsupport.DisbursementApi;
import id.go.kemensos.returnee.testsupport.EligibilityApi;
import id.go.kemensos.returnee.testsupport.OfficerLogin;
import id.go.kemensos.returnee.testsupport.PlatformIntegrationTest;
import id.go.kemensos.returnee.testsupport.ReturneeMother;
import id.go.kemensos.returnee.testsupport.RunningPlatform;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A second program added as data only: its declaration (SMS texts, refusal reasons, which status it drives) and its
 * rule set (amount, criteria, the one regency it serves) are two files from src/test/resources/second-program, dropped
 * where the services look for them; eligibility and notification are restarted, nothing is rebuilt. North Lombok's
 * returnees are then decided under both programs, paid both amounts (the new one, above the automatic limit, through
 * its own budget line and a maker-checker batch), and told each in the program's own words; everyone else is decided under the grant alone. The files stay for the rest of the run; the
 * program's scope keeps the other tests' people out of it.
 */
@PlatformIntegrationTest
class ProgramsAsDataIT {

    private static final String PROGRAM = "BPU-KLU";
    private static final String RULE_SET = "bantuan-pemulihan-usaha-klu";
    private static final String GRANT_RULE_SET = "bantuan-stimulan-usaha";

    private static RunningPlatform platform;
    private static final EligibilityApi eligibility = new EligibilityApi();

    @BeforeAll
    static void declareTheSecondProgram() throws IOException {
        platform = RunningPlatform.start();
        copy("/second-program/programs/BPU-KLU.yaml", platform.programsDirectory());
        copy("/second-program/rulesets/bantuan-pemulihan-usaha-klu.yaml", platform.rulesDirectory());
        for (PlatformService reader : List.of(PlatformService.ELIGIBILITY, PlatformService.NOTIFICATION)) {
            platform.services().stop(reader);
            platform.services().start(reader);
        }
    }

    @Test
    void northLombokIsDecidedPaidWithinTheProgramsBudgetAndToldInItsWords() {
        Map<String, Object> baiq = ReturneeMother.baiqNurulLombokUtara();
        Map<String, Object> siti = ReturneeMother.sitiAminahLombokTengah();
        UUID klu = platform.registration().register(baiq);
        UUID elsewhere = platform.registration().register(siti);

        JsonNode recovery = await().atMost(ofSeconds(60)).until(() -> current(klu, RULE_SET), d -> d != null);
        assertThat(recovery.get("programId").asString()).isEqualTo(PROGRAM);
        assertThat(recovery.get("outcome").asString()).isEqualTo("ELIGIBLE");
        assertThat(recovery.get("grantAmount").asLong()).isEqualTo(1_500_000);
        JsonNode grant = await().atMost(ofSeconds(60)).until(() -> current(klu, GRANT_RULE_SET), d -> d != null);
        assertThat(grant.get("grantAmount").asLong()).isEqualTo(960_000);
        await().atMost(ofSeconds(60)).until(() -> current(elsewhere, GRANT_RULE_SET) != null);
        assertThat(eligibility.decisionsOf(elsewhere))
                .extracting(d -> d.get("ruleSetId").asString())
                .as("outside North Lombok, nobody is decided under its program")
                .doesNotContain(RULE_SET);

        // Rp 1,500,000 is above what the platform approves by itself (maker-checker always, beyond the demo limit), and
        // nobody has set NTB's ceiling for the new program: the maker's first batch finds no budget and the payment
        // waits on its own budget line, while the grant is paid. Once finance sets the ceiling, a batch is prepared
        // and a second officer approves it.
        await().atMost(ofSeconds(60))
                .until(() -> count(klu, PROGRAM, "state = 'SCHEDULED' AND account_check = 'VERIFIED'") == 1);
        await().atMost(ofSeconds(60)).until(() -> count(klu, "BSU", "state = 'SETTLED'") == 1);
        String cycle = recovery.get("cycleId").asString();
        assertThat(prepare(cycle)).as("no ceiling, no batch").isEmpty();
        assertThat(count(klu, PROGRAM, "state = 'SCHEDULED' AND waiting_reason IS NOT NULL"))
                .as("waiting for its budget, with the reason")
                .isEqualTo(1);
        // The returnee's status follows the program declared to drive it: the grant's payment, not the new one's wait.
        await().during(ofSeconds(3)).atMost(ofSeconds(30)).until(() -> "PAID".equals(status(klu)));
        platform.disbursement().setCeiling(PROGRAM, "52", cycle, 15_000_000);
        JsonNode batches = prepare(cycle);
        assertThat(batches).hasSize(1);
        assertThat(batches.get(0).get("total").asLong()).isEqualTo(1_500_000);
        DisbursementApi.Response approved = platform.disbursement()
                .as(OfficerLogin.FINANCE_CHECKER)
                .post("/api/batches/" + batches.get(0).get("batchId").asString() + "/approval", Map.of());
        assertThat(approved.status()).as("%s", approved.body()).isEqualTo(200);
        await().atMost(ofMinutes(1)).until(() -> count(klu, PROGRAM, "state = 'SETTLED'") == 1);

        assertThat(platform.stack().bank().executedTransfers())
                .filteredOn(t -> t.accountNo().equals(baiq.get("accountNumber")))
                .extracting(ExecutedTransfer::amount)
                .containsExactlyInAnyOrder(960_000L, 1_500_000L);
        await().atMost(ofSeconds(60))
                .untilAsserted(() -> assertThat(texts(baiq))
                        .hasSize(6)
                        .anySatisfy(text -> assertThat(text).contains("terdaftar"))
                        .anySatisfy(text -> assertThat(text).contains("berhak atas layanan pendampingan"))
                        .anySatisfy(
                                text -> assertThat(text).contains("LAYAK menerima bantuan stimulan usaha Rp960.000"))
                        .anySatisfy(text -> assertThat(text)
                                .contains("LAYAK menerima bantuan pemulihan usaha Pemkab Lombok Utara Rp1.500.000"))
                        .anySatisfy(
                                text -> assertThat(text).contains("bantuan stimulan usaha Rp960.000 sdh ditransfer"))
                        .anySatisfy(text ->
                                assertThat(text).contains("bantuan pemulihan usaha KLU Rp1.500.000 sdh ditransfer"))
                        .allSatisfy(text -> assertThat(text).hasSizeLessThanOrEqualTo(160)));
        assertThat(texts(siti)).noneSatisfy(text -> assertThat(text).contains("KLU"));
    }

    @Test
    void aMinorInNorthLombokIsToldTheProgramsOwnReason() {
        Map<String, Object> young = ReturneeMother.bornOn(
                ReturneeMother.baiqNurulLombokUtara(),
                LocalDate.now(ZoneId.of("Asia/Jakarta")).minusYears(17));
        UUID minor = platform.registration().register(young);

        JsonNode recovery = await().atMost(ofSeconds(60)).until(() -> current(minor, RULE_SET), d -> d != null);
        assertThat(recovery.get("outcome").asString()).isEqualTo("INELIGIBLE");
        assertThat(recovery.get("notPassed").toString()).contains("K2:FAILED");
        await().atMost(ofSeconds(60))
                .untilAsserted(() -> assertThat(texts(young))
                        .anySatisfy(text -> assertThat(text)
                                .contains("belum memenuhi syarat bantuan pemulihan usaha KLU: usia belum 18 tahun")));
    }

    @Test
    void aProgramWithoutOneOfItsSmsTextsStopsNotificationAtStartNamingIt() throws IOException {
        Path incomplete = platform.stack().home().workDir("programs-incomplete");
        copy("/second-program/programs/BPU-KLU.yaml", incomplete);
        Path declaration = incomplete.resolve("BPU-KLU.yaml");
        Files.writeString(
                declaration, Files.readString(declaration).replaceAll("(?m)^    PAYMENT_RETURNED: \"Dear .*\\n", ""));
        Path log = platform.stack().home().work().resolve("logs/notification-service.log");

        platform.services().stop(PlatformService.NOTIFICATION);
        try {
            assertThatThrownBy(() -> platform.services()
                            .start(
                                    PlatformService.NOTIFICATION,
                                    Map.of("PLATFORM_PROGRAMS_DIR", incomplete.toString())))
                    .hasMessageContaining("exited during start");
            assertThat(Files.readString(log))
                    .contains("program BPU-KLU (" + declaration + ") has no SMS text for PAYMENT_RETURNED (en)");
        } finally {
            platform.services().stop(PlatformService.NOTIFICATION);
            platform.services().start(PlatformService.NOTIFICATION);
        }
    }

    private static JsonNode current(UUID beneficiary, String ruleSetId) {
        for (JsonNode d : eligibility.decisionsOf(beneficiary)) {
            if (d.get("ruleSetId").asString().equals(ruleSetId) && !d.hasNonNull("supersededBy")) {
                return d;
            }
        }
        return null;
    }

    private static long count(UUID beneficiary, String programId, String condition) {
        return platform.database()
                .count(
                        "SELECT COUNT(*) FROM disbursement.payment_intent WHERE beneficiary_id = ? "
                                + "AND program_id = ? AND " + condition,
                        beneficiary,
                        programId);
    }

    /** The NTB batches of the new program the finance maker prepares (one per bank with payments ready). */
    private static JsonNode prepare(String cycle) {
        DisbursementApi.Response response = platform.disbursement()
                .as(OfficerLogin.FINANCE_MAKER)
                .post("/api/batches", Map.of("programId", PROGRAM, "cycleId", cycle, "provinceCode", "52"));
        assertThat(response.status()).as("%s", response.body()).isEqualTo(200);
        return response.body();
    }

    private static String status(UUID beneficiary) {
        return platform.registration()
                .get("/api/returnees/" + beneficiary)
                .body()
                .get("status")
                .asString();
    }

    private static List<String> texts(Map<String, Object> returnee) {
        return platform.stack().sms().messagesTo(ReturneeMother.phoneE164(returnee)).stream()
                .map(AcceptedSms::text)
                .toList();
    }

    private static void copy(String resource, Path directory) throws IOException {
        try (InputStream in = ProgramsAsDataIT.class.getResourceAsStream(resource)) {
            Files.copy(
                    in,
                    directory.resolve(Path.of(resource).getFileName().toString()),
                    StandardCopyOption.REPLACE_EXISTING);
        }
    }
}

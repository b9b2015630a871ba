package id.go.kemensos.returnee.systemtests;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.kemensos.returnee.infra.identity.DemoOfficers;
import id.go.kemensos.returnee.infra.launcher.PlatformService;
import id.go.kemensos.returnee.infra.launcher.PlatformServices;
import id.go.kemensos.returnee.testsupport.OfficerLogin;
import id.go.kemensos.returnee.testsupport.PlatformIntegrationTest;
import id.go.kemensos.returnee.testsupport.ReturneeMother;
import id.go.kemensos.returnee.testsupport.RunningPlatform;
import id.go.kemensos.returnee.testsupport.ServiceApi;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Runs last (Failsafe runs the system tests in alphabetical order): everything the other tests did (faulty banks,
 * restarts, redeliveries, reissues, rejected batches, poison records) is on Kafka, and the auditor's view of it must
 * hold: the ledger's chain is intact, and the disbursement history replayed from Kafka alone equals
 * disbursement-service's live report.
 */
@PlatformIntegrationTest
class WholeRunAuditIT {

    private static final String LIVE_REPORT = "/api/reports/payments?groupBy=program,province,regency,state&format=csv";
    private static RunningPlatform platform;
    private static ServiceApi audit;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.start();
        audit = platform.audit();
    }

    @Test
    void theReplayOfTheWholeRunEqualsTheLiveReportAndTheChainIsIntact() {
        UUID person = platform.registration().register(ReturneeMother.laluZainiLombokTimur());
        await().atMost(ofSeconds(60))
                .until(() -> platform.database()
                                .count(
                                        "SELECT COUNT(*) FROM disbursement.payment_intent WHERE beneficiary_id = ? "
                                                + "AND state = 'SETTLED'",
                                        person)
                        == 1);

        // Payments of earlier tests may still be moving (status checks, budgets); the replay must equal the report once
        // they rest.
        await().atMost(ofSeconds(120)).pollInterval(ofSeconds(3)).untilAsserted(() -> {
            ServiceApi.Response replay = audit.post("/api/replays", Map.of());
            assertThat(replay.status()).as(replay.text()).isEqualTo(201);
            assertThat(replay.body().get("anomalies"))
                    .as("the ledger's rules held for every payment")
                    .isEmpty();
            String replayId = replay.body().at("/run/replayId").asString();
            ServiceApi.Response comparison = audit.post(
                    "/api/replays/" + replayId + "/comparison",
                    "text/csv",
                    platform.disbursement().as(OfficerLogin.AUDITOR).text(LIVE_REPORT));
            assertThat(comparison.status()).as(comparison.text()).isEqualTo(200);
            assertThat(comparison.body().get("differences"))
                    .as("replayed vs live")
                    .isEmpty();
            assertThat(comparison.body().get("matches").asBoolean()).isTrue();
        });
        // The auditor runs the command from a shell with their own token, which reads the live report.
        PlatformServices.CommandResult withoutToken =
                platform.services().runCommand(PlatformService.AUDIT, Duration.ofMinutes(3), "replay");
        assertThat(withoutToken.exitCode()).as(withoutToken.output()).isEqualTo(2);
        assertThat(withoutToken.output()).contains("needs your access token: set PLATFORM_ACCESS_TOKEN");
        PlatformServices.CommandResult replay = platform.services()
                .runCommand(
                        PlatformService.AUDIT,
                        Duration.ofMinutes(3),
                        Map.of("PLATFORM_ACCESS_TOKEN", DemoOfficers.local().accessToken(OfficerLogin.AUDITOR)),
                        "replay");
        assertThat(replay.output()).contains("== Anomalies: 0").containsPattern("rows, 0 differences");
        assertThat(replay.exitCode()).as(replay.output()).isZero();

        // The head is sealed on Kafka every 2 s in tests; the seals published during the run are checked too.
        await().atMost(ofSeconds(30))
                .until(() -> audit.post("/api/ledger/verification", Map.of())
                                .body()
                                .get("sealsChecked")
                                .asLong()
                        > 0);
        JsonNode chain = audit.post("/api/ledger/verification", Map.of()).body();
        assertThat(chain.get("intact").asBoolean()).as("%s", chain).isTrue();
        assertThat(chain.get("rowsChecked").asLong()).isPositive();
        assertThat(chain.path("sealsUnavailable").isMissingNode())
                .as("the seals were read from Kafka: %s", chain)
                .isTrue();
        PlatformServices.CommandResult verify =
                platform.services().runCommand(PlatformService.AUDIT, Duration.ofMinutes(2), "verify");
        assertThat(verify.exitCode()).as(verify.output()).isZero();
        assertThat(verify.output())
                .contains("chain intact")
                .contains("rows checked against their seals on audit.events")
                .contains("audit.events")
                .doesNotContain("NOT KEPT FOREVER")
                .contains("every row as on Kafka");
    }
}

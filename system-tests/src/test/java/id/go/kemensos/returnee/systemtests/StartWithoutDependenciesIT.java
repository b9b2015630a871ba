package id.go.kemensos.returnee.systemtests;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.kemensos.returnee.infra.identity.DemoOfficers;
import id.go.kemensos.returnee.infra.launcher.PlatformService;
import id.go.kemensos.returnee.infra.stack.PlatformHome;
import id.go.kemensos.returnee.testsupport.OfficerLogin;
import id.go.kemensos.returnee.testsupport.PlatformIntegrationTest;
import id.go.kemensos.returnee.testsupport.ReturneeMother;
import id.go.kemensos.returnee.testsupport.RunningPlatform;
import id.go.kemensos.returnee.testsupport.ServiceApi;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A service started while its database or its broker is down does not exit (to be restarted in a loop by its
 * supervisor): it stays alive, its liveness says so, its health says what it waits for, and it starts and does its
 * work once they come.
 */
@PlatformIntegrationTest
class StartWithoutDependenciesIT {

    private static RunningPlatform platform;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.start();
    }

    @Test
    void aServiceWaitsForItsDatabaseSayingSoAndStartsWhenItComes() {
        PlatformService registration = PlatformService.REGISTRATION;
        platform.services().stop(registration);
        platform.stack().database().close();
        try {
            platform.services().launch(registration);
            assertWaitsFor(registration, "database");
        } finally {
            platform.stack().database().start();
        }
        platform.services().awaitHealthy(registration);
        // Keycloak keeps its data in the same database: an officer signs in at the first try after the restart.
        assertThat(new DemoOfficers(PlatformHome.locate()).accessToken(OfficerLogin.AUDITOR))
                .isNotBlank();
        UUID person = platform.registration().register(ReturneeMother.laluZainiLombokTimur());
        await().atMost(ofSeconds(60))
                .until(() -> platform.database()
                                .count(
                                        "SELECT COUNT(*) FROM eligibility.decision WHERE beneficiary_id = ?",
                                        person.toString())
                        > 0);
    }

    @Test
    void aServiceWaitsForTheBrokerSayingSoAndConsumesWhenItComes() {
        PlatformService eligibility = PlatformService.ELIGIBILITY;
        platform.services().stop(eligibility);
        platform.stack().kafka().close();
        try {
            platform.services().launch(eligibility);
            assertWaitsFor(eligibility, "broker");
        } finally {
            platform.stack().kafka().start();
        }
        platform.services().awaitHealthy(eligibility);
        UUID person = platform.registration().register(ReturneeMother.laluZainiLombokTimur());
        await().atMost(ofSeconds(90))
                .until(() -> platform.database()
                                .count(
                                        "SELECT COUNT(*) FROM eligibility.decision WHERE beneficiary_id = ?",
                                        person.toString())
                        > 0);
    }

    private static void assertWaitsFor(PlatformService service, String dependency) {
        ServiceApi anonymous = platform.api(service, null);
        await().atMost(ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
            ServiceApi.Response health = anonymous.get("/actuator/health");
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.body().at("/waitingFor/" + dependency).asString()).isNotBlank();
        });
        assertThat(anonymous.get("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/health/readiness").status()).isEqualTo(503);
        assertThat(anonymous.get("/api/returnees").status())
                .as("nothing else is served before it starts")
                .isEqualTo(503);
        // Still waiting, not exited: well past the time a failed migration would have ended the process (it retries
        // every 2 s).
        await().during(ofSeconds(8))
                .atMost(ofSeconds(12))
                .until(() -> platform.services().isRunning(service));
    }
}

package id.go.kemensos.returnee.systemtests;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.kemensos.returnee.infra.launcher.PlatformService;
import id.go.kemensos.returnee.testsupport.OfficerLogin;
import id.go.kemensos.returnee.testsupport.PlatformIntegrationTest;
import id.go.kemensos.returnee.testsupport.ReturneeMother;
import id.go.kemensos.returnee.testsupport.RunningPlatform;
import id.go.kemensos.returnee.testsupport.ServiceApi;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A returnee without a phone is not shut out: registered, decided and paid like anyone else; each message that would
 * have gone to them is withheld with the reason, and the clerk's list marks them to be told in person.
 */
@PlatformIntegrationTest
class NoPhoneIT {

    private static RunningPlatform platform;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.start();
    }

    @Test
    void aReturneeWithoutAPhoneIsPaidAndMarkedToBeToldInPerson() {
        Map<String, Object> returnee = ReturneeMother.laluZainiLombokTimur();
        returnee.remove("phone");
        UUID person = platform.registration().register(returnee);

        await().atMost(ofSeconds(90))
                .until(() -> platform.database()
                                .count(
                                        "SELECT COUNT(*) FROM disbursement.payment_intent WHERE beneficiary_id = ? "
                                                + "AND state = 'SETTLED'",
                                        person.toString())
                        == 1);
        // Registered, entitled to support (their case), eligible, paid: four messages that could not go, each withheld
        // saying why.
        await().atMost(ofSeconds(60))
                .until(() -> platform.database()
                                .count(
                                        "SELECT COUNT(*) FROM notification.sms_message WHERE beneficiary_id = ? "
                                                + "AND state = 'WITHHELD' AND last_error LIKE 'no phone number%'",
                                        person.toString())
                        >= 4);
        assertThat(platform.database()
                        .count(
                                "SELECT COUNT(*) FROM notification.sms_message WHERE beneficiary_id = ? "
                                        + "AND state <> 'WITHHELD'",
                                person.toString()))
                .isZero();

        ServiceApi clerk = platform.api(PlatformService.REGISTRATION, OfficerLogin.CLERK_NTB);
        JsonNode view = clerk.get("/api/returnees/" + person).body();
        assertThat(view.get("tellInPerson").asBoolean()).isTrue();
        assertThat(view.path("phoneE164").isNull() || view.path("phoneE164").isMissingNode())
                .isTrue();
        JsonNode listed = null;
        for (int page = 0; listed == null && page < 20; page++) {
            JsonNode items = clerk.get("/api/returnees?regencyCode=5203&size=500&page=" + page)
                    .body()
                    .get("items");
            assertThat(items.isEmpty()).as("the person is on the clerk's list").isFalse();
            listed = items.valueStream()
                    .filter(item -> item.get("beneficiaryId").asString().equals(person.toString()))
                    .findFirst()
                    .orElse(null);
        }
        assertThat(listed.get("tellInPerson").asBoolean()).isTrue();
        assertThat(clerk.get("/api/returnees?regencyCode=5203&size=5")
                        .body()
                        .get("items")
                        .valueStream())
                .filteredOn(item -> !item.get("beneficiaryId").asString().equals(person.toString()))
                .allSatisfy(item -> assertThat(item.get("tellInPerson").asBoolean())
                        .as("the others were registered with a phone")
                        .isFalse());
    }
}

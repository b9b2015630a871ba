package id.go.kemensos.returnee.systemtests;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.kemensos.returnee.testsupport.OfficerLogin;
import id.go.kemensos.returnee.testsupport.PlatformIntegrationTest;
import id.go.kemensos.returnee.testsupport.RegistrationApi;
import id.go.kemensos.returnee.testsupport.ReturneeMother;
import id.go.kemensos.returnee.testsupport.RunningPlatform;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The bank's account inquiry before any approval: an account the bank knows under another holder is held for finance,
 * nothing is sent to it, and once the returnee gives their own account the payment is checked again and paid there,
 * once.
 */
@PlatformIntegrationTest
class AccountCheckIT {

    private static RunningPlatform platform;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.start();
    }

    @Test
    void anAccountOfSomeoneElseIsHeldAndTheAmendedOwnAccountIsPaidOnce() {
        Map<String, Object> siti = ReturneeMother.sitiAminahLombokTengah();
        String foreignAccount = (String) siti.get("accountNumber");
        platform.stack().bank().registerAccount((String) siti.get("bankCode"), foreignAccount, "CV MAJU BERSAMA");
        UUID beneficiary = platform.registration().register(siti);

        JsonNode held = await().atMost(ofSeconds(60)).until(() -> review(beneficiary), r -> r != null);
        assertThat(held.get("account_holder_seen").asString()).isEqualTo("CV MAJU BERSAMA");
        assertThat(held.get("registered_name").asString()).isEqualTo("SITI AMINAH");
        assertThat(held.get("account_number_masked").asString())
                .startsWith("***")
                .doesNotContain(foreignAccount);
        String paymentId = held.get("payment_id").asString();
        assertThat(platform.disbursement()
                        .post("/api/payments/" + paymentId + "/account-review", Map.of("reason", " "))
                        .status())
                .as("a reason is required")
                .isEqualTo(400);

        // The returnee gives their own account at the NTB desk: the NTB clerk amends it.
        String ownAccount = "7766" + System.nanoTime() % 100_000_000L;
        RegistrationApi.Response amended = platform.registration()
                .as(OfficerLogin.CLERK_NTB)
                .amend(
                        beneficiary,
                        Map.of("bankCode", "002", "accountNumber", ownAccount, "accountHolderName", "SITI AMINAH"));
        assertThat(amended.status()).as("%s", amended.body()).isEqualTo(200);

        await().atMost(ofSeconds(60))
                .until(() -> platform.database()
                                .count(
                                        "SELECT COUNT(*) FROM disbursement.payment_intent "
                                                + "WHERE payment_id = ? AND state = 'SETTLED' AND account_check = "
                                                + "'VERIFIED'",
                                        paymentId)
                        == 1);
        assertThat(platform.stack().bank().executedTransfers().stream()
                        .filter(t -> t.accountNo().equals(ownAccount))
                        .count())
                .isEqualTo(1);
        assertThat(platform.stack().bank().executedTransfers().stream()
                        .filter(t -> t.accountNo().equals(foreignAccount))
                        .count())
                .as("nothing sent to the account of someone else")
                .isZero();
        assertThat(review(beneficiary)).isNull();
    }

    private static JsonNode review(UUID beneficiary) {
        List<JsonNode> pending = platform.disbursement()
                .get("/api/account-reviews?provinceCode=52")
                .body()
                .valueStream()
                .filter(p -> p.get("beneficiary_id").asString().equals(beneficiary.toString()))
                .toList();
        return pending.isEmpty() ? null : pending.get(0);
    }
}

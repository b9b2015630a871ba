package id.go.kemensos.returnee.systemtests;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.kemensos.returnee.testsupport.OfficerLogin;
import id.go.kemensos.returnee.testsupport.PlatformIntegrationTest;
import id.go.kemensos.returnee.testsupport.ReturneeMother;
import id.go.kemensos.returnee.testsupport.RunningPlatform;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The auditor in the console, in a real browser: verifies the ledger, opens a paid person's timeline and, from it, why
 * the payment was made (decision, criteria and citations, maker and checker, bank reference, identifiers masked), with
 * no form that changes anything; an action crafted through the console is refused by the service, and a clerk cannot
 * open the auditor's pages.
 */
@PlatformIntegrationTest
class ConsoleAuditorIT {

    private static RunningPlatform platform;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.start();
    }

    @Test
    void theAuditorVerifiesTheLedgerAndReadsATimelineAndWhyAPaymentWasMadeWithoutChangingAnything() {
        Map<String, Object> lalu = ReturneeMother.laluZainiLombokTimur();
        UUID person = platform.registration().register(lalu);
        await().atMost(ofSeconds(90))
                .until(() -> platform.database()
                                .count(
                                        "SELECT COUNT(*) FROM disbursement.payment_intent "
                                                + "WHERE beneficiary_id = ? AND state = 'SETTLED'",
                                        person.toString())
                        == 1);
        String paymentId = (String) platform.database()
                .rows("SELECT payment_id FROM disbursement.payment_intent WHERE beneficiary_id = ?", person.toString())
                .get(0)
                .get("payment_id");
        await().atMost(ofSeconds(60))
                .until(() -> platform.audit()
                                .get("/api/payments/" + paymentId + "/justification")
                                .status()
                        == 200);

        try (ConsoleBrowser auditor = new ConsoleBrowser().signIn(OfficerLogin.AUDITOR)) {
            auditor.find(By.linkText("Audit")).click();
            assertThat(auditor.heading()).isEqualTo("Audit");
            WebElement verification = auditor.clickForNew(By.cssSelector("#verify button"), By.id("verification"));
            assertThat(verification.getAttribute("data-intact")).isEqualTo("true");
            assertThat(verification.getText()).startsWith("Utuh:");
            auditor.check("audit");

            // A registration edited in place: the page names the first bad row and why; the row is then put back.
            long edited = platform.database()
                    .count("SELECT MIN(seq) FROM audit.audit_entry WHERE subject = ?", person.toString());
            platform.database().update("DROP TABLE IF EXISTS audit.console_tamper_saved");
            platform.database()
                    .update(
                            "CREATE TABLE audit.console_tamper_saved AS SELECT * FROM audit.audit_entry WHERE seq = ?",
                            edited);
            try {
                assertThat(platform.database()
                                .update(
                                        "UPDATE audit.audit_entry SET data = REPLACE(data, '\"regencyCode\":\"5203\"', "
                                                + "'\"regencyCode\":\"5202\"') WHERE seq = ?",
                                        edited))
                        .isEqualTo(1);
                WebElement broken = auditor.clickForNew(By.cssSelector("#verify button"), By.id("verification"));
                assertThat(broken.getAttribute("data-intact")).isEqualTo("false");
                assertThat(broken.getText()).contains(String.valueOf(edited)).contains("EDITED");
                auditor.check("audit-broken");
            } finally {
                platform.database().update("DELETE FROM audit.audit_entry WHERE seq = ?", edited);
                platform.database().update("INSERT INTO audit.audit_entry SELECT * FROM audit.console_tamper_saved");
                platform.database().update("DROP TABLE IF EXISTS audit.console_tamper_saved");
            }
            assertThat(auditor.clickForNew(By.cssSelector("#verify button"), By.id("verification"))
                            .getAttribute("data-intact"))
                    .as("put back, intact again")
                    .isEqualTo("true");

            auditor.find(By.id("beneficiary-id")).sendKeys(person.toString());
            auditor.find(By.cssSelector("#lookup-person button")).click();
            assertThat(auditor.heading()).isEqualTo("Riwayat penerima");
            assertThat(auditor.findAll(By.cssSelector("#timeline tr[data-event]")))
                    .extracting(row -> row.getAttribute("data-event"))
                    .contains("ReturneeRegistered", "EligibilityDecided", "PaymentScheduled", "PaymentSettled");
            assertThat(auditor.find(By.id("main")).getText())
                    .doesNotContain((String) lalu.get("nik"))
                    .doesNotContain((String) lalu.get("accountNumber"));
            assertThat(auditor.findAll(By.cssSelector("main form[method=post]")))
                    .isEmpty();
            auditor.check("timeline");

            auditor.find(By.cssSelector("#timeline tr[data-event=PaymentSettled] a.why"))
                    .click();
            assertThat(auditor.heading()).isEqualTo("Mengapa pembayaran Rp 960.000 ini dilakukan");
            String page = auditor.find(By.id("main")).getText();
            assertThat(page)
                    .contains("SETTLED")
                    .contains("ELIGIBLE")
                    .contains("bantuan-stimulan-usaha")
                    .contains("UU ")
                    .doesNotContain((String) lalu.get("nik"))
                    .doesNotContain((String) lalu.get("accountNumber"));
            assertThat(auditor.findAll(By.cssSelector("#criteria tbody tr")))
                    .isNotEmpty()
                    .allSatisfy(row -> assertThat(row.getText()).contains("PASSED"));
            assertThat(auditor.findAll(By.cssSelector("main form[method=post]")))
                    .as("nothing to change")
                    .isEmpty();
            auditor.check("justification");

            String crafted = auditor.postForm(
                    "/finance/batches/" + UUID.randomUUID() + "/rejection", "provinceCode=52&reason=x");
            assertThat(crafted).as("disbursement-service refuses the auditor").startsWith("403\n");
        }

        try (ConsoleBrowser clerk = new ConsoleBrowser().signIn(OfficerLogin.CLERK_NTB)) {
            assertThat(clerk.findAll(By.linkText("Audit"))).isEmpty();
            clerk.open("/audit/beneficiaries/" + person);
            assertThat(clerk.heading()).isEqualTo("Peran Anda tidak mengizinkan tindakan ini");
            assertThat(clerk.find(By.id("main")).getText()).doesNotContain("PaymentSettled");
        }
    }
}

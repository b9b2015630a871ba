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
 * A ministry officer rules a decision that needs review in the console, in a real browser: the criterion not met is
 * shown with its legal basis, a ruling without a reason is not sent, the ruling with one takes the decision out of the
 * queue and the person is paid; the province is decided again and the page says how many outcomes changed; a clerk is
 * refused the page.
 */
@PlatformIntegrationTest
class ConsoleMinistryIT {

    private static RunningPlatform platform;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.start();
    }

    @Test
    void aMinistryOfficerRulesADecisionThatNeedsReviewWithAReason() {
        Map<String, Object> lalu = ReturneeMother.laluZainiLombokTimur();
        lalu.put("attendedSocialGuidance", false); // C6 not met: the grant waits for an officer
        UUID person = platform.registration().register(lalu);
        By decision = By.cssSelector("article[data-beneficiary='" + person + "']");

        try (ConsoleBrowser ministry = new ConsoleBrowser().signIn(OfficerLogin.MINISTRY)) {
            ministry.find(By.linkText("Tinjauan kelayakan")).click();
            assertThat(ministry.find(By.id("main")).getText())
                    .as("every province's queue at first")
                    .contains("di Nasional menunggu");
            assertThat(ministry.findAll(By.id("reevaluate")))
                    .as("a re-evaluation is of one chosen province")
                    .isEmpty();
            await().atMost(ofSeconds(60)).pollInterval(ofSeconds(2)).until(() -> {
                ministry.open("/eligibility/reviews?provinceCode=52");
                return !ministry.findAll(decision).isEmpty();
            });
            WebElement review = ministry.find(decision);
            WebElement guidance = review.findElement(By.cssSelector("tr[data-criterion=C6]"));
            assertThat(guidance.getAttribute("class")).contains("not-passed");
            assertThat(guidance.getText()).contains("Tidak terpenuhi");
            assertThat(review.getText()).contains("Dasar hukum: UU").doesNotContain((String) lalu.get("nik"));
            ministry.check("eligibility-reviews");

            String id = review.getAttribute("id").substring("decision-".length());
            review.findElement(By.cssSelector("input[value=ELIGIBLE]")).click();
            review.findElement(By.cssSelector("button[type=submit]")).click();
            assertThat(ministry.find(By.cssSelector("#decision-" + id + " textarea:invalid")))
                    .as("no ruling without a reason")
                    .isNotNull();
            ministry.find(By.id("reason-" + id))
                    .sendKeys("Sertifikat pelatihan kewirausahaan BLK Selong 2020 diperiksa");
            ministry.find(By.cssSelector("#decision-" + id + " button[type=submit]"))
                    .click();
            assertThat(ministry.waitFor(By.cssSelector(".notice")).getText()).startsWith("Diputuskan layak");
            assertThat(ministry.findAll(decision)).as("ruled, out of the queue").isEmpty();

            ministry.find(By.cssSelector("#reevaluate button")).click();
            assertThat(ministry.heading())
                    .isEqualTo("Keputusan ulang 52 Nusa Tenggara Barat dengan aturan yang berlaku sekarang");
            // The progress bar follows the background job (htmx, every second) until it completes.
            WebElement done = ministry.waitFor(By.cssSelector("#progress[data-state=COMPLETED]"), ofSeconds(120));
            assertThat(done.findElement(By.id("bar")).getAttribute("value")).isEqualTo("100");
            // How many outcomes change depends on what the other tests left in NTB (a paid person decided again, say).
            assertThat(done.getText()).containsPattern("([1-9][0-9.]*) dari \\1 penerima diputuskan ulang");
            ministry.check("reevaluation");
        }
        await().atMost(ofSeconds(90))
                .until(() -> platform.database()
                                .count(
                                        "SELECT COUNT(*) FROM disbursement.payment_intent "
                                                + "WHERE beneficiary_id = ? AND state = 'SETTLED'",
                                        person.toString())
                        == 1);

        try (ConsoleBrowser clerk = new ConsoleBrowser().signIn(OfficerLogin.CLERK_NTB)) {
            assertThat(clerk.findAll(By.linkText("Tinjauan kelayakan"))).isEmpty();
            clerk.open("/eligibility/reviews?provinceCode=52");
            assertThat(clerk.heading()).isEqualTo("Peran Anda tidak mengizinkan tindakan ini");
        }
    }
}

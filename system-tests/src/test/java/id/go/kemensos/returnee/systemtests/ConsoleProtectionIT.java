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
 * A trafficking survivor's page, in a real browser: the protection officer of NTB sees the protection decision under
 * Law 21/2007 and the services it entitles her to, marked confidential; the NTB clerk opening the same page sees her
 * registration and the grant, and nothing that says she is a victim; Bali's clerk cannot open it at all.
 */
@PlatformIntegrationTest
class ConsoleProtectionIT {

    private static RunningPlatform platform;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.start();
    }

    @Test
    void onlyTheProtectionOfficerSeesTheProtectionDecisionAndItsServices() {
        Map<String, Object> survivor = ReturneeMother.sitiAminahLombokTengah();
        survivor.put("category", "KPO");
        survivor.put("referralSource", "POLRI");
        UUID person = platform.registration().register(survivor);
        await().atMost(ofSeconds(60))
                .until(() -> platform.database()
                                .count(
                                        "SELECT COUNT(*) FROM eligibility.decision "
                                                + "WHERE beneficiary_id = ? AND superseded_by IS NULL",
                                        person.toString())
                        >= 4);
        String page = "/returnees/" + person;

        try (ConsoleBrowser protection = new ConsoleBrowser().signIn(OfficerLogin.PROTECTION_NTB)) {
            protection.open(page);
            WebElement section = protection.waitFor(By.id("protection"));
            assertThat(section.getText()).contains("Rahasia").contains("UU 21/2007");
            WebElement decision = section.findElement(By.cssSelector("article.decision[data-restricted=true]"));
            assertThat(decision.findElements(By.cssSelector(".entitlements li")))
                    .extracting(li -> li.getAttribute("data-code"))
                    .contains("SHELTER", "LEGAL_AID");
            assertThat(protection.find(By.id("facts")).getText()).doesNotContain((String) survivor.get("nik"));
            protection.check("person-protection");
        }

        try (ConsoleBrowser clerk = new ConsoleBrowser().signIn(OfficerLogin.CLERK_NTB)) {
            clerk.open("/returnees?regencyCode=5202");
            clerk.waitFor(By.cssSelector("#returnees tr[data-beneficiary='" + person + "'] a"))
                    .click();
            assertThat(clerk.waitFor(By.tagName("h1")).getText()).isEqualTo("SITI AMINAH");
            assertThat(clerk.findAll(By.id("protection")))
                    .as("no protection section for a clerk")
                    .isEmpty();
            assertThat(clerk.findAll(By.cssSelector("article.decision[data-restricted=true]")))
                    .isEmpty();
            String text = clerk.find(By.id("main")).getText();
            assertThat(text)
                    .contains("Bantuan")
                    .doesNotContain("21/2007")
                    .doesNotContain("KPO")
                    .doesNotContain("POLRI");
            clerk.check("person");
        }

        try (ConsoleBrowser bali = new ConsoleBrowser().signIn(OfficerLogin.CLERK_BALI)) {
            bali.open(page);
            assertThat(bali.heading())
                    .as("another province's person is not found")
                    .isNotEqualTo("SITI AMINAH");
            assertThat(bali.find(By.id("main")).getText()).doesNotContain("SITI AMINAH");
        }
    }
}

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
import org.openqa.selenium.support.ui.Select;

/**
 * A trafficking survivor's page, in a real browser: the protection officer of NTB sees the protection decision under
 * Law 21/2007 and the services it entitles her to, marked confidential; the NTB clerk opening the same page sees her
 * registration and the grant, and nothing that says she is a victim; Bali's clerk cannot open it at all. The protection
 * officer records that a screening indicated another returnee as a victim, on that person's page, and reads whom the
 * law reaches by regency, sex and age band on the case reports page, which the clerk's lacks.
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
            assertThat(protection.find(By.id("trafficking-status")).getAttribute("data-status"))
                    .as("a KPO category means an identified victim")
                    .isEqualTo("IDENTIFIED");
            protection.check("person-protection");
        }

        // A deportee whom a screening indicates: the protection officer records it on her page, and the case under
        // Law 21/2007 comes to review.
        UUID screened = platform.registration().register(ReturneeMother.sitiAminahLombokTengah());
        try (ConsoleBrowser protection = new ConsoleBrowser().signIn(OfficerLogin.PROTECTION_NTB)) {
            protection.open("/returnees/" + screened);
            assertThat(protection.waitFor(By.id("trafficking-status")).getAttribute("data-status"))
                    .isEqualTo("NONE");
            new Select(protection.find(By.id("trafficking-status-choice"))).selectByValue("INDICATED");
            protection.find(By.cssSelector("#record-trafficking-status button")).click();
            assertThat(protection.waitFor(By.cssSelector("p.notice")).getText()).contains("Status dicatat");
            assertThat(protection.find(By.id("trafficking-status")).getAttribute("data-status"))
                    .isEqualTo("INDICATED");
            await().atMost(ofSeconds(60))
                    .until(
                            () -> platform.database()
                                    .count(
                                            "SELECT COUNT(*) FROM eligibility.decision WHERE beneficiary_id = ? "
                                                    + "AND superseded_by IS NULL AND restricted AND outcome = "
                                                    + "'NEEDS_REVIEW'",
                                            screened.toString()),
                            n -> n == 1);

            // The report of whom Law 21/2007 reaches counts her as waiting for review, the survivor as eligible.
            protection.open("/case-reports?provinceCode=52");
            WebElement reach = protection.waitFor(By.id("protection-reach"));
            assertThat(reach.findElements(By.cssSelector(
                            "tr[data-regency='5202'][data-sex='FEMALE'][data-outcome='NEEDS_REVIEW'] .people")))
                    .extracting(cell -> Long.parseLong(cell.getText()))
                    .isNotEmpty()
                    .allSatisfy(n -> assertThat(n).isPositive());
            assertThat(reach.findElements(By.cssSelector("tr[data-regency='5202'][data-outcome='ELIGIBLE']")))
                    .isNotEmpty();
            assertThat(reach.getText()).doesNotContain("SITI AMINAH");
            protection.check("protection-reach");
            // And by category and trafficking status, counted when asked for (it opens every person's seal): she is a
            // deportee indicated, the survivor an identified victim.
            assertThat(protection.findAll(By.id("category-reach"))).isEmpty();
            protection.find(By.cssSelector("#count-categories button")).click();
            WebElement byCategory = protection.waitFor(By.id("category-reach"));
            assertThat(byCategory.findElements(By.cssSelector("tr[data-regency='5202'][data-sex='FEMALE']"
                            + "[data-category='PMIB_DEPORTEE'][data-status='INDICATED'] .registered")))
                    .extracting(cell -> Long.parseLong(cell.getText()))
                    .isNotEmpty()
                    .allSatisfy(n -> assertThat(n).isPositive());
            assertThat(byCategory.findElements(By.cssSelector("tr[data-regency='5202'][data-category='KPO']")))
                    .isNotEmpty();
            assertThat(byCategory.getText()).doesNotContain("SITI AMINAH", "PMIB_DEPORTEE");
            protection.check("category-reach");
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
            clerk.open("/case-reports");
            clerk.waitFor(By.id("reach-heading"));
            assertThat(clerk.findAll(By.id("protection-reach")))
                    .as("counts about victims are not the provincial office's")
                    .isEmpty();
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

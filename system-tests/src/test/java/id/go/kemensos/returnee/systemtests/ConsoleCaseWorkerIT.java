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
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/**
 * The case worker's work in a real browser: from their list to a survivor's case, the answer to an offer, the referral
 * to a partner and its outcome, a refusal explained where it can be put right, the needs assessment, a step of the plan
 * and its closing. A protection officer reads the case without its forms; a provincial clerk is refused it.
 */
@PlatformIntegrationTest
class ConsoleCaseWorkerIT {

    private static RunningPlatform platform;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.start();
    }

    @Test
    void theCaseWorkerAnswersRefersAssessesAndPlansInTheBrowser() {
        Map<String, Object> survivor = ReturneeMother.sitiAminahLombokTengah();
        survivor.put("category", "KPO");
        survivor.put("referralSource", "POLRI");
        UUID person = platform.registration().register(survivor);
        ServiceApi api = platform.api(PlatformService.CASE, OfficerLogin.CASEWORKER_NTB);
        JsonNode opened = await().atMost(ofSeconds(90))
                .until(
                        () -> api.get("/api/beneficiaries/" + person + "/case"),
                        r -> r.status() == 200
                                && r.body().toString().contains("\"PSYCHOSOCIAL\"")
                                && r.body().toString().contains("\"SHELTER\""))
                .body();
        String caseId = opened.at("/summary/caseId").asString();
        String page = "/cases/" + caseId;

        try (ConsoleBrowser worker = new ConsoleBrowser().signIn(OfficerLogin.CASEWORKER_NTB)) {
            worker.open("/cases");
            worker.waitFor(By.cssSelector("#cases tr[data-case='" + caseId + "'] a"))
                    .click();
            assertThat(worker.waitFor(By.tagName("h1")).getText()).contains("Lombok Tengah");
            assertThat(worker.find(By.id("person")).getText())
                    .as("the case worker of the case reads whom to reach")
                    .contains("SITI AMINAH");
            worker.check("case");

            // The person accepts psychosocial support; it is referred to NTB's UPTD PPA and delivered.
            offer(worker, "PSYCHOSOCIAL")
                    .findElement(By.cssSelector("button[value='ACCEPTED']"))
                    .click();
            WebElement accepted = worker.waitFor(offerIn("PSYCHOSOCIAL", "ACCEPTED"));
            assertThat(worker.find(By.cssSelector(".notice")).getText()).isEqualTo("Jawaban dicatat.");
            new Select(accepted.findElement(By.cssSelector("select[name='partnerId']"))).selectByValue("ntb-uptd-ppa");
            accepted.findElement(By.cssSelector("form.row button")).click();
            WebElement referred = worker.waitFor(offerIn("PSYCHOSOCIAL", "REFERRED"));
            assertThat(referred.getText()).contains("UPTD");
            referred.findElement(By.cssSelector("textarea[name='note']")).sendKeys("Empat sesi konseling");
            referred.findElement(By.cssSelector("button[value='DELIVERED']")).click();
            worker.waitFor(offerIn("PSYCHOSOCIAL", "DELIVERED"));

            // Declining without saying why is explained on the page, and nothing is recorded (shelter: the grant may
            // already be paid, and delivered by its payment, when the case worker gets here).
            offer(worker, "SHELTER")
                    .findElement(By.cssSelector("button[value='DECLINED']"))
                    .click();
            assertThat(worker.waitFor(By.cssSelector("p.problem[role='alert']")).getText())
                    .contains("declineReason");
            assertThat(offer(worker, "SHELTER").getAttribute("data-state")).isEqualTo("OFFERED");

            // The needs: an incomplete assessment is refused with what is missing; a complete one is shown.
            worker.find(By.cssSelector("input[name='need.PSYCHOSOCIAL'][value='HIGH']"))
                    .click();
            worker.find(By.cssSelector("#assessment-form button")).click();
            assertThat(worker.waitFor(By.cssSelector("p.problem[role='alert']")).getText())
                    .contains("ECONOMIC");
            for (WebElement none : worker.findAll(By.cssSelector("#assessment-form input[value='NONE']"))) {
                none.click();
            }
            worker.find(By.cssSelector("input[name='need.PSYCHOSOCIAL'][value='HIGH']"))
                    .click();
            worker.find(By.cssSelector("input[name='need.ECONOMIC'][value='MEDIUM']"))
                    .click();
            worker.find(By.id("assessment-note")).sendKeys("Sulit tidur");
            worker.find(By.cssSelector("#assessment-form button")).click();
            worker.waitFor(By.cssSelector("#latest-needs tr[data-dimension='PSYCHOSOCIAL'][data-level='HIGH']"));
            assertThat(worker.findAll(By.cssSelector("#unplanned li")))
                    .extracting(li -> li.getAttribute("data-dimension"))
                    .containsExactly("ECONOMIC", "PSYCHOSOCIAL");

            // A step of the plan for the psychosocial need, through her support offer, then done.
            new Select(worker.find(By.id("step-dimension"))).selectByValue("PSYCHOSOCIAL");
            worker.find(By.id("step-action")).sendKeys("Konseling di UPTD PPA");
            new Select(worker.find(By.id("step-offer")))
                    .selectByValue(opened.get("offers")
                            .valueStream()
                            .filter(o -> o.get("service").asString().equals("PSYCHOSOCIAL"))
                            .findFirst()
                            .orElseThrow()
                            .get("offerId")
                            .asString());
            String due = LocalDate.now(ZoneId.of("Asia/Makassar")).plusDays(14).toString();
            ((JavascriptExecutor) worker.driver())
                    .executeScript("document.getElementById('step-due').value = arguments[0];", due);
            worker.find(By.cssSelector("#plan-form button")).click();
            WebElement step = worker.waitFor(By.cssSelector("#plan-steps tr[data-dimension='PSYCHOSOCIAL']"));
            assertThat(step.getText()).contains("Konseling di UPTD PPA").contains(due);
            assertThat(worker.findAll(By.cssSelector("#unplanned li")))
                    .extracting(li -> li.getAttribute("data-dimension"))
                    .containsExactly("ECONOMIC");
            step.findElement(By.cssSelector("button[value='DONE']")).click();
            worker.waitFor(By.cssSelector("#plan-steps tr[data-dimension='PSYCHOSOCIAL'][data-outcome='DONE']"));
            worker.check("case-planned");

            // The partner directory: the province's partners and the nationwide ones.
            worker.open("/partners");
            worker.waitFor(By.cssSelector("#partners tr[data-partner='ntb-uptd-ppa']"));
            assertThat(worker.findAll(By.cssSelector("#partners tr[data-partner='bali-uptd-ppa']")))
                    .as("another province's partner")
                    .isEmpty();
            worker.check("partners");
        }

        try (ConsoleBrowser protection = new ConsoleBrowser().signIn(OfficerLogin.PROTECTION_NTB)) {
            protection.open(page);
            protection.waitFor(offerIn("PSYCHOSOCIAL", "DELIVERED"));
            assertThat(protection.findAll(By.cssSelector("#main form")))
                    .as("a protection officer reads the case; its case worker records in it")
                    .isEmpty();
        }

        // The ministry's case reports: reach by regency and sex, and offers by service with a victim's unnamed.
        try (ConsoleBrowser ministry = new ConsoleBrowser().signIn(OfficerLogin.MINISTRY)) {
            ministry.open("/case-reports?provinceCode=52");
            WebElement women = ministry.waitFor(By.cssSelector("#reach tr[data-regency='5202'][data-sex='FEMALE']"));
            assertThat(Long.parseLong(
                            women.findElement(By.cssSelector(".cases")).getText()))
                    .isPositive();
            assertThat(ministry.findAll(By.cssSelector("#services tr[data-service='PROTECTION_SERVICES']")))
                    .isNotEmpty();
            assertThat(ministry.find(By.id("main")).getText()).doesNotContain("PSYCHOSOCIAL");
            ministry.check("case-reports");
        }

        try (ConsoleBrowser clerk = new ConsoleBrowser().signIn(OfficerLogin.CLERK_NTB)) {
            clerk.open("/case-reports");
            clerk.waitFor(By.cssSelector("#reach tr[data-regency='5202']"));
            assertThat(clerk.findAll(By.id("services")))
                    .as("offers by service are not the office's to see")
                    .isEmpty();
            clerk.open(page);
            assertThat(clerk.heading()).isEqualTo("Peran Anda tidak mengizinkan tindakan ini");
            assertThat(clerk.find(By.id("main")).getText()).doesNotContain("PSYCHOSOCIAL", "Konseling");
            assertThat(clerk.findAll(By.cssSelector("a[href='/cases']")))
                    .as("no Cases link for a clerk")
                    .isEmpty();
        }
    }

    private static WebElement offer(ConsoleBrowser browser, String service) {
        return browser.find(By.cssSelector("article.offer[data-service='" + service + "']"));
    }

    private static By offerIn(String service, String state) {
        return By.cssSelector("article.offer[data-service='" + service + "'][data-state='" + state + "']");
    }
}

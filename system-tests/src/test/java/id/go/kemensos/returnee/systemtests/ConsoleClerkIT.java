package id.go.kemensos.returnee.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kemensos.returnee.testsupport.OfficerLogin;
import id.go.kemensos.returnee.testsupport.PlatformIntegrationTest;
import id.go.kemensos.returnee.testsupport.ReturneeMother;
import id.go.kemensos.returnee.testsupport.RunningPlatform;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A provincial clerk in the console, in a real browser against the real stack: signs in at the identity provider,
 * uploads a list by choosing the file, watches the progress until the upload completes, downloads the error report,
 * decides the held row with a reason and switches to English; the clerk of another province cannot open that upload.
 * Every page is screenshotted (console/target/screenshots) and checked by axe-core.
 */
@PlatformIntegrationTest
class ConsoleClerkIT {

    private static RunningPlatform platform;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.start();
    }

    @Test
    void aClerkUploadsAListWatchesItCompleteDownloadsTheErrorReportAndDecidesTheHeldRow() throws Exception {
        Map<String, Object> lalu = ReturneeMother.laluZainiLombokTimur();
        Map<String, Object> zaini = ReturneeMother.laluZainiLombokTimur();
        Map<String, Object> siti = ReturneeMother.sitiAminahLombokTengah();
        String badNik = "520301" + ((String) lalu.get("nik")).substring(6, 15);
        Path list = Files.createTempFile("daftar-ntb-", ".csv");
        // Siti's NIK says female; the row says "L": held for an officer. The 15-digit NIK is rejected.
        Files.writeString(
                list,
                ReturneeMother.LIST_HEADER + ReturneeMother.listRow(lalu, (String) lalu.get("nik")) + "\r\n"
                        + ReturneeMother.listRow(siti, (String) siti.get("nik")) + "\r\n"
                        + ReturneeMother.listRow(zaini, badNik) + "\r\n"
                        + ReturneeMother.listRow(zaini, (String) zaini.get("nik")) + "\r\n",
                StandardCharsets.UTF_8);
        String uploadPath;
        try (ConsoleBrowser clerk = new ConsoleBrowser().signIn(OfficerLogin.CLERK_NTB)) {
            assertThat(clerk.heading()).startsWith("Selamat datang");
            clerk.check("dashboard-clerk");

            clerk.find(By.linkText("Unggah daftar")).click();
            assertThat(clerk.heading()).isEqualTo("Unggah daftar pemulang");
            clerk.check("upload-form");
            clerk.find(By.id("file")).sendKeys(list.toString());
            clerk.find(By.cssSelector("form.upload button[type=submit]")).click();

            WebElement done = clerk.waitFor(By.cssSelector("#progress[data-status=COMPLETED]"), Duration.ofSeconds(90));
            uploadPath = clerk.currentPath();
            assertThat(uploadPath).matches("/uploads/[0-9a-f-]{36}");
            assertThat(done.findElement(By.cssSelector(".state")).getText()).isEqualTo("Selesai");
            assertThat(done.findElement(By.cssSelector("progress")).getAttribute("value"))
                    .isEqualTo("100");
            assertThat(done.findElement(By.cssSelector("dd.accepted")).getText())
                    .isEqualTo("2");
            assertThat(done.findElement(By.cssSelector("dd.rejected")).getText())
                    .isEqualTo("1");
            assertThat(done.findElement(By.cssSelector("dd.held")).getText()).isEqualTo("1");
            clerk.check("upload-completed");

            String report = clerk.fetchText(clerk.find(By.id("error-report")).getAttribute("href"));
            assertThat(report).startsWith("200\n");
            assertThat(report.lines().skip(1).toList()).as(report).hasSize(2);
            assertThat(report).contains(badNik).contains("15 digit");

            clerk.find(By.id("to-people")).click();
            assertThat(clerk.heading()).isEqualTo("Pemulang terdaftar di 52 Nusa Tenggara Barat");
            List<WebElement> people = clerk.findAll(By.cssSelector("#returnees tbody tr"));
            assertThat(people)
                    .as("the two accepted rows' people")
                    .hasSize(2)
                    .allSatisfy(row -> assertThat(row.getText())
                            .contains("LALU MUHAMMAD ZAINI")
                            .contains("Kabupaten Lombok Timur")
                            .doesNotContain((String) lalu.get("nik"))
                            .doesNotContain((String) lalu.get("accountNumber")));
            clerk.check("returnees");
            clerk.driver().navigate().back();

            clerk.find(By.id("to-reviews")).click();
            assertThat(clerk.heading()).isEqualTo("Baris yang ditahan");
            WebElement held = clerk.waitFor(By.cssSelector("article.held"));
            assertThat(held.getText()).contains("SITI AMINAH").doesNotContain((String) siti.get("nik"));
            clerk.check("reviews");
            assertThat(clerk.findAll(By.cssSelector("article.held")))
                    .as("this upload's held rows only")
                    .hasSize(1);
            String id = held.getAttribute("id");
            String row = held.getAttribute("data-row");
            String reason = "reason-" + id.substring("held-".length());

            held.findElement(By.cssSelector("button[value=REGISTER]")).click();
            assertThat(clerk.find(By.cssSelector("textarea:invalid")).getAttribute("id"))
                    .as("the reason is required")
                    .isEqualTo(reason);
            assertThat(clerk.currentPath()).as("not sent without a reason").contains("/reviews?uploadId=");
            clerk.find(By.id(reason)).sendKeys("KTP diperiksa di kantor: jenis kelamin di daftar salah ketik");
            clerk.find(By.cssSelector("#" + id + " button[value=REGISTER]")).click();
            assertThat(clerk.waitFor(By.cssSelector(".notice")).getText()).isEqualTo("Baris " + row + " didaftarkan.");
            assertThat(clerk.findAll(By.id(id))).as("decided, no longer held").isEmpty();

            clerk.find(By.linkText("English")).click();
            assertThat(clerk.heading()).isEqualTo("Held rows");
            clerk.open(uploadPath);
            assertThat(clerk.waitFor(By.cssSelector("#progress .state")).getText())
                    .isEqualTo("Completed");
            clerk.check("upload-completed-en");
        }

        try (ConsoleBrowser otherProvince = new ConsoleBrowser().signIn(OfficerLogin.CLERK_BALI)) {
            otherProvince.open(uploadPath);
            assertThat(otherProvince.heading()).isEqualTo("Tidak ditemukan, atau di luar wewenang Anda");
            assertThat(otherProvince.find(By.id("main")).getText()).doesNotContain("SITI AMINAH");
            otherProvince.check("refused-other-province");
        }
    }

    /**
     * NTB's office sees its case workers with the cases each follows and hands Bima's cases from the province's case
     * worker to Bima's; a case worker has no such page.
     */
    @Test
    void theOfficeSeesItsCaseWorkersAndHandsCasesOver() {
        try (ConsoleBrowser clerk = new ConsoleBrowser().signIn(OfficerLogin.CLERK_NTB)) {
            clerk.open("/case-handovers");
            assertThat(clerk.heading()).isEqualTo("Serah terima kasus");
            assertThat(clerk.findAll(By.cssSelector("#roster tbody tr")))
                    .extracting(org.openqa.selenium.WebElement::getText)
                    .anySatisfy(text -> assertThat(text).startsWith(OfficerLogin.CASEWORKER_NTB))
                    .anySatisfy(text -> assertThat(text).startsWith(OfficerLogin.CASEWORKER_BIMA))
                    .anySatisfy(text -> assertThat(text).startsWith("(belum ada pendamping)"));
            clerk.check("case-handovers");
            new org.openqa.selenium.support.ui.Select(clerk.find(By.id("handover-from")))
                    .selectByValue(OfficerLogin.CASEWORKER_NTB);
            new org.openqa.selenium.support.ui.Select(clerk.find(By.id("handover-to")))
                    .selectByValue(OfficerLogin.CASEWORKER_BIMA);
            clerk.find(By.id("handover-regency")).sendKeys("5206");
            clerk.find(By.cssSelector("#handover button[type=submit]")).click();
            assertThat(clerk.waitFor(By.cssSelector(".notice")).getText()).matches("\\d+ kasus diserahkan\\.");
        }
        try (ConsoleBrowser caseWorker = new ConsoleBrowser().signIn(OfficerLogin.CASEWORKER_NTB)) {
            caseWorker.open("/case-handovers");
            assertThat(caseWorker.findAll(By.id("roster")))
                    .as("not the case worker's to decide")
                    .isEmpty();
        }
    }
}

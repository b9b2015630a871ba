package id.go.kemensos.returnee.systemtests;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.kemensos.returnee.testsupport.OfficerLogin;
import id.go.kemensos.returnee.testsupport.PlatformIntegrationTest;
import id.go.kemensos.returnee.testsupport.ReturneeMother;
import id.go.kemensos.returnee.testsupport.RunningPlatform;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Finding people and accounting for their data, in a real browser: a clerk finds a returnee by full NIK (never in the
 * URL) and another province's clerk does not; the auditor replays the payment history now and as of yesterday and
 * compares it with the live report; the data protection officer finds the person, sees who read their data, and erases
 * it, after which nobody finds them by NIK.
 */
@PlatformIntegrationTest
class ConsolePrivacyIT {

    private static RunningPlatform platform;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.start();
    }

    @Test
    void aPersonIsFoundByNikReplayedAccountedForAndErased() {
        Map<String, Object> lalu = ReturneeMother.laluZainiLombokTimur();
        String nik = (String) lalu.get("nik");
        UUID person = platform.registration().register(lalu);
        await().atMost(ofSeconds(90))
                .until(() -> platform.database()
                                .count(
                                        "SELECT COUNT(*) FROM disbursement.payment_intent "
                                                + "WHERE beneficiary_id = ? AND state = 'SETTLED'",
                                        person.toString())
                        == 1);

        try (ConsoleBrowser clerk = new ConsoleBrowser().signIn(OfficerLogin.CLERK_NTB)) {
            clerk.open("/returnees");
            lookUp(clerk, nik.substring(0, 6) + " " + nik.substring(6));
            WebElement row = clerk.waitFor(By.cssSelector("#returnees tr[data-beneficiary='" + person + "']"));
            assertThat(row.getText()).contains("LALU MUHAMMAD ZAINI").doesNotContain(nik);
            assertThat(clerk.findAll(By.cssSelector("#returnees tbody tr"))).hasSize(1);
            assertThat(clerk.currentPath()).isEqualTo("/returnees/lookup").doesNotContain(nik);
            lookUp(clerk, "5203");
            assertThat(clerk.waitFor(By.cssSelector(".problem")).getText()).contains("16 angka");

            // A name: whole words in any order, found although names are sealed in the database.
            lookUp(clerk, "zaini Lalu");
            assertThat(clerk.waitFor(By.id("returnees")).findElements(By.cssSelector("tbody tr")))
                    .extracting(r -> r.getAttribute("data-beneficiary"))
                    .contains(person.toString());
            assertThat(clerk.findAll(By.cssSelector("#returnees tbody th")))
                    .allSatisfy(
                            name -> assertThat(name.getText()).contains("LALU").contains("ZAINI"));
            assertThat(clerk.currentPath()).isEqualTo("/returnees/lookup");
            clerk.check("returnees-lookup");
            lookUp(clerk, "zain");
            assertThat(clerk.waitFor(By.cssSelector(".problem")).getText())
                    .as("whole words only")
                    .contains("Tidak ada orang dengan nama itu");
        }
        try (ConsoleBrowser bali = new ConsoleBrowser().signIn(OfficerLogin.CLERK_BALI)) {
            bali.open("/returnees");
            lookUp(bali, nik);
            assertThat(bali.waitFor(By.cssSelector(".problem")).getText())
                    .as("another province's person is not found")
                    .contains("Tidak ada orang terdaftar");
            assertThat(bali.findAll(By.id("returnees"))).isEmpty();
            lookUp(bali, "LALU MUHAMMAD ZAINI");
            assertThat(bali.waitFor(By.cssSelector(".problem")).getText())
                    .as("nor by name")
                    .contains("Tidak ada orang dengan nama itu");
        }

        try (ConsoleBrowser auditor = new ConsoleBrowser().signIn(OfficerLogin.AUDITOR)) {
            auditor.find(By.linkText("Putar ulang")).click();
            auditor.find(By.cssSelector("#replay button")).click();
            assertThat(Long.parseLong(auditor.waitFor(By.id("replayed-payments"), ofSeconds(60))
                            .getText()
                            .replace(".", "")))
                    .isGreaterThanOrEqualTo(1);
            assertThat(auditor.findAll(By.cssSelector("#totals tr[data-state=SETTLED]")))
                    .isNotEmpty();
            String replayPage = auditor.currentPath();
            // The live report and the event log agree once nothing is between the bank and the ledger.
            await().atMost(ofSeconds(60)).pollInterval(ofSeconds(3)).untilAsserted(() -> {
                auditor.open(replayPage);
                auditor.find(By.cssSelector("#compare button")).click();
                assertThat(auditor.waitFor(By.id("comparison")).getAttribute("data-matches"))
                        .isEqualTo("true");
            });
            assertThat(auditor.find(By.id("comparison")).getText()).startsWith("Sama dengan laporan langsung");
            assertThat(auditor.fetchText(replayPage + "/totals.csv"))
                    .startsWith("200\n")
                    .contains("program,province,regency,state");
            auditor.check("replay");

            auditor.open("/audit/replays");
            String yesterday =
                    LocalDate.now(ZoneId.of("Asia/Jakarta")).minusDays(1).toString();
            ((org.openqa.selenium.JavascriptExecutor) auditor.driver())
                    .executeScript("arguments[0].value = arguments[1];", auditor.find(By.id("as-of-date")), yesterday);
            auditor.find(By.cssSelector("#replay button")).click();
            assertThat(auditor.waitFor(By.id("run"), ofSeconds(60)).getText())
                    .contains(LocalDate.parse(yesterday)
                                    .format(java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy"))
                            + " 23:59");
        }

        try (ConsoleBrowser dpo = new ConsoleBrowser().signIn(OfficerLogin.DPO)) {
            dpo.find(By.linkText("Data pribadi")).click();
            lookUp(dpo, nik);
            WebElement found = dpo.waitFor(By.id("person"));
            assertThat(found.getAttribute("data-beneficiary")).isEqualTo(person.toString());
            dpo.check("privacy");

            dpo.find(By.linkText("Siapa yang membaca atau mengekspor datanya")).click();
            List<String> actions = dpo.findAll(By.cssSelector("#accesses tr[data-action]")).stream()
                    .map(r -> r.getAttribute("data-action"))
                    .toList();
            assertThat(actions)
                    .as("the clerk's and the officer's own look-ups, each recorded")
                    .contains("LOOKUP_RETURNEE_BY_NIK");
            assertThat(dpo.find(By.id("accesses")).getText()).doesNotContain(nik);
            dpo.check("access-log");

            dpo.open("/privacy");
            lookUp(dpo, nik);
            dpo.waitFor(By.id("erase"));
            new Select(dpo.find(By.id("ground"))).selectByValue("DATA_SUBJECT_REQUEST");
            dpo.find(By.id("reason")).sendKeys("Surat permintaan No. 12/DPO/XII/2026");
            dpo.find(By.cssSelector("#erase input[name=confirmed]")).click();
            dpo.find(By.cssSelector("#erase button[type=submit]")).click();
            assertThat(dpo.waitFor(By.cssSelector(".notice")).getText())
                    .contains("telah dihapus")
                    .contains(person.toString());

            lookUp(dpo, nik);
            assertThat(dpo.waitFor(By.cssSelector(".problem")).getText())
                    .as("an erased person is found by nobody")
                    .contains("Tidak ada orang terdaftar");
        }
        assertThat(platform.database()
                        .count(
                                "SELECT COUNT(*) FROM registration.returnee WHERE beneficiary_id = ? "
                                        + "AND erased_at IS NOT NULL",
                                person.toString()))
                .isEqualTo(1);
    }

    private static void lookUp(ConsoleBrowser officer, String nik) {
        WebElement field = officer.waitFor(By.id("query"));
        field.clear();
        field.sendKeys(nik);
        field.findElement(By.xpath("./ancestor::form"))
                .findElement(By.cssSelector("button[type=submit]"))
                .click();
    }
}

package id.go.kemensos.returnee.systemtests;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.kemensos.returnee.infra.launcher.PlatformService;
import id.go.kemensos.returnee.testsupport.OfficerLogin;
import id.go.kemensos.returnee.testsupport.PlatformIntegrationTest;
import id.go.kemensos.returnee.testsupport.ReturneeMother;
import id.go.kemensos.returnee.testsupport.RunningPlatform;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Maker-checker in the console, in a real browser: the finance maker prepares Bali's batch and is told why they cannot
 * approve it (no button), the checker approves it and its payments settle, and the auditor sees the same page with no
 * action at all, while a forged approval through the console is refused by disbursement-service.
 */
@PlatformIntegrationTest
class ConsoleFinanceIT {

    private static final String BALI = "51";
    private static final long GRANT = 960_000;
    private static RunningPlatform platform;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.start();
    }

    @Test
    void theMakerPreparesTheCheckerApprovesAndTheAuditorOnlyReads() {
        String year = String.valueOf(LocalDate.now(ZoneId.of("Asia/Jakarta")).getYear());
        platform.services().stop(PlatformService.DISBURSEMENT);
        platform.services().start(PlatformService.DISBURSEMENT, Map.of("DISBURSEMENT_AUTO_APPROVAL", "false"));
        try {
            List<UUID> people = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                people.add(platform.registration().register(ReturneeMother.nyomanSuartaDenpasar()));
            }
            long committed = platform.database()
                    .count(
                            "SELECT COALESCE(SUM(committed), 0) FROM disbursement.budget "
                                    + "WHERE program_id = 'BSU' AND province_code = ? AND fiscal_year = ?",
                            BALI,
                            year);
            platform.disbursement().setCeiling("BSU", BALI, year, committed + 10 * GRANT);
            await().atMost(ofSeconds(60))
                    .until(() -> count(people, "state = 'SCHEDULED' AND account_check = 'VERIFIED'") == 2);

            String batchRow;
            try (ConsoleBrowser maker = new ConsoleBrowser().signIn(OfficerLogin.FINANCE_MAKER)) {
                maker.find(By.linkText("Keuangan")).click();
                maker.open("/finance?provinceCode=" + BALI);
                assertThat(maker.find(By.id("budgets")).getText())
                        .contains("51 Bali")
                        .contains("Rp ");
                maker.find(By.cssSelector("#prepare button[type=submit]")).click();
                assertThat(maker.waitFor(By.cssSelector(".notice")).getText()).contains("batch disiapkan");
                WebElement prepared = maker.waitFor(By.cssSelector("#batches tr[data-state=PREPARED]"));
                batchRow = prepared.getAttribute("id");
                assertThat(prepared.getText())
                        .contains("oleh Anda")
                        .contains("Anda menyiapkan batch ini")
                        .contains("Rp ");
                assertThat(prepared.findElements(By.cssSelector("button.approve")))
                        .as("no approval for its maker")
                        .isEmpty();
                maker.check("finance-maker");

                // The maker shares Bali's line out to Denpasar: what Denpasar's people hold already, and room for more.
                new org.openqa.selenium.support.ui.Select(maker.find(By.id("regency-code"))).selectByValue("5171");
                maker.find(By.id("regency-ceiling-amount")).sendKeys("Rp 960.000.000");
                maker.find(By.cssSelector("#regency-ceiling button[type=submit]"))
                        .click();
                assertThat(maker.waitFor(By.cssSelector(".notice")).getText())
                        .contains("Pagu kabupaten/kota ditetapkan")
                        .contains("Denpasar");
                assertThat(maker.find(By.id("regency-budget-BSU-" + year + "-5171"))
                                .getText())
                        .contains("Rp 960.000.000");
                maker.check("finance-regency-ceiling");
            }
            assertThat(count(people, "state = 'SCHEDULED' AND batch_id IS NOT NULL"))
                    .as("batched, not yet approved")
                    .isEqualTo(2);

            try (ConsoleBrowser auditor = new ConsoleBrowser().signIn(OfficerLogin.AUDITOR)) {
                auditor.open("/finance?provinceCode=" + BALI);
                WebElement row = auditor.waitFor(By.id(batchRow));
                assertThat(row.getText()).contains("Menunggu keputusan pemeriksa");
                assertThat(auditor.findAll(By.cssSelector("main form[method=post]")))
                        .as("no form that changes anything")
                        .isEmpty();
                auditor.check("finance-auditor");
                String forged = auditor.postForm(
                        "/finance/batches/" + batchRow.substring("batch-".length()) + "/approval",
                        "provinceCode=" + BALI);
                assertThat(forged)
                        .as("disbursement-service refuses the auditor's approval")
                        .startsWith("403\n")
                        .contains("Peran Anda tidak mengizinkan tindakan ini");
            }

            try (ConsoleBrowser checker = new ConsoleBrowser().signIn(OfficerLogin.FINANCE_CHECKER)) {
                checker.open("/finance?provinceCode=" + BALI);
                WebElement row = checker.waitFor(By.id(batchRow));
                assertThat(row.getText()).contains("oleh petugas lain");
                checker.check("finance-checker");
                row.findElement(By.cssSelector("button.approve")).click();
                assertThat(checker.waitFor(By.cssSelector(".notice")).getText()).contains("Batch disetujui");
                assertThat(checker.find(By.id(batchRow)).getAttribute("data-state"))
                        .isEqualTo("APPROVED");
                String handover = checker.find(By.id(batchRow))
                        .findElement(By.cssSelector("a.handover"))
                        .getAttribute("href");
                assertThat(checker.fetchHead(handover))
                        .as("the approved batch's handover record, through the console with the checker's token")
                        .matches("200 application/pdf \\d{4,}");
            }
            await().atMost(ofSeconds(60)).until(() -> count(people, "state = 'SETTLED'") == 2);

            try (ConsoleBrowser checker = new ConsoleBrowser().signIn(OfficerLogin.FINANCE_CHECKER)) {
                checker.open("/?provinceCode=" + BALI);
                WebElement denpasar = checker.waitFor(By.cssSelector("#areas tr[data-code='5171']"));
                assertThat(denpasar.getText()).startsWith("Kota Denpasar");
                assertThat(Long.parseLong(denpasar.findElement(By.cssSelector("td.paid"))
                                .getText()
                                .replace(".", "")))
                        .as("the approved batch's payments, paid, on the dashboard")
                        .isGreaterThanOrEqualTo(2);
                assertThat(checker.findAll(By.cssSelector("#chart-areas canvas")))
                        .as("the bar chart is drawn")
                        .isNotEmpty();
                await().atMost(ofSeconds(30)).pollInterval(ofSeconds(2)).untilAsserted(() -> {
                    checker.open("/?provinceCode=" + BALI);
                    assertThat(Long.parseLong(checker.find(By.id("sms-delivered"))
                                    .getText()
                                    .replace(".", "")))
                            .as("Bali's SMS delivered, as the gateway reported them")
                            .isGreaterThanOrEqualTo(2);
                });
                assertThat(checker.findAll(By.cssSelector("#chart-days canvas")))
                        .as("the payments per day are drawn")
                        .isNotEmpty();
                assertThat(checker.find(By.cssSelector("#days tbody tr th")).getAttribute("textContent"))
                        .as("a day is a date")
                        .matches("\\d{4}-\\d{2}-\\d{2}");
                String csv = checker.fetchText("/dashboard.csv?provinceCode=" + BALI);
                assertThat(csv)
                        .startsWith("200\n")
                        .contains("kode,wilayah,terdaftar,dibayar,jumlah_dibayar_rp")
                        .contains("Kota Denpasar");
                checker.check("dashboard-bali");
            }
        } finally {
            platform.services().stop(PlatformService.DISBURSEMENT);
            platform.services().start(PlatformService.DISBURSEMENT);
        }
    }

    private static long count(List<UUID> people, String condition) {
        long total = 0;
        for (UUID person : people) {
            total += platform.database()
                    .count(
                            "SELECT COUNT(*) FROM disbursement.payment_intent WHERE beneficiary_id = ? AND "
                                    + condition,
                            person.toString());
        }
        return total;
    }
}

package id.go.kemensos.returnee.systemtests;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.kemensos.returnee.testsupport.OfficerLogin;
import id.go.kemensos.returnee.testsupport.PlatformIntegrationTest;
import id.go.kemensos.returnee.testsupport.ReturneeMother;
import id.go.kemensos.returnee.testsupport.RunningPlatform;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Finance after the batch, in a real browser: the maker imports the bank's statement and sees its breaks, reissues the
 * payment whose money came back, accepts an account held by the account check, and raises a ceiling (one below what is
 * committed is refused with disbursement-service's reason); the checker sees the same lists with nothing to act on.
 */
@PlatformIntegrationTest
class ConsoleFinanceFollowUpIT {

    private static final String NTB = "52";
    private static RunningPlatform platform;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.start();
    }

    @Test
    void theMakerImportsTheStatementAndReissuesThePaymentThatCameBack() throws IOException {
        UUID paid = platform.registration().register(ReturneeMother.laluZainiLombokTimur());
        UUID cameBack = platform.registration().register(ReturneeMother.sitiAminahLombokTengah());
        await().atMost(ofSeconds(60))
                .until(() -> paymentOf(paid, "SETTLED") != null && paymentOf(cameBack, "SETTLED") != null);
        String missing = paymentOf(paid, "SETTLED");
        String returned = paymentOf(cameBack, "SETTLED");
        assertThat(platform.stack().bank().returnTransfer(returned)).isTrue();
        Path statement = Files.createTempFile("rekening-koran-", ".csv");
        Files.writeString(
                statement,
                platform.stack()
                        .bank()
                        .statementCsv()
                        .lines()
                        .filter(line -> !line.contains(missing))
                        .collect(Collectors.joining("\n", "", "\n")),
                StandardCharsets.UTF_8);
        Path unreadable = Files.createTempFile("bukan-rekening-koran-", ".csv");
        Files.writeString(unreadable, "halo,dunia\n1,2\n", StandardCharsets.UTF_8);

        try (ConsoleBrowser maker = new ConsoleBrowser().signIn(OfficerLogin.FINANCE_MAKER)) {
            maker.open("/finance");
            maker.find(By.linkText("Rekening koran")).click();
            maker.waitFor(By.id("file")).sendKeys(unreadable.toString());
            maker.find(By.cssSelector("form.upload button[type=submit]")).click();
            assertThat(maker.waitFor(By.cssSelector(".problem")).getText())
                    .as("the service's reason, on the same page")
                    .startsWith("Tidak dapat dilakukan:");

            maker.find(By.id("file")).sendKeys(statement.toString());
            maker.find(By.cssSelector("form.upload button[type=submit]")).click();
            maker.waitFor(By.id("match"));
            assertThat(Long.parseLong(maker.find(By.id("returned")).getText().replace(".", "")))
                    .isGreaterThanOrEqualTo(1);
            assertThat(maker.findAll(By.cssSelector("#break-list tr[data-kind=MISSING_FROM_STATEMENT]")))
                    .isNotEmpty();
            assertThat(maker.find(By.id("break-list")).getText()).contains("Tidak ada di rekening koran");
            maker.check("finance-statement");
            assertThat(paymentOf(cameBack, "RETURNED")).isEqualTo(returned);

            maker.find(By.linkText("Lihat pembayaran yang dikembalikan untuk diterbitkan ulang"))
                    .click();
            maker.open("/finance/payments?provinceCode=" + NTB);
            WebElement row = maker.waitFor(By.id("payment-" + returned));
            assertThat(row.getAttribute("data-state")).isEqualTo("RETURNED");
            assertThat(row.getText()).contains("Dikembalikan bank").contains("Rp 960.000");
            maker.check("finance-payments");
            row.findElement(By.id("reissue-" + returned))
                    .sendKeys("Dana kembali; rekening diperiksa ulang di loket Dinsos");
            row.findElement(By.cssSelector("button.reissue")).click();
            assertThat(maker.waitFor(By.cssSelector(".notice")).getText()).contains("diterbitkan ulang");
            assertThat(maker.findAll(By.id("payment-" + returned)))
                    .as("a reissued payment leaves the list")
                    .isEmpty();
        }
        await().atMost(ofSeconds(60))
                .until(() -> platform.database()
                                .count(
                                        "SELECT COUNT(*) FROM disbursement.payment_intent "
                                                + "WHERE reissue_of = ? AND state = 'SETTLED'",
                                        returned)
                        == 1);

        try (ConsoleBrowser checker = new ConsoleBrowser().signIn(OfficerLogin.FINANCE_CHECKER)) {
            checker.open("/finance/payments?provinceCode=" + NTB);
            checker.waitFor(By.tagName("h1"));
            assertThat(checker.findAll(By.cssSelector("main form[method=post]")))
                    .as("only a maker reissues")
                    .isEmpty();
            assertThat(checker.findAll(By.linkText("Rekening koran")))
                    .as("only a maker imports statements")
                    .isEmpty();
        }
    }

    @Test
    void theMakerAcceptsAHeldAccountAndRaisesTheCeiling() {
        Map<String, Object> siti = ReturneeMother.sitiAminahLombokTengah();
        // Bank records often carry the patronymic the ID card leaves out: a real person, but not the same words.
        platform.stack()
                .bank()
                .registerAccount(
                        (String) siti.get("bankCode"), (String) siti.get("accountNumber"), "SITI AMINAH BINTI AHMAD");
        UUID person = platform.registration().register(siti);
        String held = await().atMost(ofSeconds(60))
                .until(
                        () -> paymentWhere(person, "state = 'SCHEDULED' AND account_check = 'MISMATCH'"),
                        id -> id != null);

        try (ConsoleBrowser checker = new ConsoleBrowser().signIn(OfficerLogin.FINANCE_CHECKER)) {
            checker.open("/finance/accounts?provinceCode=" + NTB);
            assertThat(checker.waitFor(By.id("review-" + held)).getText())
                    .contains("Petugas pembuat (maker) yang memutuskan");
            assertThat(checker.findAll(By.cssSelector("main form[method=post]")))
                    .isEmpty();
        }

        try (ConsoleBrowser maker = new ConsoleBrowser().signIn(OfficerLogin.FINANCE_MAKER)) {
            maker.open("/finance");
            maker.find(By.linkText("Tinjauan rekening")).click();
            WebElement row = maker.waitFor(By.id("review-" + held));
            assertThat(row.findElement(By.cssSelector(".registered")).getText()).isEqualTo("SITI AMINAH");
            assertThat(row.findElement(By.cssSelector(".holder")).getText()).isEqualTo("SITI AMINAH BINTI AHMAD");
            assertThat(row.getText()).contains("Rp 960.000").doesNotContain((String) siti.get("accountNumber"));
            maker.check("finance-accounts");
            row.findElement(By.id("accept-" + held)).sendKeys("Nama di bank memuat bin/binti; KTP diperiksa di loket");
            row.findElement(By.cssSelector("button.accept")).click();
            assertThat(maker.waitFor(By.cssSelector(".notice")).getText()).contains("Rekening diterima");
            await().atMost(ofSeconds(60)).until(() -> paymentWhere(person, "state = 'SETTLED'") != null);

            String year =
                    String.valueOf(LocalDate.now(ZoneId.of("Asia/Jakarta")).getYear());
            Map<String, Object> budget = platform.database()
                    .rows(
                            "SELECT ceiling, committed FROM disbursement.budget "
                                    + "WHERE program_id = 'BSU' AND province_code = ? AND fiscal_year = ?",
                            NTB,
                            year)
                    .get(0);
            long ceiling = ((Number) budget.get("ceiling")).longValue();
            String field = "ceiling-BSU-" + NTB + "-" + year;
            maker.open("/finance?provinceCode=" + NTB);
            setCeiling(maker, field, "1.000");
            assertThat(maker.waitFor(By.cssSelector(".problem")).getText())
                    .as("below what is committed")
                    .startsWith("Tidak dapat dilakukan:");
            setCeiling(maker, field, "sejuta");
            assertThat(maker.waitFor(By.cssSelector(".problem")).getText()).contains("bukan jumlah rupiah");

            String raised = "Rp "
                    + NumberFormat.getIntegerInstance(Locale.forLanguageTag("id-ID"))
                            .format(ceiling + 960_000);
            setCeiling(maker, field, raised);
            assertThat(maker.waitFor(By.cssSelector(".notice")).getText()).contains("Pagu diubah menjadi " + raised);
            assertThat(platform.database()
                            .count(
                                    "SELECT ceiling FROM disbursement.budget WHERE program_id = 'BSU' "
                                            + "AND province_code = ? AND fiscal_year = ?",
                                    NTB,
                                    year))
                    .isEqualTo(ceiling + 960_000);
            maker.check("finance-ceilings");
        }
    }

    private static void setCeiling(ConsoleBrowser maker, String field, String value) {
        WebElement input = maker.waitFor(By.id(field));
        input.clear();
        input.sendKeys(value);
        input.findElement(By.xpath("./ancestor::form"))
                .findElement(By.cssSelector("button[type=submit]"))
                .click();
    }

    private static String paymentOf(UUID beneficiary, String state) {
        return paymentWhere(beneficiary, "state = '" + state + "'");
    }

    private static String paymentWhere(UUID beneficiary, String condition) {
        List<Map<String, Object>> rows = platform.database()
                .rows(
                        "SELECT payment_id FROM disbursement.payment_intent " + "WHERE beneficiary_id = ? AND "
                                + condition,
                        beneficiary.toString());
        return rows.isEmpty() ? null : (String) rows.get(0).get("payment_id");
    }
}

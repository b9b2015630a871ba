package id.go.kemensos.returnee.systemtests;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import id.go.kemensos.returnee.contracts.registration.BankAccount;
import id.go.kemensos.returnee.infra.launcher.PlatformService;
import id.go.kemensos.returnee.testsupport.DisbursementApi;
import id.go.kemensos.returnee.testsupport.OfficerLogin;
import id.go.kemensos.returnee.testsupport.PlatformIntegrationTest;
import id.go.kemensos.returnee.testsupport.RegistrationApi;
import id.go.kemensos.returnee.testsupport.ReturneeMother;
import id.go.kemensos.returnee.testsupport.RunningPlatform;
import id.go.kemensos.returnee.testsupport.ServiceApi;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Budgets and maker-checker, in Bali so that the ceilings are this test's own. Payments beyond a ceiling wait with the
 * reason and are paid, once each, when the ceiling is raised; with maker-checker a second officer approves a prepared
 * batch, the preparer cannot (whoever their token says they are, whatever a body says), and a rejected batch returns
 * its payments and its budget. An account amended while a payment is batched does not redirect it: it is paid to the
 * account its inquiry checked, or checked again if the batch is rejected.
 */
@PlatformIntegrationTest
class BudgetAndBatchApprovalIT {

    private static final String BALI = "51";
    private static final long GRANT = 960_000L;
    private static RunningPlatform platform;
    private static DisbursementApi disbursement;
    private static String year;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.start();
        disbursement = platform.disbursement();
        year = String.valueOf(LocalDate.now(ZoneId.of("Asia/Jakarta")).getYear());
    }

    @Test
    void paymentsBeyondTheCeilingWaitWithTheReasonAndArePaidOnceWhenItIsRaised() {
        payEverythingWaitingInBali(); // e.g. the payment the batch test sent back to the pool
        long committedBefore = committed();
        disbursement.setCeiling("BSU", BALI, year, committedBefore + GRANT); // room for one more
        List<UUID> people = registerInBali(3);

        await().atMost(ofSeconds(60))
                .until(() -> count(people, "state = 'SETTLED'") == 1
                        && count(people, "waiting_reason LIKE '%exceeded%'") == 2);
        assertThat(count(people, "state = 'SCHEDULED'")).isEqualTo(2);

        disbursement.setCeiling("BSU", BALI, year, committedBefore + 3 * GRANT);
        await().atMost(ofSeconds(60)).until(() -> count(people, "state = 'SETTLED'") == 3);
        assertThat(committed()).isEqualTo(committedBefore + 3 * GRANT);
        eachPaidExactlyOnce(people);
        assertThat(putCeiling(committedBefore + 3 * GRANT - 1).status())
                .as("below what is committed")
                .isEqualTo(409);
    }

    /**
     * A province shares its line out among its regencies: Denpasar's people wait when Denpasar's share is used up, while
     * Badung's are paid from the province's line, and raising Denpasar's share pays the one who waited, once.
     */
    @Test
    void aRegencysCeilingHoldsUpOnlyItsOwnPeopleWithinTheProvincesLine() {
        payEverythingWaitingInBali();
        disbursement.setCeiling("BSU", BALI, year, committed() + 10 * GRANT);
        long denpasarHeld = regencyCeiling("5171", Long.MAX_VALUE / 2)
                .body()
                .get("committed")
                .asLong();
        assertThat(regencyCeiling("5171", denpasarHeld + GRANT).status()).isEqualTo(200); // room for one more
        List<UUID> denpasar = registerInBali(2);
        List<UUID> badung = List.of(platform.registration().register(ReturneeMother.madeWijayaBadung()));

        await().atMost(ofSeconds(60))
                .until(() -> count(denpasar, "state = 'SETTLED'") == 1
                        && count(denpasar, "waiting_reason LIKE '%regency%'") == 1
                        && count(badung, "state = 'SETTLED'") == 1);
        JsonNode lines = disbursement
                .get("/api/budgets/BSU/" + BALI + "/" + year + "/regencies")
                .body();
        assertThat(lines.valueStream()
                        .filter(line -> line.get("regencyCode").asString().equals("5171"))
                        .findFirst()
                        .orElseThrow()
                        .get("committed")
                        .asLong())
                .isEqualTo(denpasarHeld + GRANT);
        assertThat(regencyCeiling("5171", denpasarHeld).status())
                .as("below what is committed")
                .isEqualTo(409);
        assertThat(regencyCeiling("5201", GRANT).status())
                .as("a regency of another province")
                .isEqualTo(400);
        assertThat(disbursement
                        .put("/api/budgets/BSU/" + BALI + "/1999/regencies/5171", Map.of("ceiling", GRANT))
                        .status())
                .as("no province line for that year")
                .isEqualTo(409);

        assertThat(regencyCeiling("5171", Long.MAX_VALUE / 2).status()).isEqualTo(200);
        await().atMost(ofSeconds(60)).until(() -> count(denpasar, "state = 'SETTLED'") == 2);
        eachPaidExactlyOnce(denpasar);
    }

    /** Each person's account was credited once at the bank, however many times their payment was approved again. */
    private static void eachPaidExactlyOnce(List<UUID> people) {
        for (UUID person : people) {
            String account =
                    platform.sealedColumns().payeeAccount(person).orElseThrow().accountNumber();
            assertThat(platform.stack().bank().executedTransfers().stream()
                            .filter(t -> t.accountNo().equals(account))
                            .count())
                    .as("paid exactly once")
                    .isEqualTo(1);
        }
    }

    private static DisbursementApi.Response regencyCeiling(String regencyCode, long ceiling) {
        return disbursement.put(
                "/api/budgets/BSU/" + BALI + "/" + year + "/regencies/" + regencyCode, Map.of("ceiling", ceiling));
    }

    @Test
    void aSecondOfficerApprovesABatchAndARejectedBatchGivesItsPaymentsAndBudgetBack() {
        platform.services().stop(PlatformService.DISBURSEMENT);
        platform.services().start(PlatformService.DISBURSEMENT, Map.of("DISBURSEMENT_AUTO_APPROVAL", "false"));
        try {
            disbursement.setCeiling("BSU", BALI, year, committed() + 10 * GRANT);
            List<UUID> people = registerInBali(2);
            await().atMost(ofSeconds(60))
                    .until(() -> count(people, "state = 'SCHEDULED' AND account_check = 'VERIFIED'") == 2);
            assertThat(count(people, "state = 'SCHEDULED'"))
                    .as("nothing is approved without an officer")
                    .isEqualTo(2);

            String maker = OfficerSubjects.of(OfficerLogin.FINANCE_MAKER);
            String checker = OfficerSubjects.of(OfficerLogin.FINANCE_CHECKER);
            long committedBefore = committed();
            JsonNode prepared = prepare(OfficerLogin.FINANCE_MAKER);
            JsonNode batch = single(prepared);
            assertThat(batch.get("payments").asInt()).isGreaterThanOrEqualTo(2);
            assertThat(batch.get("preparedBy").asString())
                    .as("the maker is the token's subject")
                    .isEqualTo(maker);
            assertThat(committed())
                    .isEqualTo(committedBefore + batch.get("total").asLong());
            String batchId = batch.get("batchId").asString();

            // An account amended after the maker prepared the batch: the batch still pays the account its inquiry
            // checked,
            // the one the checker approves; nobody has checked the amended one.
            UUID amended = people.get(0);
            String checkedAccount = paymentAccount(amended, "checked_account");
            String newAccount = amendAccount(amended);

            // The approver is whoever's token it is: the maker cannot approve, not even by naming someone else in the
            // body,
            // and a body naming the approver is refused rather than read, whoever sends it.
            String approval = "/api/batches/" + batchId + "/approval";
            String beforeApproval = pdfText(
                    download(OfficerLogin.FINANCE_CHECKER, "/api/batches/" + batchId + "/nominal-list.pdf", 200));
            assertThat(beforeApproval)
                    .as("the checker reads the list before approving")
                    .contains("I NYOMAN SUARTA", "(belum disetujui)", "Denpasar");
            download(OfficerLogin.FINANCE_CHECKER, "/api/batches/" + batchId + "/handover-record.pdf", 409);
            DisbursementApi.Response self =
                    disbursement.as(OfficerLogin.FINANCE_MAKER).post(approval, Map.of());
            assertThat(self.status()).as("maker-checker: %s", self.body()).isEqualTo(403);
            DisbursementApi.Response selfNamingAnother =
                    disbursement.as(OfficerLogin.FINANCE_MAKER).post(approval, Map.of("approvedBy", "someone.else"));
            assertThat(selfNamingAnother.status())
                    .as("maker-checker, another approver named: %s", selfNamingAnother.body())
                    .isEqualTo(403);
            DisbursementApi.Response naming =
                    disbursement.as(OfficerLogin.FINANCE_CHECKER).post(approval, Map.of("approvedBy", "someone.else"));
            assertThat(naming.status())
                    .as("the approver comes from the token, never the body: %s", naming.body())
                    .isEqualTo(400);
            DisbursementApi.Response approved =
                    disbursement.as(OfficerLogin.FINANCE_CHECKER).post(approval, Map.of());
            assertThat(approved.status()).as("%s", approved.body()).isEqualTo(200);
            assertThat(approved.body().get("state").asString()).isEqualTo("APPROVED");
            assertThat(approved.body().get("decidedBy").asString()).isEqualTo(checker);
            await().atMost(ofSeconds(60))
                    .until(() -> count(people, "state = 'SETTLED' AND approved_by = '" + checker + "'") == 2);
            assertThat(paymentAccount(amended, "paid_account"))
                    .as("sent to the account checked and approved")
                    .isEqualTo(checkedAccount);
            assertThat(platform.stack().bank().executedTransfers())
                    .noneMatch(t -> t.accountNo().equals(newAccount))
                    .anyMatch(t -> t.accountNo().equals(checkedAccount));
            assertThat(disbursement
                            .as(OfficerLogin.FINANCE_LEAD)
                            .post(approval, Map.of())
                            .status())
                    .as("decided once, whichever checker asks")
                    .isEqualTo(409);
            batchDocumentsNameThePayeesAndBothOfficers(batchId, maker, checker);

            List<UUID> later = registerInBali(1);
            await().atMost(ofSeconds(60))
                    .until(() -> count(later, "state = 'SCHEDULED' AND account_check = 'VERIFIED'") == 1);
            long beforeRejection = committed();
            // Prepared by the finance lead, who holds the checker role too: the subject, not the role, keeps them from
            // deciding it.
            JsonNode second = single(prepare(OfficerLogin.FINANCE_LEAD));
            String secondId = second.get("batchId").asString();
            String laterAccount =
                    amendAccount(later.get(0)); // amended while batched: checked again once the batch is rejected
            DisbursementApi lead = disbursement.as(OfficerLogin.FINANCE_LEAD);
            assertThat(lead.post("/api/batches/" + secondId + "/approval", Map.of())
                            .status())
                    .as("maker-checker by subject")
                    .isEqualTo(403);
            assertThat(lead.post("/api/batches/" + secondId + "/rejection", Map.of("reason", "Dibatalkan sendiri"))
                            .status())
                    .as("maker-checker by subject")
                    .isEqualTo(403);
            DisbursementApi.Response rejected = disbursement
                    .as(OfficerLogin.FINANCE_CHECKER)
                    .post(
                            "/api/batches/" + secondId + "/rejection",
                            Map.of("reason", "Nomor rekening belum diverifikasi bank"));
            assertThat(rejected.status()).as("%s", rejected.body()).isEqualTo(200);
            assertThat(rejected.body().get("decidedBy").asString()).isEqualTo(checker);
            assertThat(committed()).as("budget released").isEqualTo(beforeRejection);
            assertThat(count(later, "state = 'SCHEDULED' AND batch_id IS NULL"))
                    .as("back in the pool, not lost")
                    .isEqualTo(1);
            await().atMost(ofSeconds(60))
                    .until(() -> count(later, "account_check = 'VERIFIED'") == 1
                            && laterAccount.equals(paymentAccount(later.get(0), "checked_account")));
        } finally {
            platform.services().stop(PlatformService.DISBURSEMENT);
            platform.services().start(PlatformService.DISBURSEMENT);
        }
    }

    @AfterAll
    static void payEverythingWaitingInBali() {
        // With automatic approval on, a raised ceiling approves every waiting payment; leave none for the next test.
        disbursement.setCeiling("BSU", BALI, year, committed() + 100 * GRANT);
        await().atMost(ofSeconds(60))
                .until(() -> platform.database()
                                .count(
                                        "SELECT COUNT(*) FROM disbursement.payment_intent "
                                                + "WHERE province_code = ? AND state IN ('SCHEDULED', 'APPROVED', "
                                                + "'SENT')",
                                        BALI)
                        == 0);
    }

    /** @param officer the finance officer who prepares (the maker is the token's subject) */
    private static JsonNode prepare(String officer) {
        DisbursementApi.Response response = disbursement
                .as(officer)
                .post("/api/batches", Map.of("programId", "BSU", "cycleId", year, "provinceCode", BALI));
        assertThat(response.status()).as("%s", response.body()).isEqualTo(200);
        return response.body();
    }

    /** All Bali test returnees bank with BRI, so a preparation makes one batch. */
    private static JsonNode single(JsonNode batches) {
        assertThat(batches).hasSize(1);
        return batches.get(0);
    }

    /**
     * The approved batch's nominal list (XLSX, as finance merges it; PDF) and handover record name every payee with a
     * masked NIK and account, the bank, the total, and the maker and checker by name rather than by subject; a clerk
     * may not download them.
     */
    private static void batchDocumentsNameThePayeesAndBothOfficers(String batchId, String maker, String checker) {
        byte[] xlsx = download(OfficerLogin.AUDITOR, "/api/batches/" + batchId + "/nominal-list.xlsx", 200);
        List<String> rows = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            DataFormatter text = new DataFormatter(Locale.ROOT);
            for (Row row : book.getSheetAt(0)) {
                List<String> cells = new ArrayList<>();
                row.forEach(c -> cells.add(text.formatCellValue(c)));
                rows.add(String.join("|", cells));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(rows).anySatisfy(r -> assertThat(r).startsWith("Status|APPROVED"));
        assertThat(String.join("\n", rows)).doesNotContain(maker, checker);
        List<String> payees = rows.stream()
                .filter(r -> r.matches("\\d+\\|I NYOMAN SUARTA\\|.*"))
                .toList();
        assertThat(payees)
                .hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(
                        r -> assertThat(r)
                                .matches(
                                        "\\d+\\|I NYOMAN SUARTA\\|5171\\*+\\d{2}\\|Kota Denpasar\\|\\*+\\d{4}\\|960,000\\|SETTLED\\|.*"));

        String record =
                pdfText(download(OfficerLogin.FINANCE_MAKER, "/api/batches/" + batchId + "/handover-record.pdf", 200));
        assertThat(record).contains("BERITA ACARA SERAH TERIMA BANTUAN", "Bank Rakyat Indonesia", "Diterima oleh");
        assertThat(record).doesNotContain(maker, checker, "(belum disetujui)");
        download(OfficerLogin.CLERK_BALI, "/api/batches/" + batchId + "/nominal-list.xlsx", 403);
    }

    private static byte[] download(String officer, String path, int expectedStatus) {
        ServiceApi.Download file =
                platform.api(PlatformService.DISBURSEMENT, officer).download(path);
        assertThat(file.status()).as("GET %s as %s", path, officer).isEqualTo(expectedStatus);
        return file.body();
    }

    private static String pdfText(byte[] pdf) {
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        try {
            PdfReader reader = new PdfReader(pdf);
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append('\n');
            }
            reader.close();
            return text.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<UUID> registerInBali(int n) {
        List<UUID> people = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            people.add(platform.registration().register(ReturneeMother.nyomanSuartaDenpasar()));
        }
        return people;
    }

    /**
     * Gives the person a new account at registration and waits until disbursement's payee has it; returns the number.
     */
    private static String amendAccount(UUID person) {
        String account =
                (String) ReturneeMother.nyomanSuartaDenpasar().get("accountNumber"); // a fresh valid BRI number
        RegistrationApi.Response amended = platform.registration()
                .as(OfficerLogin.CLERK_BALI)
                .amend(
                        person,
                        Map.of("bankCode", "002", "accountNumber", account, "accountHolderName", "I NYOMAN SUARTA"));
        assertThat(amended.status()).as("%s", amended.body()).isEqualTo(200);
        await().atMost(ofSeconds(60))
                .until(() -> platform.sealedColumns()
                        .payeeAccount(person)
                        .map(a -> a.accountNumber().equals(account))
                        .orElse(false));
        return account;
    }

    /** The account number a person's payment was checked against or sent to (sealed on the payment). */
    private static String paymentAccount(UUID person, String column) {
        return platform.sealedColumns()
                .paymentAccount(person, column)
                .map(BankAccount::accountNumber)
                .orElse(null);
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

    private static long committed() {
        return budgetValue("committed");
    }

    private static long budgetValue(String column) {
        List<Map<String, Object>> rows = platform.database()
                .rows(
                        "SELECT " + column + " FROM disbursement.budget WHERE program_id = 'BSU' "
                                + "AND province_code = ? AND fiscal_year = ?",
                        BALI,
                        year);
        return rows.isEmpty() ? 0 : ((Number) rows.get(0).get(column)).longValue();
    }

    private static DisbursementApi.Response putCeiling(long ceiling) {
        return disbursement.put("/api/budgets/BSU/" + BALI + "/" + year, Map.of("ceiling", ceiling));
    }
}

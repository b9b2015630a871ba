package id.go.kemensos.returnee.systemtests;

import id.go.kemensos.returnee.infra.launcher.PlatformService;
import id.go.kemensos.returnee.testsupport.DisbursementApi;
import id.go.kemensos.returnee.testsupport.PlatformIntegrationTest;
import id.go.kemensos.returnee.testsupport.RegistrationApi;
import id.go.kemensos.returnee.testsupport.ReturneeMother;
import id.go.kemensos.returnee.testsupport.RunningPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Budgets and maker-checker, in Bali so that the ceilings are this test's own. Payments beyond a ceiling wait with the reason
 * and are paid, once each, when the ceiling is raised; with maker-checker a second officer approves a prepared batch, the
 * preparer cannot, and a rejected batch returns its payments and its budget. An account amended while a payment is batched
 * does not redirect it: it is paid to the account its inquiry checked, or checked again if the batch is rejected.
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
        disbursement.setCeiling("BSU", BALI, year, committedBefore + GRANT, "keuangan.kemensos"); // room for one more
        List<UUID> people = registerInBali(3);

        await().atMost(ofSeconds(60)).until(() -> count(people, "state = 'SETTLED'") == 1 && count(people, "waiting_reason LIKE '%exceeded%'") == 2);
        assertThat(count(people, "state = 'SCHEDULED'")).isEqualTo(2);

        disbursement.setCeiling("BSU", BALI, year, committedBefore + 3 * GRANT, "keuangan.kemensos");
        await().atMost(ofSeconds(60)).until(() -> count(people, "state = 'SETTLED'") == 3);
        assertThat(committed()).isEqualTo(committedBefore + 3 * GRANT);
        for (UUID person : people) {
            String account = (String) platform.database().rows("SELECT account_number FROM disbursement.payee WHERE beneficiary_id = ?",
                    person.toString()).get(0).get("account_number");
            assertThat(platform.stack().bank().executedTransfers().stream().filter(t -> t.accountNo().equals(account)).count())
                    .as("paid exactly once").isEqualTo(1);
        }
        assertThat(putCeiling(committedBefore + 3 * GRANT - 1).status()).as("below what is committed").isEqualTo(409);
    }

    @Test
    void aSecondOfficerApprovesABatchAndARejectedBatchGivesItsPaymentsAndBudgetBack() {
        platform.services().stop(PlatformService.DISBURSEMENT);
        platform.services().start(PlatformService.DISBURSEMENT, Map.of("DISBURSEMENT_AUTO_APPROVAL", "false"));
        try {
            disbursement.setCeiling("BSU", BALI, year, committed() + 10 * GRANT, "keuangan.kemensos");
            List<UUID> people = registerInBali(2);
            await().atMost(ofSeconds(60)).until(() -> count(people, "state = 'SCHEDULED' AND account_check = 'VERIFIED'") == 2);
            assertThat(count(people, "state = 'SCHEDULED'")).as("nothing is approved without an officer").isEqualTo(2);

            long committedBefore = committed();
            JsonNode prepared = prepare("keuangan.maker");
            JsonNode batch = single(prepared);
            assertThat(batch.get("payments").asInt()).isGreaterThanOrEqualTo(2);
            assertThat(committed()).isEqualTo(committedBefore + batch.get("total").asLong());
            String batchId = batch.get("batchId").asString();

            // An account amended after the maker prepared the batch: the batch still pays the account its inquiry checked,
            // the one the checker approves; nobody has checked the amended one.
            UUID amended = people.get(0);
            String checkedAccount = paymentColumn(amended, "checked_account_number");
            String newAccount = amendAccount(amended);

            DisbursementApi.Response self = disbursement.post("/api/batches/" + batchId + "/approval", Map.of("approvedBy", "keuangan.maker"));
            assertThat(self.status()).as("maker-checker: %s", self.body()).isEqualTo(409);
            DisbursementApi.Response approved = disbursement.post("/api/batches/" + batchId + "/approval", Map.of("approvedBy", "keuangan.checker"));
            assertThat(approved.status()).as("%s", approved.body()).isEqualTo(200);
            assertThat(approved.body().get("state").asString()).isEqualTo("APPROVED");
            await().atMost(ofSeconds(60)).until(() -> count(people, "state = 'SETTLED' AND approved_by = 'keuangan.checker'") == 2);
            assertThat(paymentColumn(amended, "account_number")).as("sent to the account checked and approved").isEqualTo(checkedAccount);
            assertThat(platform.stack().bank().executedTransfers()).noneMatch(t -> t.accountNo().equals(newAccount))
                    .anyMatch(t -> t.accountNo().equals(checkedAccount));
            assertThat(disbursement.post("/api/batches/" + batchId + "/approval", Map.of("approvedBy", "keuangan.lain")).status())
                    .as("decided once").isEqualTo(409);

            List<UUID> later = registerInBali(1);
            await().atMost(ofSeconds(60)).until(() -> count(later, "state = 'SCHEDULED' AND account_check = 'VERIFIED'") == 1);
            long beforeRejection = committed();
            JsonNode second = single(prepare("keuangan.maker"));
            String laterAccount = amendAccount(later.get(0)); // amended while batched: checked again once the batch is rejected
            DisbursementApi.Response rejected = disbursement.post("/api/batches/" + second.get("batchId").asString() + "/rejection",
                    Map.of("rejectedBy", "keuangan.checker", "reason", "Nomor rekening belum diverifikasi bank"));
            assertThat(rejected.status()).as("%s", rejected.body()).isEqualTo(200);
            assertThat(committed()).as("budget released").isEqualTo(beforeRejection);
            assertThat(count(later, "state = 'SCHEDULED' AND batch_id IS NULL")).as("back in the pool, not lost").isEqualTo(1);
            await().atMost(ofSeconds(60)).until(() -> count(later, "account_check = 'VERIFIED' AND checked_account_number = '" + laterAccount + "'") == 1);
        } finally {
            platform.services().stop(PlatformService.DISBURSEMENT);
            platform.services().start(PlatformService.DISBURSEMENT);
        }
    }

    @AfterAll
    static void payEverythingWaitingInBali() {
        // With automatic approval on, a raised ceiling approves every waiting payment; leave none for the next test.
        disbursement.setCeiling("BSU", BALI, year, committed() + 100 * GRANT, "keuangan.kemensos");
        await().atMost(ofSeconds(60)).until(() -> platform.database().count("SELECT COUNT(*) FROM disbursement.payment_intent "
                + "WHERE province_code = ? AND state IN ('SCHEDULED', 'APPROVED', 'SENT')", BALI) == 0);
    }

    private static JsonNode prepare(String officer) {
        DisbursementApi.Response response = disbursement.post("/api/batches", Map.of("programId", "BSU", "cycleId", year, "provinceCode", BALI,
                "preparedBy", officer));
        assertThat(response.status()).as("%s", response.body()).isEqualTo(200);
        return response.body();
    }

    /** All Bali test returnees bank with BRI, so a preparation makes one batch. */
    private static JsonNode single(JsonNode batches) {
        assertThat(batches).hasSize(1);
        return batches.get(0);
    }

    private static List<UUID> registerInBali(int n) {
        List<UUID> people = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            people.add(platform.registration().register(ReturneeMother.nyomanSuartaDenpasar()));
        }
        return people;
    }

    /** Gives the person a new account at registration and waits until disbursement's payee has it; returns the number. */
    private static String amendAccount(UUID person) {
        String account = (String) ReturneeMother.nyomanSuartaDenpasar().get("accountNumber"); // a fresh valid BRI number
        RegistrationApi.Response amended = platform.registration().amend(person, Map.of("bankCode", "002", "accountNumber", account,
                "accountHolderName", "I NYOMAN SUARTA"));
        assertThat(amended.status()).as("%s", amended.body()).isEqualTo(200);
        await().atMost(ofSeconds(60)).until(() -> platform.database().count("SELECT COUNT(*) FROM disbursement.payee WHERE beneficiary_id = ? "
                + "AND account_number = ?", person.toString(), account) == 1);
        return account;
    }

    private static String paymentColumn(UUID person, String column) {
        return (String) platform.database().rows("SELECT " + column + " FROM disbursement.payment_intent WHERE beneficiary_id = ?",
                person.toString()).get(0).get(column);
    }

    private static long count(List<UUID> people, String condition) {
        long total = 0;
        for (UUID person : people) {
            total += platform.database().count("SELECT COUNT(*) FROM disbursement.payment_intent WHERE beneficiary_id = ? AND " + condition,
                    person.toString());
        }
        return total;
    }

    private static long committed() {
        return budgetValue("committed");
    }

    private static long budgetValue(String column) {
        List<Map<String, Object>> rows = platform.database().rows("SELECT " + column + " FROM disbursement.budget WHERE program_id = 'BSU' "
                + "AND province_code = ? AND fiscal_year = ?", BALI, year);
        return rows.isEmpty() ? 0 : ((Number) rows.get(0).get(column)).longValue();
    }

    private static DisbursementApi.Response putCeiling(long ceiling) {
        return disbursement.put("/api/budgets/BSU/" + BALI + "/" + year, Map.of("ceiling", ceiling, "setBy", "keuangan.kemensos"));
    }
}

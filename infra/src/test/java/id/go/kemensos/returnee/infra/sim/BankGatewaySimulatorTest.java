package id.go.kemensos.returnee.infra.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.kemensos.returnee.infra.sim.SimClient.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import com.prowidesoftware.swift.model.field.Field61;
import com.prowidesoftware.swift.model.field.Field86;
import com.prowidesoftware.swift.model.mt.mt9xx.MT940;
import org.junit.jupiter.api.Test;

class BankGatewaySimulatorTest {

    private static final String BRI = "002";
    private static final String SITI_ACCOUNT = "123401000123456";

    private BankGatewaySimulator bank;
    private SimClient client;

    @BeforeEach
    void start() {
        bank = new BankGatewaySimulator(0, new Random(42));
        bank.start();
        bank.registerAccount(BRI, SITI_ACCOUNT, "SITI AMINAH");
        client = new SimClient(bank);
    }

    @AfterEach
    void stop() {
        bank.close();
    }

    @Test
    void bindsAnEphemeralPortOnLoopback() {
        assertThat(bank.port()).isPositive().isNotEqualTo(BankGatewaySimulator.DEFAULT_PORT);
        assertThat(bank.baseUrl()).startsWith("http://127.0.0.1:");
    }

    @Test
    void accountInquiryReturnsTheRegisteredHolderName() {
        Response reply = client.post("/snap/v1.0/account-inquiry-external", Map.of("partnerReferenceNo", "INQ-1",
                "beneficiaryBankCode", "0020307", "beneficiaryAccountNo", SITI_ACCOUNT));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.field("responseCode")).isEqualTo("2001600");
        assertThat(reply.field("beneficiaryAccountName")).isEqualTo("SITI AMINAH");
        assertThat(reply.field("beneficiaryBankCode")).isEqualTo("0020307");
    }

    @Test
    void unknownAccountsExistWithoutANameUntilAutoOpenIsSwitchedOff() {
        Map<String, String> inquiry = Map.of("partnerReferenceNo", "INQ-2", "beneficiaryBankCode", "009",
                "beneficiaryAccountNo", "0987654321");
        Response open = client.post("/snap/v1.0/account-inquiry-external", inquiry);
        assertThat(open.status()).isEqualTo(200);
        assertThat(open.field("beneficiaryAccountName")).isEmpty();

        bank.setUnknownAccountsAutoOpen(false);
        Response unknown = client.post("/snap/v1.0/account-inquiry-external", inquiry);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.field("responseCode")).isEqualTo("4041611");
        assertThat(unknown.field("responseMessage")).isEqualTo("Invalid Account");
    }

    @Test
    void transferExecutesOnceAndADuplicateReplaysTheOriginalResult() {
        String reference = UUID.randomUUID().toString();

        Response first = transfer(reference, "960000.00", SITI_ACCOUNT);
        Response repeat = transfer(reference, "960000.00", SITI_ACCOUNT);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.field("responseCode")).isEqualTo("2001800");
        assertThat(first.field("referenceNo")).matches("BNK\\d{12}");
        assertThat(first.field("partnerReferenceNo")).isEqualTo(reference);
        assertThat(first.json().get("amount").get("value").asString()).isEqualTo("960000.00");
        assertThat(repeat.status()).isEqualTo(200);
        assertThat(repeat.field("referenceNo")).isEqualTo(first.field("referenceNo"));
        assertThat(bank.executionsOf(reference)).isEqualTo(1);
        assertThat(bank.executedTransferCount()).isEqualTo(1);
        assertThat(bank.transferRequestCount()).isEqualTo(2);
        assertThat(bank.executedTransfers()).singleElement().satisfies(t -> {
            assertThat(t.amount()).isEqualTo(960_000L);
            assertThat(t.accountName()).isEqualTo("SITI AMINAH");
            assertThat(t.bankReference()).isEqualTo(first.field("referenceNo"));
        });
        Response stats = client.get("/sim/stats");
        assertThat(stats.json().get("duplicateRequests").asLong()).isEqualTo(1);
        assertThat(stats.json().get("executedTransfers").asLong()).isEqualTo(1);
    }

    @Test
    void sameReferenceWithADifferentAmountOrAccountIsRejectedAsInconsistent() {
        String reference = UUID.randomUUID().toString();
        transfer(reference, "960000.00", SITI_ACCOUNT);

        Response otherAmount = transfer(reference, "970000.00", SITI_ACCOUNT);
        Response otherAccount = transfer(reference, "960000.00", "999901000123456");

        assertThat(List.of(otherAmount, otherAccount)).allSatisfy(reply -> {
            assertThat(reply.status()).isEqualTo(409);
            assertThat(reply.field("responseCode")).isEqualTo("4091800");
            assertThat(reply.field("responseMessage")).isEqualTo("Inconsistent Request");
        });
        assertThat(bank.executionsOf(reference)).isEqualTo(1);
    }

    @Test
    void closedAccountIsRejectedStoredAsFailedAndNotExecuted() {
        bank.closeAccount(BRI, SITI_ACCOUNT);
        String reference = UUID.randomUUID().toString();

        Response reply = transfer(reference, "960000.00", SITI_ACCOUNT);

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.field("responseCode")).isEqualTo("4031818");
        assertThat(reply.field("responseMessage")).isEqualTo("Inactive Account");
        assertThat(bank.executionsOf(reference)).isZero();
        assertThat(bank.executedTransferCount()).isZero();
        Response status = status(reference);
        assertThat(status.field("latestTransactionStatus")).isEqualTo("06");
        assertThat(status.field("transactionStatusDesc")).isEqualTo("Failed");
        assertThat(client.get("/sim/stats").json().get("rejectedTransfers").asLong()).isEqualTo(1);
    }

    @Test
    void amountMustBeWholeRupiahWithTwoDecimalsInIdr() {
        for (Map<String, String> amount : List.of(Map.of("value", "960000", "currency", "IDR"),
                Map.of("value", "960000.5", "currency", "IDR"), Map.of("value", "960000.50", "currency", "IDR"),
                Map.of("value", "-1.00", "currency", "IDR"), Map.of("value", "0.00", "currency", "IDR"),
                Map.of("value", "960000.00", "currency", "USD"))) {
            Response reply = client.post("/snap/v1.0/transfer-interbank", transferBody(UUID.randomUUID().toString(),
                    amount, SITI_ACCOUNT));
            assertThat(reply.status()).as(amount.toString()).isEqualTo(400);
            assertThat(reply.field("responseCode")).isEqualTo("4001802");
            assertThat(reply.field("responseMessage")).isEqualTo("Invalid Field Format amount");
        }
        assertThat(bank.executedTransferCount()).isZero();
    }

    @Test
    void statusInquiryReportsExecutedAndUnknownTransfers() {
        String reference = UUID.randomUUID().toString();
        String bankReference = transfer(reference, "960000.00", SITI_ACCOUNT).field("referenceNo");

        Response executed = status(reference);
        assertThat(executed.status()).isEqualTo(200);
        assertThat(executed.field("responseCode")).isEqualTo("2003600");
        assertThat(executed.field("originalPartnerReferenceNo")).isEqualTo(reference);
        assertThat(executed.field("originalReferenceNo")).isEqualTo(bankReference);
        assertThat(executed.field("latestTransactionStatus")).isEqualTo("00");
        assertThat(executed.field("transactionStatusDesc")).isEqualTo("Success");
        assertThat(executed.json().get("amount").get("value").asString()).isEqualTo("960000.00");

        Response unknown = status(UUID.randomUUID().toString());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.field("responseCode")).isEqualTo("4043601");
        assertThat(unknown.field("responseMessage")).isEqualTo("Transaction Not Found");
    }

    @Test
    void statementListsExecutedTransfersInWholeRupiah() {
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        String firstRef = transfer(first, "960000.00", SITI_ACCOUNT).field("referenceNo");
        String secondRef = transfer(second, "1250000.00", "0987654321").field("referenceNo");
        bank.closeAccount(BRI, "5555555555");
        transfer(UUID.randomUUID().toString(), "960000.00", "5555555555"); // rejected: not on the statement

        Response csv = client.get("/sim/statement?format=csv");

        assertThat(csv.status()).isEqualTo(200);
        String[] lines = csv.body().split("\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).isEqualTo(
                "value_date,bank_reference,partner_reference,beneficiary_bank_code,beneficiary_account_no,amount,status");
        assertThat(lines[1]).matches("\\d{4}-\\d{2}-\\d{2}," + firstRef + "," + first + ",002," + SITI_ACCOUNT
                + ",960000,SUCCESS");
        assertThat(lines[2]).endsWith(secondRef + "," + second + ",002,0987654321,1250000,SUCCESS");
    }

    @Test
    void aReturnedCreditShowsAsReturnedOnTheStatement() {
        String paid = UUID.randomUUID().toString();
        String comesBack = UUID.randomUUID().toString();
        transfer(paid, "960000.00", SITI_ACCOUNT);
        transfer(comesBack, "960000.00", "0987654321");

        Response returned = client.post("/sim/returns", Map.of("partnerReferenceNo", comesBack));
        Response unknown = client.post("/sim/returns", Map.of("partnerReferenceNo", UUID.randomUUID().toString()));

        assertThat(returned.status()).isEqualTo(200);
        assertThat(unknown.status()).as("never executed").isEqualTo(404);
        String[] lines = client.get("/sim/statement?format=csv").body().split("\n");
        assertThat(lines[1]).contains(paid).endsWith(",SUCCESS");
        assertThat(lines[2]).contains(comesBack).endsWith(",RETURNED");
    }

    @Test
    void theStatementInMt940HasADebitPerTransferAndACreditBackPerReturn() {
        String paid = UUID.randomUUID().toString();
        String comesBack = UUID.randomUUID().toString();
        String paidRef = transfer(paid, "960000.00", SITI_ACCOUNT).field("referenceNo");
        transfer(comesBack, "1250000.00", "0987654321");
        client.post("/sim/returns", Map.of("partnerReferenceNo", comesBack));

        Response response = client.get("/sim/statement?format=mt940");

        assertThat(response.status()).isEqualTo(200);
        MT940 statement = MT940.parse(response.body());
        assertThat(statement.getField25().getValue()).isEqualTo(BankStatement.ACCOUNT);
        assertThat(statement.getField60F().getCurrency()).isEqualTo("IDR");
        List<Field61> entries = statement.getField61();
        List<Field86> details = statement.getField86();
        assertThat(entries).extracting(Field61::getDebitCreditMark).containsExactly("D", "D", "C");
        assertThat(entries).extracting(f -> f.getAmountAsBigDecimal().longValueExact()).containsExactly(960_000L, 1_250_000L, 1_250_000L);
        assertThat(entries.get(0).getReferenceOfTheAccountServicingInstitution()).isEqualTo(paidRef.substring(0, Math.min(16, paidRef.length())));
        assertThat(details.get(0).getValue()).contains("/EREF/" + paid);
        assertThat(details.get(2).getValue()).startsWith("/RTRN/AC04/EREF/" + comesBack);
        assertThat(statement.getField62F().getAmountAsBigDecimal().longValueExact()).isEqualTo(100_000_000_000L - 960_000L);
    }

    @Test
    void lostReplyExecutesTheTransferButAnswers504() {
        bank.faults(FaultProfile.lostReplies(1.0, 200));
        String reference = UUID.randomUUID().toString();

        Response lost = transfer(reference, "960000.00", SITI_ACCOUNT);

        assertThat(lost.status()).isEqualTo(504);
        assertThat(lost.field("responseCode")).isEqualTo("5041800");
        assertThat(bank.executionsOf(reference)).isEqualTo(1);

        bank.faults(FaultProfile.NONE);
        Response status = status(reference);
        assertThat(status.field("latestTransactionStatus")).isEqualTo("00");
        Response retry = transfer(reference, "960000.00", SITI_ACCOUNT);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.field("referenceNo")).isEqualTo(status.field("originalReferenceNo"));
        assertThat(bank.executionsOf(reference)).isEqualTo(1);
        assertThat(bank.faultsInjected()).isEqualTo(1);
    }

    @Test
    void injectedErrorsExecuteNothing() {
        bank.faults(FaultProfile.errors(1.0));
        String reference = UUID.randomUUID().toString();

        Response error = transfer(reference, "960000.00", SITI_ACCOUNT);
        Response statusError = status(reference);

        assertThat(error.status()).isEqualTo(500);
        assertThat(error.field("responseCode")).isEqualTo("5001800");
        assertThat(statusError.status()).isEqualTo(500);
        assertThat(statusError.field("responseCode")).isEqualTo("5003600");
        assertThat(bank.executionsOf(reference)).isZero();
        bank.faults(FaultProfile.NONE);
        assertThat(status(reference).status()).isEqualTo(404);
    }

    @Test
    void injectedTimeoutAnswers504WithoutExecuting() {
        bank.faults(FaultProfile.timeouts(1.0, 100));
        String reference = UUID.randomUUID().toString();

        Response timeout = transfer(reference, "960000.00", SITI_ACCOUNT);

        assertThat(timeout.status()).isEqualTo(504);
        assertThat(bank.executionsOf(reference)).isZero();
    }

    @Test
    void latencyIsAddedToEveryCall() {
        bank.faults(FaultProfile.latency(300));
        long begin = System.nanoTime();

        Response reply = transfer(UUID.randomUUID().toString(), "960000.00", SITI_ACCOUNT);

        assertThat(reply.status()).isEqualTo(200);
        assertThat((System.nanoTime() - begin) / 1_000_000).isGreaterThanOrEqualTo(300);
    }

    @Test
    void concurrentDuplicatesExecuteExactlyOnce() throws Exception {
        String reference = UUID.randomUUID().toString();
        bank.faults(FaultProfile.latency(20)); // widen the race window a little
        ExecutorService callers = Executors.newFixedThreadPool(20);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Response>> replies = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                replies.add(callers.submit(() -> {
                    go.await();
                    return transfer(reference, "960000.00", SITI_ACCOUNT);
                }));
            }
            go.countDown();
            List<String> bankReferences = new ArrayList<>();
            for (Future<Response> reply : replies) {
                assertThat(reply.get().status()).isEqualTo(200);
                bankReferences.add(reply.get().field("referenceNo"));
            }
            assertThat(bankReferences).hasSize(20).containsOnly(bankReferences.get(0));
        } finally {
            callers.shutdownNow();
        }
        assertThat(bank.executionsOf(reference)).isEqualTo(1);
        assertThat(bank.executedTransferCount()).isEqualTo(1);
        assertThat(bank.stats().duplicateRequests()).isEqualTo(19);
    }

    @Test
    void simulatorIsControllableOverHttp() {
        Response set = client.put("/sim/faults", Map.of("errorRate", 0.25, "latencyMillis", 5));
        assertThat(set.status()).isEqualTo(200);
        assertThat(bank.faults()).isEqualTo(new FaultProfile(0.25, 0, 0, 5, 5000));
        assertThat(client.get("/sim/faults").json().get("timeoutMillis").asLong()).isEqualTo(5000);
        assertThat(client.put("/sim/faults", Map.of("errorRate", 1.5)).status()).isEqualTo(400);

        assertThat(client.post("/sim/accounts", Map.of("bankCode", "014", "accountNo", "1234567890",
                "holderName", "BUDI SANTOSO")).status()).isEqualTo(200);
        assertThat(client.post("/sim/reset", Map.of()).status()).isEqualTo(200);
        assertThat(bank.faults()).isEqualTo(FaultProfile.NONE);

        transfer(UUID.randomUUID().toString(), "960000.00", SITI_ACCOUNT);
        assertThat(client.get("/sim/transfers").json().size()).isEqualTo(1);
        bank.reset();
        assertThat(bank.executedTransferCount()).isZero();
        assertThat(client.get("/sim/unknown").status()).isEqualTo(404);
        assertThat(client.post("/snap/v1.0/transfer-interbank", "{not json").status()).isEqualTo(400);
    }

    @Test
    void faultProfileRejectsRatesOutsideTheUnitInterval() {
        assertThatThrownBy(() -> FaultProfile.errors(-0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FaultProfile.errors(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FaultProfile(0.6, 0.6, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new FaultProfile(0, 0, 0, 0, 0).timeoutMillis()).isEqualTo(FaultProfile.DEFAULT_TIMEOUT_MILLIS);
    }

    private Response transfer(String reference, String value, String accountNo) {
        return client.post("/snap/v1.0/transfer-interbank",
                transferBody(reference, Map.of("value", value, "currency", "IDR"), accountNo));
    }

    private static Map<String, Object> transferBody(String reference, Map<String, String> amount, String accountNo) {
        return Map.of("partnerReferenceNo", reference, "amount", amount, "beneficiaryBankCode", BRI,
                "beneficiaryAccountNo", accountNo, "beneficiaryAccountName", "SITI AMINAH",
                "sourceAccountNo", "1000200030004", "transactionDate", "2025-03-12T10:15:00+07:00");
    }

    private Response status(String reference) {
        return client.post("/snap/v1.0/transfer/status", Map.of("originalPartnerReferenceNo", reference,
                "serviceCode", "18"));
    }
}

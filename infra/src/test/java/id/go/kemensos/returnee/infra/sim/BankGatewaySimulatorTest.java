package id.go.kemensos.returnee.infra.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.prowidesoftware.swift.model.field.Field61;
import com.prowidesoftware.swift.model.field.Field86;
import com.prowidesoftware.swift.model.mt.mt9xx.MT940;
import id.go.kemensos.returnee.infra.sim.SimClient.Response;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
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
import org.junit.jupiter.api.Test;

class BankGatewaySimulatorTest {

    private static final String BRI = "002";
    private static final String SITI_ACCOUNT = "123401000123456";

    private static final String PARTNER = "KEMENSOS01";
    /** One key pair for the whole class: RSA key generation is the slow part of these tests. */
    private static final KeyPair PARTNER_KEYS = rsaKeyPair();

    private BankGatewaySimulator bank;
    private SimClient client;
    private SnapClient snap;
    private String clientSecret;

    @BeforeEach
    void start() {
        bank = new BankGatewaySimulator(0, new Random(42));
        bank.start();
        bank.registerAccount(BRI, SITI_ACCOUNT, "SITI AMINAH");
        clientSecret = randomSecret();
        bank.registerPartner(PARTNER, PARTNER_KEYS.getPublic(), clientSecret);
        client = new SimClient(bank);
        snap = new SnapClient(client, PARTNER, PARTNER_KEYS.getPrivate(), clientSecret);
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
        Response reply = snap.post(
                "/snap/v1.0/account-inquiry-external",
                Map.of(
                        "partnerReferenceNo",
                        "INQ-1",
                        "beneficiaryBankCode",
                        "0020307",
                        "beneficiaryAccountNo",
                        SITI_ACCOUNT));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.field("responseCode")).isEqualTo("2001600");
        assertThat(reply.field("beneficiaryAccountName")).isEqualTo("SITI AMINAH");
        assertThat(reply.field("beneficiaryBankCode")).isEqualTo("0020307");
    }

    @Test
    void unknownAccountsExistWithoutANameUntilAutoOpenIsSwitchedOff() {
        Map<String, String> inquiry = Map.of(
                "partnerReferenceNo", "INQ-2", "beneficiaryBankCode", "009", "beneficiaryAccountNo", "0987654321");
        Response open = snap.post("/snap/v1.0/account-inquiry-external", inquiry);
        assertThat(open.status()).isEqualTo(200);
        assertThat(open.field("beneficiaryAccountName")).isEmpty();

        bank.setUnknownAccountsAutoOpen(false);
        Response unknown = snap.post("/snap/v1.0/account-inquiry-external", inquiry);
        assertAnswer(unknown, 404, "4041611", "Invalid Account");
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
            assertAnswer(reply, 409, "4091800", "Inconsistent Request");
        });
        assertThat(bank.executionsOf(reference)).isEqualTo(1);
    }

    @Test
    void closedAccountIsRejectedStoredAsFailedAndNotExecuted() {
        bank.closeAccount(BRI, SITI_ACCOUNT);
        String reference = UUID.randomUUID().toString();

        Response reply = transfer(reference, "960000.00", SITI_ACCOUNT);

        assertAnswer(reply, 403, "4031818", "Inactive Account");
        assertThat(bank.executionsOf(reference)).isZero();
        assertThat(bank.executedTransferCount()).isZero();
        Response status = status(reference);
        assertThat(status.field("latestTransactionStatus")).isEqualTo("06");
        assertThat(status.field("transactionStatusDesc")).isEqualTo("Failed");
        assertThat(client.get("/sim/stats").json().get("rejectedTransfers").asLong())
                .isEqualTo(1);
    }

    @Test
    void amountMustBeWholeRupiahWithTwoDecimalsInIdr() {
        for (Map<String, String> amount : List.of(
                Map.of("value", "960000", "currency", "IDR"),
                Map.of("value", "960000.5", "currency", "IDR"),
                Map.of("value", "960000.50", "currency", "IDR"),
                Map.of("value", "-1.00", "currency", "IDR"),
                Map.of("value", "0.00", "currency", "IDR"),
                Map.of("value", "960000.00", "currency", "USD"))) {
            Response reply = snap.post(
                    "/snap/v1.0/transfer-interbank",
                    transferBody(UUID.randomUUID().toString(), amount, SITI_ACCOUNT));
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
        assertAnswer(unknown, 404, "4043601", "Transaction Not Found");
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
        assertThat(lines[0])
                .isEqualTo(
                        "value_date,bank_reference,partner_reference,beneficiary_bank_code,beneficiary_account_no,amount,status");
        assertThat(lines[1])
                .matches("\\d{4}-\\d{2}-\\d{2}," + firstRef + "," + first + ",002," + SITI_ACCOUNT + ",960000,SUCCESS");
        assertThat(lines[2]).endsWith(secondRef + "," + second + ",002,0987654321,1250000,SUCCESS");
    }

    @Test
    void aReturnedCreditShowsAsReturnedOnTheStatement() {
        String paid = UUID.randomUUID().toString();
        String comesBack = UUID.randomUUID().toString();
        transfer(paid, "960000.00", SITI_ACCOUNT);
        transfer(comesBack, "960000.00", "0987654321");

        Response returned = client.post("/sim/returns", Map.of("partnerReferenceNo", comesBack));
        Response unknown = client.post(
                "/sim/returns", Map.of("partnerReferenceNo", UUID.randomUUID().toString()));

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
        assertThat(entries)
                .extracting(f -> f.getAmountAsBigDecimal().longValueExact())
                .containsExactly(960_000L, 1_250_000L, 1_250_000L);
        assertThat(entries.get(0).getReferenceOfTheAccountServicingInstitution())
                .isEqualTo(paidRef.substring(0, Math.min(16, paidRef.length())));
        assertThat(details.get(0).getValue()).contains("/EREF/" + paid);
        assertThat(details.get(2).getValue()).startsWith("/RTRN/AC04/EREF/" + comesBack);
        assertThat(statement.getField62F().getAmountAsBigDecimal().longValueExact())
                .isEqualTo(100_000_000_000L - 960_000L);
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
        assertThat(client.get("/sim/faults").json().get("timeoutMillis").asLong())
                .isEqualTo(5000);
        assertThat(client.put("/sim/faults", Map.of("errorRate", 1.5)).status()).isEqualTo(400);

        assertThat(client.post(
                                "/sim/accounts",
                                Map.of("bankCode", "014", "accountNo", "1234567890", "holderName", "BUDI SANTOSO"))
                        .status())
                .isEqualTo(200);
        assertThat(client.post("/sim/reset", Map.of()).status()).isEqualTo(200);
        assertThat(bank.faults()).isEqualTo(FaultProfile.NONE);

        transfer(UUID.randomUUID().toString(), "960000.00", SITI_ACCOUNT);
        assertThat(client.get("/sim/transfers").json().size()).isEqualTo(1);
        bank.reset();
        assertThat(bank.executedTransferCount()).isZero();
        assertThat(client.get("/sim/unknown").status()).isEqualTo(404);
        assertThat(snap.post("/snap/v1.0/transfer-interbank", "{not json").status())
                .isEqualTo(400);
    }

    @Test
    void faultProfileRejectsRatesOutsideTheUnitInterval() {
        assertThatThrownBy(() -> FaultProfile.errors(-0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FaultProfile.errors(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FaultProfile(0.6, 0.6, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new FaultProfile(0, 0, 0, 0, 0).timeoutMillis()).isEqualTo(FaultProfile.DEFAULT_TIMEOUT_MILLIS);
    }

    // ---- SNAP BI authentication ----

    @Test
    void accessTokenIsIssuedForAnRsaSignedClientCredentialsRequest() {
        Response token = snap.requestToken();

        assertAnswer(token, 200, "2007300", "Successful");
        assertThat(token.field("accessToken")).isNotBlank();
        assertThat(token.field("tokenType")).isEqualTo("Bearer");
        assertThat(token.json().get("expiresIn").isString()).isTrue();
        assertThat(token.field("expiresIn")).isEqualTo("900");
        assertThat(snap.requestToken().field("accessToken"))
                .as("opaque and random")
                .isNotEqualTo(token.field("accessToken"));
        assertThat(bank.stats().accessTokensIssued()).isEqualTo(2);
        assertThat(bank.stats().authenticationRefusals()).isZero();
    }

    @Test
    void accessTokenRequestsThatAreNotProperlySignedAreRefused() {
        String timestamp = SnapClient.timestamp();
        String grant = "{\"grantType\":\"client_credentials\"}";
        SnapClient impostor = new SnapClient(client, PARTNER, rsaKeyPair().getPrivate(), clientSecret);

        Response badSignature =
                snap.requestToken(PARTNER, timestamp, impostor.rsaSignature(PARTNER + "|" + timestamp), grant);
        Response otherTimestampSigned = snap.requestToken(
                PARTNER,
                timestamp,
                snap.rsaSignature(
                        PARTNER + "|" + SnapClient.timestamp(ZonedDateTime.now().minusMinutes(1))),
                grant);
        Response garbageSignature = snap.requestToken(PARTNER, timestamp, "not base64!", grant);
        Response unknownClient =
                snap.requestToken("SOMEONE", timestamp, snap.rsaSignature("SOMEONE|" + timestamp), grant);

        assertThat(List.of(badSignature, otherTimestampSigned, garbageSignature))
                .allSatisfy(reply -> {
                    assertAnswer(reply, 401, "4017300", "Unauthorized. [Signature]");
                    assertThat(reply.field("accessToken")).isNull();
                });
        assertAnswer(unknownClient, 401, "4017300", "Unauthorized. [Unknown client]");
        assertThat(bank.stats().authenticationRefusals()).isEqualTo(4);
        assertThat(bank.stats().accessTokensIssued()).isZero();
    }

    @Test
    void accessTokenRequestsNeedAFreshWellFormedTimestampAndClientCredentialsGrant() {
        String stale = SnapClient.timestamp(ZonedDateTime.now().minusMinutes(6));
        String future = SnapClient.timestamp(ZonedDateTime.now().plusMinutes(6));
        String fractional = "2026-12-05T09:30:00.123+07:00";
        String grant = "{\"grantType\":\"client_credentials\"}";
        for (String timestamp : List.of(stale, future, fractional, "2026-12-05 09:30:00", "")) {
            Response reply = snap.requestToken(PARTNER, timestamp, snap.rsaSignature(PARTNER + "|" + timestamp), grant);
            assertThat(reply.status()).as(timestamp).isEqualTo(400);
            assertThat(reply.field("responseCode")).isEqualTo("4007301");
            assertThat(reply.field("responseMessage")).isEqualTo("Invalid Field Format [X-TIMESTAMP]");
        }
        String fourMinutesAgo = SnapClient.timestamp(ZonedDateTime.now().minusMinutes(4));
        Response slightlyOld =
                snap.requestToken(PARTNER, fourMinutesAgo, snap.rsaSignature(PARTNER + "|" + fourMinutesAgo), grant);
        assertThat(slightlyOld.status()).as("within five minutes").isEqualTo(200);

        String now = SnapClient.timestamp();
        for (String body : List.of("{\"grantType\":\"password\"}", "{}", "")) {
            Response reply = snap.requestToken(PARTNER, now, snap.rsaSignature(PARTNER + "|" + now), body);
            assertThat(reply.status()).as(body).isEqualTo(400);
            assertThat(reply.field("responseCode")).isEqualTo("4007302");
            assertThat(reply.field("responseMessage")).isEqualTo("Invalid Mandatory Field [grantType]");
        }
    }

    @Test
    void theHappyPathBooksTheTransferOnce() {
        String reference = UUID.randomUUID().toString();

        Response reply = transfer(reference, "960000.00", SITI_ACCOUNT);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.field("responseCode")).isEqualTo("2001800");
        assertThat(bank.executionsOf(reference)).isEqualTo(1);
        assertThat(bank.executedTransferCount()).isEqualTo(1);
        assertThat(bank.stats().authenticationRefusals()).isZero();
        assertThat(bank.stats().accessTokensIssued()).isEqualTo(1);
    }

    @Test
    void aTransferWithATamperedBodyIsRefusedAndBooksNothing() {
        String reference = UUID.randomUUID().toString();
        String path = "/snap/v1.0/transfer-interbank";
        byte[] signed =
                SimClient.bytes(transferBody(reference, Map.of("value", "960000.00", "currency", "IDR"), SITI_ACCOUNT));
        byte[] sent = SimClient.bytes(
                transferBody(reference, Map.of("value", "9600000.00", "currency", "IDR"), SITI_ACCOUNT));
        Map<String, String> headers =
                snap.headers("POST", path, snap.accessToken(), signed, SnapClient.timestamp(), SnapClient.externalId());

        Response reply = snap.send("POST", path, sent, headers);

        assertAnswer(reply, 401, "4011800", "Unauthorized. [Signature]");
        assertThat(bank.executionsOf(reference)).isZero();
        assertThat(bank.executedTransferCount()).isZero();
        assertThat(bank.transferRequestCount())
                .as("refused before the transfer logic")
                .isZero();
        assertThat(bank.stats().authenticationRefusals()).isEqualTo(1);
        assertThat(client.get("/sim/stats").json().get("authenticationRefusals").asLong())
                .isEqualTo(1);

        Response original = snap.send("POST", path, signed, headers);
        assertThat(original.status())
                .as("the external id of a refused request is not used up")
                .isEqualTo(200);
        assertThat(bank.executionsOf(reference)).isEqualTo(1);
    }

    @Test
    void everyPartOfTheServiceSignatureCounts() {
        String path = "/snap/v1.0/transfer/status";
        byte[] body = SimClient.bytes(Map.of("originalPartnerReferenceNo", "REF-1", "serviceCode", "18"));
        String token = snap.accessToken();
        String timestamp = SnapClient.timestamp();
        SnapClient wrongSecret = new SnapClient(client, PARTNER, PARTNER_KEYS.getPrivate(), randomSecret());

        List<Map<String, String>> forgeries = new ArrayList<>();
        forgeries.add(snap.headers("GET", path, token, body, timestamp, SnapClient.externalId()));
        forgeries.add(
                snap.headers("POST", "/snap/v1.0/transfer-interbank", token, body, timestamp, SnapClient.externalId()));
        forgeries.add(wrongSecret.headers("POST", path, token, body, timestamp, SnapClient.externalId()));
        Map<String, String> otherTimestamp =
                snap.headers("POST", path, token, body, timestamp, SnapClient.externalId());
        otherTimestamp.put(
                "X-TIMESTAMP", SnapClient.timestamp(ZonedDateTime.now().plusSeconds(2)));
        forgeries.add(otherTimestamp);
        Map<String, String> noSignature = snap.headers("POST", path, token, body, timestamp, SnapClient.externalId());
        noSignature.remove("X-SIGNATURE");
        forgeries.add(noSignature);

        for (Map<String, String> headers : forgeries) {
            Response reply = snap.send("POST", path, body, headers);
            assertThat(reply.status()).as(headers.toString()).isEqualTo(401);
            assertThat(reply.field("responseCode")).isEqualTo("4013600");
            assertThat(reply.field("responseMessage")).isEqualTo("Unauthorized. [Signature]");
        }
        assertThat(bank.stats().authenticationRefusals()).isEqualTo(forgeries.size());
    }

    @Test
    void theSignedPathIncludesTheRawQuery() {
        String path = "/snap/v1.0/transfer/status?channel=web%20app";
        byte[] body = SimClient.bytes(Map.of("originalPartnerReferenceNo", "REF-1", "serviceCode", "18"));

        Response withQuery = snap.send(
                "POST",
                path,
                body,
                snap.headers("POST", path, snap.accessToken(), body, SnapClient.timestamp(), SnapClient.externalId()));
        Response withoutQuery = snap.send(
                "POST",
                path,
                body,
                snap.headers(
                        "POST",
                        "/snap/v1.0/transfer/status",
                        snap.accessToken(),
                        body,
                        SnapClient.timestamp(),
                        SnapClient.externalId()));

        assertThat(withQuery.status())
                .as("authenticated; the transfer is unknown")
                .isEqualTo(404);
        assertThat(withQuery.field("responseCode")).isEqualTo("4043601");
        assertThat(withoutQuery.status()).isEqualTo(401);
        assertThat(withoutQuery.field("responseCode")).isEqualTo("4013600");
    }

    @Test
    void serviceCallsWithoutAValidTokenAreRefused() {
        String path = "/snap/v1.0/account-inquiry-external";
        byte[] body = SimClient.bytes(Map.of(
                "partnerReferenceNo", "INQ-1", "beneficiaryBankCode", BRI, "beneficiaryAccountNo", SITI_ACCOUNT));

        Response noHeaders = client.post(
                path,
                Map.of(
                        "partnerReferenceNo",
                        "INQ-1",
                        "beneficiaryBankCode",
                        BRI,
                        "beneficiaryAccountNo",
                        SITI_ACCOUNT));
        Response unknownToken = snap.send(
                "POST",
                path,
                body,
                snap.headers("POST", path, "made-up-token", body, SnapClient.timestamp(), SnapClient.externalId()));
        Map<String, String> basic =
                snap.headers("POST", path, snap.accessToken(), body, SnapClient.timestamp(), SnapClient.externalId());
        basic.put("Authorization", "Basic " + snap.accessToken());
        Response notBearer = snap.send("POST", path, body, basic);

        assertThat(List.of(noHeaders, unknownToken, notBearer)).allSatisfy(reply -> {
            assertAnswer(reply, 401, "4011601", "Invalid Token (B2B)");
        });
    }

    @Test
    void anExpiredTokenIsRefused() {
        bank.setAccessTokenLifetime(Duration.ofSeconds(1));
        assertThat(snap.requestToken().field("expiresIn")).isEqualTo("1");
        SnapClient shortLived = new SnapClient(client, PARTNER, PARTNER_KEYS.getPrivate(), clientSecret);
        shortLived.accessToken();

        // Asked with a harmless status inquiry (a reference nobody sent): 404 while the token is good, 401 once it
        // expired.
        Map<String, String> unknown =
                Map.of("originalPartnerReferenceNo", UUID.randomUUID().toString(), "serviceCode", "18");
        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(100))
                .until(() ->
                        shortLived.post("/snap/v1.0/transfer/status", unknown).status() == 401);
        String reference = UUID.randomUUID().toString();
        Response expired = shortLived.post(
                "/snap/v1.0/transfer-interbank",
                transferBody(reference, Map.of("value", "960000.00", "currency", "IDR"), SITI_ACCOUNT));

        assertAnswer(expired, 401, "4011801", "Invalid Token (B2B)");
        assertThat(bank.executionsOf(reference)).isZero();
        bank.setAccessTokenLifetime(Duration.ofSeconds(900));
        shortLived.forgetToken();
        assertThat(shortLived
                        .post(
                                "/snap/v1.0/transfer-interbank",
                                transferBody(reference, Map.of("value", "960000.00", "currency", "IDR"), SITI_ACCOUNT))
                        .status())
                .as("a new token works")
                .isEqualTo(200);
    }

    @Test
    void anotherPartnersTokenIsRefused() {
        String otherSecret = randomSecret();
        KeyPair otherKeys = rsaKeyPair();
        bank.registerPartner("OTHERBANK02", otherKeys.getPublic(), otherSecret);
        SnapClient other = new SnapClient(client, "OTHERBANK02", otherKeys.getPrivate(), otherSecret);
        String path = "/snap/v1.0/transfer-interbank";
        String reference = UUID.randomUUID().toString();
        byte[] body =
                SimClient.bytes(transferBody(reference, Map.of("value", "960000.00", "currency", "IDR"), SITI_ACCOUNT));

        // KEMENSOS01's headers and signature, but OTHERBANK02's token
        Response reply = snap.send(
                "POST",
                path,
                body,
                snap.headers("POST", path, other.accessToken(), body, SnapClient.timestamp(), SnapClient.externalId()));

        assertAnswer(reply, 401, "4011800", "Unauthorized. [Signature]");
        assertThat(bank.executionsOf(reference)).isZero();
        assertThat(other.post(
                                path,
                                transferBody(reference, Map.of("value", "960000.00", "currency", "IDR"), SITI_ACCOUNT))
                        .status())
                .as("its own calls work")
                .isEqualTo(200);
    }

    @Test
    void serviceCallsNeedAFreshTimestampAndTheMandatoryHeaders() {
        String path = "/snap/v1.0/transfer-interbank";
        String reference = UUID.randomUUID().toString();
        byte[] body =
                SimClient.bytes(transferBody(reference, Map.of("value", "960000.00", "currency", "IDR"), SITI_ACCOUNT));
        String token = snap.accessToken();

        Response stale = snap.send(
                "POST",
                path,
                body,
                snap.headers(
                        "POST",
                        path,
                        token,
                        body,
                        SnapClient.timestamp(ZonedDateTime.now().minusMinutes(10)),
                        SnapClient.externalId()));
        Response malformed = snap.send(
                "POST",
                path,
                body,
                snap.headers("POST", path, token, body, "2026-12-05T09:30:00", SnapClient.externalId()));
        Map<String, String> noExternalId = snap.headers("POST", path, token, body, SnapClient.timestamp(), "1");
        noExternalId.remove("X-EXTERNAL-ID");
        Map<String, String> noChannel =
                snap.headers("POST", path, token, body, SnapClient.timestamp(), SnapClient.externalId());
        noChannel.remove("CHANNEL-ID");
        Response missingExternalId = snap.send("POST", path, body, noExternalId);
        Response missingChannel = snap.send("POST", path, body, noChannel);
        Response letters = snap.send(
                "POST", path, body, snap.headers("POST", path, token, body, SnapClient.timestamp(), "ABC123"));
        Response tooLong = snap.send(
                "POST", path, body, snap.headers("POST", path, token, body, SnapClient.timestamp(), "1".repeat(37)));

        assertThat(List.of(stale, malformed)).allSatisfy(reply -> {
            assertAnswer(reply, 400, "4001801", "Invalid Field Format [X-TIMESTAMP]");
        });
        assertAnswer(missingExternalId, 400, "4001802", "Invalid Mandatory Field [X-EXTERNAL-ID]");
        assertAnswer(missingChannel, 400, "4001802", "Invalid Mandatory Field [CHANNEL-ID]");
        assertThat(List.of(letters, tooLong)).allSatisfy(reply -> {
            assertAnswer(reply, 400, "4001801", "Invalid Field Format [X-EXTERNAL-ID]");
        });
        assertThat(snap.send(
                                "POST",
                                path,
                                body,
                                snap.headers("POST", path, token, body, SnapClient.timestamp(), "1".repeat(36)))
                        .status())
                .as("36 digits are fine")
                .isEqualTo(200);
        assertThat(bank.executionsOf(reference)).isEqualTo(1);
        assertThat(bank.stats().authenticationRefusals()).isEqualTo(6);
    }

    @Test
    void anExternalIdReusedTheSameDayIsRefusedWithAConflictAndBooksNothing() {
        String path = "/snap/v1.0/transfer-interbank";
        String externalId = SnapClient.externalId();
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        byte[] firstBody =
                SimClient.bytes(transferBody(first, Map.of("value", "960000.00", "currency", "IDR"), SITI_ACCOUNT));
        byte[] secondBody =
                SimClient.bytes(transferBody(second, Map.of("value", "960000.00", "currency", "IDR"), SITI_ACCOUNT));

        Response accepted = snap.send(
                "POST",
                path,
                firstBody,
                snap.headers("POST", path, snap.accessToken(), firstBody, SnapClient.timestamp(), externalId));
        Response reused = snap.send(
                "POST",
                path,
                secondBody,
                snap.headers("POST", path, snap.accessToken(), secondBody, SnapClient.timestamp(), externalId));
        Response reusedForStatus = snap.send(
                "POST",
                "/snap/v1.0/transfer/status",
                SimClient.bytes(Map.of("originalPartnerReferenceNo", first)),
                snap.headers(
                        "POST",
                        "/snap/v1.0/transfer/status",
                        snap.accessToken(),
                        SimClient.bytes(Map.of("originalPartnerReferenceNo", first)),
                        SnapClient.timestamp(),
                        externalId));

        assertThat(accepted.status()).isEqualTo(200);
        assertAnswer(reused, 409, "4091800", "Conflict");
        assertThat(reusedForStatus.status()).isEqualTo(409);
        assertThat(reusedForStatus.field("responseCode")).isEqualTo("4093600");
        assertThat(bank.executionsOf(first)).isEqualTo(1);
        assertThat(bank.executionsOf(second)).isZero();
        assertThat(bank.executedTransferCount()).isEqualTo(1);
        assertThat(bank.transferRequestCount()).isEqualTo(1);
    }

    @Test
    void externalIdsAreUniquePerPartner() {
        String otherSecret = randomSecret();
        KeyPair otherKeys = rsaKeyPair();
        bank.registerPartner("OTHERBANK02", otherKeys.getPublic(), otherSecret);
        SnapClient other = new SnapClient(client, "OTHERBANK02", otherKeys.getPrivate(), otherSecret);
        String path = "/snap/v1.0/transfer/status";
        String externalId = SnapClient.externalId();
        byte[] body = SimClient.bytes(Map.of("originalPartnerReferenceNo", "REF-1"));

        Response mine = snap.send(
                "POST",
                path,
                body,
                snap.headers("POST", path, snap.accessToken(), body, SnapClient.timestamp(), externalId));
        Response theirs = other.send(
                "POST",
                path,
                body,
                other.headers("POST", path, other.accessToken(), body, SnapClient.timestamp(), externalId));

        assertThat(mine.status()).isEqualTo(404);
        assertThat(theirs.status()).isEqualTo(404);
    }

    @Test
    void authenticationIsDecidedBeforeAnyInjectedFault() {
        String path = "/snap/v1.0/transfer-interbank";
        String reference = UUID.randomUUID().toString();
        byte[] signed =
                SimClient.bytes(transferBody(reference, Map.of("value", "960000.00", "currency", "IDR"), SITI_ACCOUNT));
        byte[] tampered = SimClient.bytes(
                transferBody(reference, Map.of("value", "9600000.00", "currency", "IDR"), SITI_ACCOUNT));
        String token = snap.accessToken();

        bank.faults(FaultProfile.lostReplies(1.0, 100));
        Response lostReplyProfile = snap.send(
                "POST",
                path,
                tampered,
                snap.headers("POST", path, token, signed, SnapClient.timestamp(), SnapClient.externalId()));
        bank.faults(FaultProfile.errors(1.0));
        Response errorProfile = client.post(
                path, transferBody(reference, Map.of("value", "960000.00", "currency", "IDR"), SITI_ACCOUNT));

        assertThat(lostReplyProfile.status()).isEqualTo(401);
        assertThat(lostReplyProfile.field("responseCode")).isEqualTo("4011800");
        assertThat(errorProfile.status()).isEqualTo(401);
        assertThat(errorProfile.field("responseCode")).isEqualTo("4011801");
        assertThat(bank.faultsInjected()).isZero();
        assertThat(bank.executionsOf(reference)).isZero();
        assertThat(bank.stats().authenticationRefusals()).isEqualTo(2);
    }

    @Test
    void simControlEndpointsNeedNoAuthentication() {
        transfer(UUID.randomUUID().toString(), "960000.00", SITI_ACCOUNT);

        assertThat(client.get("/sim/statement").status()).isEqualTo(200);
        assertThat(client.get("/sim/statement?format=mt940").status()).isEqualTo(200);
        assertThat(client.get("/sim/transfers").json().size()).isEqualTo(1);
        assertThat(client.get("/sim/stats").status()).isEqualTo(200);
        assertThat(client.get("/sim/faults").status()).isEqualTo(200);
        assertThat(client.put("/sim/faults", Map.of("latencyMillis", 1)).status())
                .isEqualTo(200);
        assertThat(client.post(
                                "/sim/accounts",
                                Map.of("bankCode", "014", "accountNo", "1234567890", "holderName", "BUDI SANTOSO"))
                        .status())
                .isEqualTo(200);
        assertThat(client.put("/sim/accounts/auto-open", Map.of("enabled", false))
                        .status())
                .isEqualTo(200);
        assertThat(client.post("/sim/reset", Map.of()).status()).isEqualTo(200);
        assertThat(bank.stats().authenticationRefusals()).isZero();
        assertThat(snap.post("/snap/v1.0/transfer/status", Map.of("originalPartnerReferenceNo", "REF-1"))
                        .status())
                .as("partners and tokens survive a reset")
                .isEqualTo(404);
    }

    private Response transfer(String reference, String value, String accountNo) {
        return snap.post(
                "/snap/v1.0/transfer-interbank",
                transferBody(reference, Map.of("value", value, "currency", "IDR"), accountNo));
    }

    private static Map<String, Object> transferBody(String reference, Map<String, String> amount, String accountNo) {
        return Map.of(
                "partnerReferenceNo",
                reference,
                "amount",
                amount,
                "beneficiaryBankCode",
                BRI,
                "beneficiaryAccountNo",
                accountNo,
                "beneficiaryAccountName",
                "SITI AMINAH",
                "sourceAccountNo",
                "1000200030004",
                "transactionDate",
                "2025-03-12T10:15:00+07:00");
    }

    private Response status(String reference) {
        return snap.post(
                "/snap/v1.0/transfer/status", Map.of("originalPartnerReferenceNo", reference, "serviceCode", "18"));
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String randomSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return Base64.getEncoder().encodeToString(secret);
    }

    /** A SNAP answer: its HTTP status, responseCode and responseMessage. */
    private static void assertAnswer(Response reply, int status, String responseCode, String responseMessage) {
        assertThat(reply.status())
                .as("%s %s", reply.field("responseCode"), reply.field("responseMessage"))
                .isEqualTo(status);
        assertThat(reply.field("responseCode")).isEqualTo(responseCode);
        assertThat(reply.field("responseMessage")).isEqualTo(responseMessage);
    }
}

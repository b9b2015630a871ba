package id.go.kemensos.returnee.systemtests;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.kemensos.returnee.contracts.disbursement.DisbursementTopics;
import id.go.kemensos.returnee.contracts.disbursement.PaymentReturned;
import id.go.kemensos.returnee.testsupport.DisbursementApi;
import id.go.kemensos.returnee.testsupport.EventLog;
import id.go.kemensos.returnee.testsupport.PlatformIntegrationTest;
import id.go.kemensos.returnee.testsupport.ReturneeMother;
import id.go.kemensos.returnee.testsupport.RunningPlatform;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A finance officer imports the bank's statement: a settled payment missing from it, an amount that differs and a line
 * the ledger does not know are breaks; a credit that came back makes its payment RETURNED; after the returnee's account
 * is amended the payment is reissued to the new account and paid once; the report counts it all. A statement in SWIFT
 * MT940 is matched the same way.
 */
@PlatformIntegrationTest
class ReconciliationIT {

    private static RunningPlatform platform;
    private static DisbursementApi disbursement;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.start();
        disbursement = platform.disbursement();
    }

    @Test
    void breaksAreListedAndAReturnedPaymentIsReissuedToTheAmendedAccount() {
        List<Map<String, Object>> people = List.of(
                ReturneeMother.sitiAminahLombokTengah(),
                ReturneeMother.laluZainiLombokTimur(),
                ReturneeMother.sitiAminahLombokTengah());
        List<UUID> ids = new ArrayList<>();
        for (Map<String, Object> person : people) {
            ids.add(platform.registration().register(person));
        }
        await().atMost(ofSeconds(60)).until(() -> ids.stream().allMatch(id -> paymentOf(id, "SETTLED") != null));
        String missing = paymentOf(ids.get(0), "SETTLED");
        String wrongAmount = paymentOf(ids.get(1), "SETTLED");
        String returned = paymentOf(ids.get(2), "SETTLED");
        assertThat(platform.stack().bank().returnTransfer(returned)).isTrue();

        String unknown = UUID.randomUUID().toString();
        String statement = platform.stack()
                        .bank()
                        .statementCsv()
                        .lines()
                        .filter(line -> !line.contains(missing))
                        .map(line -> line.contains(wrongAmount) ? line.replace(",960000,", ",950000,") : line)
                        .collect(Collectors.joining("\n"))
                + "\n2026-01-02,BNK999999999999," + unknown + ",002,1234567890,960000,SUCCESS\n";

        DisbursementApi.Response imported =
                disbursement.reconcile(statement.getBytes(StandardCharsets.UTF_8), "rekening-koran.csv");
        assertThat(imported.status()).as("%s", imported.body()).isEqualTo(200);
        JsonNode result = imported.body();
        assertThat(breakOf(result, missing)).isEqualTo("MISSING_FROM_STATEMENT");
        assertThat(breakOf(result, wrongAmount)).isEqualTo("AMOUNT_MISMATCH");
        assertThat(result.get("breakList")
                        .valueStream()
                        .filter(b -> "UNKNOWN_IN_LEDGER".equals(b.get("kind").asString())
                                && b.get("bankReference").asString().equals("BNK999999999999"))
                        .count())
                .isEqualTo(1);
        assertThat(result.get("returned").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(paymentOf(ids.get(2), "RETURNED")).isEqualTo(returned);
        await().atMost(ofSeconds(30))
                .until(() -> "PAYMENT_RETURNED"
                        .equals(platform.registration()
                                .get("/api/returnees/" + ids.get(2))
                                .body()
                                .get("status")
                                .asString()));
        EventLog log = new EventLog(platform.stack().kafka().bootstrapServers());
        await().atMost(ofSeconds(30))
                .untilAsserted(() -> assertThat(log.cloudEvents(
                                DisbursementTopics.EVENTS, ids.get(2).toString()))
                        .anySatisfy(e -> assertThat(e.getType()).isEqualTo(PaymentReturned.EVENT_TYPE.type())));
        assertThat(disbursement
                        .reconcile(statement.getBytes(StandardCharsets.UTF_8), "lagi.csv")
                        .body()
                        .get("reconciliationId")
                        .asString())
                .as("the same statement again")
                .isEqualTo(result.get("reconciliationId").asString());

        // The account was closed: the returnee gives a new one at the desk, and finance reissues the payment.
        String newAccount = "9988" + System.nanoTime() % 100_000_000L;
        assertThat(platform.registration()
                        .amend(
                                ids.get(2),
                                Map.of(
                                        "bankCode",
                                        "002",
                                        "accountNumber",
                                        newAccount,
                                        "accountHolderName",
                                        "SITI AMINAH"))
                        .status())
                .isEqualTo(200);
        await().atMost(ofSeconds(30))
                .until(() -> platform.sealedColumns()
                        .payeeAccount(ids.get(2))
                        .map(a -> a.accountNumber().equals(newAccount))
                        .orElse(false));
        assertThat(disbursement
                        .post("/api/payments/" + missing + "/reissue", Map.of("reason", "uji"))
                        .status())
                .as("a settled payment is not reissued")
                .isEqualTo(409);
        DisbursementApi.Response reissued = disbursement.post(
                "/api/payments/" + returned + "/reissue",
                Map.of("reason", "Rekening lama ditutup; rekening baru dari loket Dinsos"));
        assertThat(reissued.status()).as("%s", reissued.body()).isEqualTo(200);
        String replacement = reissued.body().get("newPaymentId").asString();

        await().atMost(ofSeconds(60)).until(() -> replacement.equals(paymentOf(ids.get(2), "SETTLED")));
        assertThat(platform.stack().bank().executedTransfers().stream()
                        .filter(t -> t.accountNo().equals(newAccount))
                        .count())
                .isEqualTo(1);
        await().atMost(ofSeconds(30))
                .until(() -> "PAID"
                        .equals(platform.registration()
                                .get("/api/returnees/" + ids.get(2))
                                .body()
                                .get("status")
                                .asString()));
        assertThat(disbursement
                        .get("/api/payments/" + returned)
                        .body()
                        .get("state")
                        .asString())
                .isEqualTo("REISSUED");
        assertThat(disbursement
                        .get("/api/payments/" + replacement)
                        .body()
                        .get("reissue_of")
                        .asString())
                .isEqualTo(returned);

        String report = disbursement.text("/api/reports/payments?groupBy=province,state&provinceCode=52&format=csv");
        assertThat(report)
                .startsWith("\uFEFFprovince,state,payments,total")
                .contains("52,REISSUED,")
                .contains("52,SETTLED,");
        assertThat(disbursement.get("/api/reports/payments?groupBy=nik").status())
                .isEqualTo(400);
    }

    @Test
    void anMt940StatementIsMatchedLikeTheCsv() {
        UUID paid = platform.registration().register(ReturneeMother.laluZainiLombokTimur());
        UUID cameBack = platform.registration().register(ReturneeMother.sitiAminahLombokTengah());
        await().atMost(ofSeconds(60))
                .until(() -> paymentOf(paid, "SETTLED") != null && paymentOf(cameBack, "SETTLED") != null);
        String paidPayment = paymentOf(paid, "SETTLED");
        String returned = paymentOf(cameBack, "SETTLED");
        assertThat(platform.stack().bank().returnTransfer(returned)).isTrue();

        // As the bank's cash management gives it: debits of the paying account, the return as a credit back, in MT940.
        String mt940 = platform.stack().bank().statementMt940();
        DisbursementApi.Response imported =
                disbursement.reconcile(mt940.getBytes(StandardCharsets.UTF_8), "rekening-koran.sta");

        assertThat(imported.status()).as("%s", imported.body()).isEqualTo(200);
        JsonNode result = imported.body();
        assertThat(breakOf(result, paidPayment)).as("matched, no break").isNull();
        assertThat(breakOf(result, returned)).isNull();
        assertThat(result.get("matched").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(result.get("returned").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(paymentOf(cameBack, "RETURNED")).isEqualTo(returned);
        assertThat(paymentOf(paid, "SETTLED")).isEqualTo(paidPayment);

        DisbursementApi.Response dollars =
                disbursement.reconcile(mt940.replace("IDR", "USD").getBytes(StandardCharsets.UTF_8), "usd.sta");
        assertThat(dollars.status()).isEqualTo(400);
        assertThat(dollars.body().get("detail").asString()).contains("not IDR");
    }

    private static String paymentOf(UUID beneficiary, String state) {
        List<Map<String, Object>> rows = platform.database()
                .rows(
                        "SELECT payment_id FROM disbursement.payment_intent WHERE beneficiary_id = ? "
                                + "AND state = ?",
                        beneficiary.toString(),
                        state);
        return rows.isEmpty() ? null : (String) rows.get(0).get("payment_id");
    }

    private static String breakOf(JsonNode reconciliation, String paymentId) {
        return reconciliation
                .get("breakList")
                .valueStream()
                .filter(b -> paymentId.equals(b.path("paymentId").asString("")))
                .map(b -> b.get("kind").asString())
                .findFirst()
                .orElse(null);
    }
}

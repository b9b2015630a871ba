package id.go.kemensos.returnee.disbursement.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.kemensos.returnee.disbursement.DisbursementProperties;
import id.go.kemensos.returnee.gateway.ResilientGateway;
import id.go.kemensos.returnee.gateway.ResilientGateways;
import id.go.kemensos.returnee.infra.sim.BankGatewaySimulator;
import id.go.kemensos.returnee.infra.sim.BankPartnerCredentials;
import id.go.kemensos.returnee.infra.sim.FaultProfile;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** The bank client against the bank simulator over real HTTP: every transfer executes once, whatever the faults. */
class BankGatewayClientTest {

    private BankGatewaySimulator bank;
    private ResilientGateways gateways;
    private BankGatewayClient client;

    @TempDir
    Path partnerDirectory;

    @BeforeEach
    void start() {
        bank = new BankGatewaySimulator(0, new Random(42));
        bank.start();
        // The platform as a SNAP partner of the bank: the key pair and client secret the bank registered.
        BankPartnerCredentials credentials =
                BankPartnerCredentials.in(partnerDirectory, "KEMENSOS01").ensureExist();
        bank.registerPartner(credentials.partnerId(), credentials.publicKey(), credentials.clientSecret());
        SnapPartner partner = new SnapPartner(
                credentials.partnerId(),
                credentials.privateKeyFile().toString(),
                credentials.clientSecretFile().toString(),
                "95221");
        RetryRegistry retries = RetryRegistry.of(RetryConfig.custom()
                .maxAttempts(3)
                .waitDuration(Duration.ofMillis(20))
                .build());
        // A breaker that never opens here: these tests are about what the client concludes, not about shedding load.
        CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .failureRateThreshold(100)
                .minimumNumberOfCalls(1_000_000)
                .build());
        TimeLimiterRegistry limits = TimeLimiterRegistry.of(TimeLimiterConfig.custom()
                .timeoutDuration(Duration.ofMillis(400))
                .build());
        DisbursementProperties properties = new DisbursementProperties(
                URI.create(bank.baseUrl()),
                "0000111122223333",
                new DisbursementProperties.AutoApproval(false, 0, List.of()),
                new DisbursementProperties.Dispatch(Duration.ofMillis(200), 100, 4, Duration.ofSeconds(5)),
                new DisbursementProperties.AccountInquiry(true),
                new DisbursementProperties.PostOffice(URI.create("http://127.0.0.1:9"), null, Duration.ofMinutes(1)),
                new DisbursementProperties.CollectiveAccounts(Duration.ofSeconds(1), 500));
        gateways = new ResilientGateways(
                JsonMapper.builder().build(),
                new ResilientGateway.Registries(retries, breakers, RateLimiterRegistry.ofDefaults(), limits));
        client = new BankGatewayClient(gateways, properties, partner, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        gateways.close();
        bank.close();
    }

    @Test
    void accountInquiryGivesTheBanksHolderNameOrWhyTheAccountIsRefused() {
        bank.registerAccount("002", "123401000123456", "SITI AMINAH");
        bank.closeAccount("002", "5555555555");

        assertThat(client.inquire(UUID.randomUUID().toString(), "002", "123401000123456"))
                .isEqualTo(new BankGatewayClient.AccountInquiry.Holder("SITI AMINAH"));
        assertThat(client.inquire(UUID.randomUUID().toString(), "002", "5555555555"))
                .isInstanceOf(BankGatewayClient.AccountInquiry.Refused.class);
        bank.setUnknownAccountsAutoOpen(false);
        assertThat(client.inquire(UUID.randomUUID().toString(), "002", "999900001111"))
                .isInstanceOf(BankGatewayClient.AccountInquiry.Refused.class);
    }

    @Test
    void aCollectiveOpeningRequestIsTakenOnceAndAnswersEachPersonWithAnAccountOrTheBanksRefusal() {
        bank.setUnknownAccountsAutoOpen(false);
        bank.setCollectiveOpeningDelay(Duration.ofMillis(300));
        bank.refuseCollectiveAccountFor("NAMA TIDAK DIKENAL");
        String reference = UUID.randomUUID().toString();
        UUID rahman = UUID.randomUUID();
        UUID unknown = UUID.randomUUID();
        List<BankGatewayClient.Applicant> applicants = List.of(
                new BankGatewayClient.Applicant(rahman, "MUHAMMAD ARIF RAHMAN", "527101**********0004", "5271"),
                new BankGatewayClient.Applicant(unknown, "NAMA TIDAK DIKENAL", "527101**********0099", "5271"));

        assertThat(client.openingStatus(reference)).isInstanceOf(BankGatewayClient.OpeningStatus.NotReceived.class);
        assertThat(client.requestAccounts(reference, "002", applicants)).isTrue();
        assertThat(client.requestAccounts(reference, "002", applicants))
                .as("a repeat is taken as received")
                .isTrue();
        assertThat(bank.collectiveRequestCount()).isEqualTo(1);
        assertThat(client.openingStatus(reference)).isInstanceOf(BankGatewayClient.OpeningStatus.InProgress.class);

        BankGatewayClient.OpeningStatus answered = await().atMost(Duration.ofSeconds(5))
                .until(
                        () -> client.openingStatus(reference),
                        BankGatewayClient.OpeningStatus.Answered.class::isInstance);
        var answers = ((BankGatewayClient.OpeningStatus.Answered) answered).answers();
        assertThat(answers.get(rahman).opened()).isTrue();
        assertThat(answers.get(rahman).accountNumber()).matches("527101\\d{9}");
        assertThat(answers.get(rahman).holderName()).isEqualTo("MUHAMMAD ARIF RAHMAN");
        assertThat(answers.get(unknown).opened()).isFalse();
        assertThat(answers.get(unknown).refusal()).contains("Dukcapil");
        // The new account is the bank's like any other: its inquiry names the person, and one repeat opened no second.
        assertThat(client.inquire(
                        UUID.randomUUID().toString(), "002", answers.get(rahman).accountNumber()))
                .isEqualTo(new BankGatewayClient.AccountInquiry.Holder("MUHAMMAD ARIF RAHMAN"));
        assertThat(bank.collectiveAccounts()).hasSize(2);
    }

    @Test
    void settlesATransferWithTheBanksReference() {
        TransferOrder order = order("002", "012301012345501");

        TransferOutcome outcome = client.transfer(order);

        assertThat(outcome).isInstanceOf(TransferOutcome.Settled.class);
        assertThat(bank.executionsOf(order.paymentId().toString())).isEqualTo(1);
        assertThat(((TransferOutcome.Settled) outcome).bankReference())
                .isEqualTo(bank.executedTransfers().get(0).bankReference());
        assertThat(bank.executedTransfers().get(0).amount()).isEqualTo(960_000L);
    }

    @Test
    void asksForTheStatusAfterALostReplyInsteadOfResending() {
        bank.faults(FaultProfile.lostReplies(1.0, 600));
        TransferOrder order = order("009", "1234509876");

        TransferOutcome first = client.transfer(order);
        bank.faults(FaultProfile.NONE);
        TransferOutcome later = client.transfer(sent(order));

        assertThat(first).as("the status inquiry also timed out").isInstanceOf(TransferOutcome.Unknown.class);
        assertThat(later).isInstanceOf(TransferOutcome.Settled.class);
        assertThat(bank.executionsOf(order.paymentId().toString())).isEqualTo(1);
    }

    @Test
    void resendsOnlyWhenTheBankSaysItNeverReceivedTheTransfer() {
        bank.faults(FaultProfile.errors(1.0));
        TransferOrder order = order("014", "5550001112");

        TransferOutcome first = client.transfer(order);
        assertThat(bank.executionsOf(order.paymentId().toString())).isZero();
        bank.faults(FaultProfile.NONE);
        TransferOutcome later = client.transfer(sent(order));

        assertThat(first).isInstanceOf(TransferOutcome.Unknown.class);
        assertThat(later).isInstanceOf(TransferOutcome.Settled.class);
        assertThat(bank.executionsOf(order.paymentId().toString())).isEqualTo(1);
    }

    @Test
    void everyRequestIsSignedAndTheTokenRenewedWhenItExpires() {
        bank.setAccessTokenLifetime(Duration.ofSeconds(1));
        TransferOrder first = order("002", "012301012345502");
        assertThat(client.transfer(first)).isInstanceOf(TransferOutcome.Settled.class);
        Instant firstTokenExpired = Instant.now().plusSeconds(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> Instant.now().isAfter(firstTokenExpired));
        TransferOrder second = order("002", "012301012345503");
        assertThat(client.transfer(second))
                .as("after the first token expired")
                .isInstanceOf(TransferOutcome.Settled.class);
        assertThat(bank.stats().accessTokensIssued()).isGreaterThanOrEqualTo(2);
        assertThat(bank.stats().authenticationRefusals()).isZero();
    }

    @Test
    void aClientWithAnotherSecretIsRefusedAndNothingMoves() throws Exception {
        java.nio.file.Files.writeString(partnerDirectory.resolve("wrong-secret"), "bm90LXRoZS1iYW5rcy1zZWNyZXQ=");
        SnapPartner wrong = new SnapPartner(
                "KEMENSOS01",
                partnerDirectory.resolve("partner-private-key.pem").toString(),
                partnerDirectory.resolve("wrong-secret").toString(),
                "95221");
        BankGatewayClient impostor = new BankGatewayClient(
                gateways,
                new DisbursementProperties(
                        URI.create(bank.baseUrl()),
                        "0000111122223333",
                        new DisbursementProperties.AutoApproval(false, 0, List.of()),
                        new DisbursementProperties.Dispatch(Duration.ofMillis(200), 100, 4, Duration.ofSeconds(5)),
                        new DisbursementProperties.AccountInquiry(true),
                        new DisbursementProperties.PostOffice(
                                URI.create("http://127.0.0.1:9"), null, Duration.ofMinutes(1)),
                        new DisbursementProperties.CollectiveAccounts(Duration.ofSeconds(1), 500)),
                wrong,
                Clock.systemUTC());
        TransferOrder order = order("002", "012301012345504");

        assertThat(impostor.transfer(order)).isNotInstanceOf(TransferOutcome.Settled.class);
        assertThat(bank.executionsOf(order.paymentId().toString())).isZero();
        assertThat(bank.stats().authenticationRefusals()).isPositive();
    }

    @Test
    void aClosedAccountIsRejectedAndNothingMoves() {
        bank.closeAccount("002", "999900001111222");

        TransferOutcome outcome = client.transfer(order("002", "999900001111222"));

        assertThat(outcome).isInstanceOf(TransferOutcome.Rejected.class);
        assertThat(bank.executedTransferCount()).isZero();
    }

    @Test
    void everyTransferExecutesExactlyOnceUnderThirtyPercentFaults() {
        bank.faults(new FaultProfile(0.10, 0.10, 0.10, 0, 600));
        List<TransferOrder> orders = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            orders.add(order("002", String.format("0123%08d501", i)));
        }
        List<TransferOrder> pending = new ArrayList<>(orders);
        for (int round = 0; round < 30 && !pending.isEmpty(); round++) {
            List<TransferOrder> next = new ArrayList<>();
            for (TransferOrder o : pending) {
                // As the dispatcher does: the first attempt sends, every later one starts from a status inquiry.
                if (client.transfer(round == 0 ? o : sent(o)) instanceof TransferOutcome.Unknown) {
                    next.add(o);
                }
            }
            pending = next;
        }

        assertThat(pending).isEmpty();
        assertThat(bank.faultsInjected()).isPositive();
        assertThat(orders)
                .allSatisfy(o ->
                        assertThat(bank.executionsOf(o.paymentId().toString())).isEqualTo(1));
        assertThat(bank.executedTransferCount()).isEqualTo(orders.size());
    }

    private static TransferOrder order(String bankCode, String account) {
        return new TransferOrder(
                UUID.randomUUID(), UUID.randomUUID(), "BSU", "2026", 960_000L, bankCode, account, "SITI AMINAH", false);
    }

    private static TransferOrder sent(TransferOrder o) {
        return new TransferOrder(
                o.paymentId(),
                o.beneficiaryId(),
                o.programId(),
                o.cycleId(),
                o.amount(),
                o.bankCode(),
                o.accountNumber(),
                o.accountHolderName(),
                true);
    }

    @Test
    void aPersonTheBanksFinalOpeningAnswerLeavesOutIsRefusedNotLeftWaiting() {
        UUID opened = UUID.randomUUID();
        UUID leftOut = UUID.randomUUID();
        BankGatewayClient.OpeningStatus.Answered answered = new BankGatewayClient.OpeningStatus.Answered(
                Map.of(opened, new BankGatewayClient.OpeningAnswer("0015000123", "SITI AMINAH", null)));

        Map<UUID, BankGatewayClient.OpeningAnswer> answers = answered.forEvery(List.of(opened, leftOut));

        assertThat(answers.get(opened).opened()).isTrue();
        assertThat(answers.get(leftOut).opened()).isFalse();
        assertThat(answers.get(leftOut).refusal()).isEqualTo(BankGatewayClient.OpeningAnswer.NO_LINE);
        assertThat(answers).hasSize(2);
    }
}

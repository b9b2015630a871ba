package id.go.kemensos.returnee.disbursement.bank;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kemensos.returnee.disbursement.DisbursementProperties;
import id.go.kemensos.returnee.gateway.ResilientGateway;
import id.go.kemensos.returnee.gateway.ResilientGateways;
import id.go.kemensos.returnee.infra.sim.BankPartnerCredentials;
import id.go.kemensos.returnee.infra.sim.FaultProfile;
import id.go.kemensos.returnee.infra.sim.PostOfficeSimulator;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The PT Pos client against the post office simulator over real HTTP, signed as SNAP requires: one claim per payment
 * whatever is repeated or lost, the cash paid out once at the counter to the right KTP, and what nobody collects
 * returned after its deadline.
 */
class PostOfficeClientTest {

    private static final String NIK = "5202014507900001";

    private PostOfficeSimulator postOffice;
    private ResilientGateways gateways;
    private PostOfficeClient client;
    private SnapPartner partner;
    private DisbursementProperties properties;

    @TempDir
    Path partnerDirectory;

    @BeforeEach
    void start() {
        postOffice = new PostOfficeSimulator(0, new Random(7));
        postOffice.start();
        BankPartnerCredentials credentials =
                BankPartnerCredentials.in(partnerDirectory, "KEMENSOS01").ensureExist();
        credentials.registerWith(postOffice);
        partner = new SnapPartner(
                credentials.partnerId(),
                credentials.privateKeyFile().toString(),
                credentials.clientSecretFile().toString(),
                "95221");
        properties = new DisbursementProperties(
                URI.create("http://127.0.0.1:9"),
                "0000111122223333",
                new DisbursementProperties.AutoApproval(false, 0, List.of()),
                new DisbursementProperties.Dispatch(Duration.ofMillis(200), 100, 4, Duration.ofSeconds(5)),
                new DisbursementProperties.AccountInquiry(true),
                new DisbursementProperties.PostOffice(URI.create(postOffice.baseUrl()), null, Duration.ofMinutes(1)),
                new DisbursementProperties.CollectiveAccounts(Duration.ofSeconds(1), 500));
        gateways = new ResilientGateways(
                JsonMapper.builder().build(),
                new ResilientGateway.Registries(
                        RetryRegistry.of(RetryConfig.custom()
                                .maxAttempts(3)
                                .waitDuration(Duration.ofMillis(20))
                                .build()),
                        CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                                .failureRateThreshold(100)
                                .minimumNumberOfCalls(1_000_000)
                                .build()),
                        RateLimiterRegistry.ofDefaults(),
                        TimeLimiterRegistry.of(TimeLimiterConfig.custom()
                                .timeoutDuration(Duration.ofMillis(400))
                                .build())));
        client = new PostOfficeClient(gateways, properties, partner, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        gateways.close();
        postOffice.close();
    }

    private static CashOrder order(boolean alreadySent) {
        return order(UUID.randomUUID(), alreadySent);
    }

    /** The payment's order as the dispatcher makes it: first sent, or again for its status check. */
    private static CashOrder order(UUID paymentId, boolean alreadySent) {
        return new CashOrder(
                paymentId,
                UUID.randomUUID(),
                "BSU",
                960_000,
                "BAIQ NURUL AINI",
                "5202**********01",
                "5202",
                30,
                false,
                alreadySent);
    }

    @Test
    void theCashWaitsAtThePostOfficeWithACodeUntilTheProgramsDeadlineAndIsPaidOutOnceToTheRightKtp() {
        CashOrder order = order(false);

        TransferOutcome.CashIssued issued = (TransferOutcome.CashIssued) client.remit(order);

        assertThat(issued.claimCode()).matches("\\d{10}");
        assertThat(issued.claimDeadline())
                .isEqualTo(LocalDate.now(ZoneId.of("Asia/Jakarta")).plusDays(30));
        assertThat(issued.toString()).as("the code never reaches a log line").doesNotContain(issued.claimCode());
        assertThat(client.remit(order))
                .as("sent again: the same claim, not a second one")
                .isEqualTo(issued);
        assertThat(postOffice.stats().remittancesIssued()).isEqualTo(1);

        assertThat(postOffice
                        .claim(new PostOfficeSimulator.CounterClaim(
                                issued.claimCode(), "5202014507900099", "KCP Praya"))
                        .status())
                .as("a KTP that is not the recipient's")
                .isEqualTo(403);
        assertThat(postOffice
                        .claim(new PostOfficeSimulator.CounterClaim(issued.claimCode(), NIK, "KCP Praya"))
                        .status())
                .isEqualTo(200);
        assertThat(postOffice
                        .claim(new PostOfficeSimulator.CounterClaim(issued.claimCode(), NIK, "KCP Praya"))
                        .status())
                .as("paid out once")
                .isEqualTo(409);

        TransferOutcome collected = client.remit(order(order.paymentId(), true));
        assertThat(collected).isInstanceOf(TransferOutcome.Settled.class);
        assertThat(((TransferOutcome.Settled) collected).bankReference()).startsWith("POSPAID");
        assertThat(postOffice.stats().payouts()).isEqualTo(1);
    }

    @Test
    void cashNobodyCollectsByTheDeadlineIsReturned() {
        CashOrder order = order(false);
        TransferOutcome.CashIssued issued = (TransferOutcome.CashIssued) client.remit(order);

        postOffice.advanceCalendar(31);

        assertThat(client.remit(order(order.paymentId(), true)))
                .isEqualTo(new TransferOutcome.CashExpired(issued.posReference()));
        assertThat(postOffice
                        .claim(new PostOfficeSimulator.CounterClaim(issued.claimCode(), NIK, "KCP Praya"))
                        .status())
                .as("too late at the counter")
                .isEqualTo(409);
    }

    @Test
    void aLostReplyIsFoundByTheStatusInquiryAndNeverIssuesASecondClaim() {
        postOffice.faults(FaultProfile.lostReplies(1.0, 600));
        CashOrder order = order(false);

        TransferOutcome first = client.remit(order);
        postOffice.faults(FaultProfile.NONE);
        TransferOutcome later = client.remit(order(order.paymentId(), true));

        assertThat(first).isInstanceOf(TransferOutcome.Unknown.class);
        assertThat(later).isInstanceOf(TransferOutcome.CashIssued.class);
        assertThat(postOffice.stats().remittancesIssued()).isEqualTo(1);
    }

    @Test
    void aRemittancePtPosNeverReceivedIsSentOnTheStatusCheckAndOneWithoutARecipientIsRefused() {
        CashOrder neverReceived = order(true);
        assertThat(client.remit(neverReceived)).isInstanceOf(TransferOutcome.CashIssued.class);

        CashOrder erased = new CashOrder(
                UUID.randomUUID(), UUID.randomUUID(), "BSU", 960_000, null, null, "5202", 30, false, false);
        assertThat(client.remit(erased))
                .isEqualTo(new TransferOutcome.Rejected(
                        TransferOutcome.PERSONAL_DATA_ERASED, "the payee's personal data was erased"));
    }

    @Test
    void aPlatformWithTheWrongSecretIsRefusedBeforeAnythingIsIssued() throws Exception {
        Files.writeString(partnerDirectory.resolve("wrong-secret"), "bm90LXRoZS1wb3Mtc2VjcmV0");
        PostOfficeClient impostor = new PostOfficeClient(
                gateways,
                new DisbursementProperties(
                        properties.bankGatewayUrl(),
                        properties.sourceAccount(),
                        properties.autoApproval(),
                        properties.dispatch(),
                        properties.accountInquiry(),
                        new DisbursementProperties.PostOffice(
                                URI.create(postOffice.baseUrl()),
                                partnerDirectory.resolve("wrong-secret").toString(),
                                Duration.ofMinutes(1)),
                        properties.collectiveAccounts()),
                partner,
                Clock.systemUTC());

        assertThat(impostor.remit(order(false))).isNotInstanceOf(TransferOutcome.CashIssued.class);
        assertThat(postOffice.stats().remittancesIssued()).isZero();
        assertThat(postOffice.stats().authenticationRefusals()).isPositive();
    }
}

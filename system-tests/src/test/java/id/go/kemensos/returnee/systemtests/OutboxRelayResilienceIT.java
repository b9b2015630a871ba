package id.go.kemensos.returnee.systemtests;

import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.kemensos.returnee.contracts.disbursement.DisbursementTopics;
import id.go.kemensos.returnee.contracts.eligibility.EligibilityTopics;
import id.go.kemensos.returnee.contracts.registration.RegistrationTopics;
import id.go.kemensos.returnee.infra.connect.KafkaConnectWorker;
import id.go.kemensos.returnee.infra.kafka.KafkaAccess;
import id.go.kemensos.returnee.infra.sim.AcceptedSms;
import id.go.kemensos.returnee.testsupport.EventLog;
import id.go.kemensos.returnee.testsupport.PlatformIntegrationTest;
import id.go.kemensos.returnee.testsupport.ReturneeMother;
import id.go.kemensos.returnee.testsupport.RunningPlatform;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The outbox relay (the Kafka Connect worker) is stopped while registrations are in flight and started again, then
 * killed (SIGKILL: nothing flushed, nothing committed) and started again: nothing is lost, every registration reaches
 * exactly one payment and its SMS, Connect resumes from the source offsets it had committed in Kafka, and (exactly-once
 * source delivery) no event reaches the topic twice. Then Kafka delivers duplicates all the same, which have no second
 * effect.
 */
@PlatformIntegrationTest
class OutboxRelayResilienceIT {

    private static final int REGISTRATIONS = 200;
    private static RunningPlatform platform;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.start();
    }

    @Test
    void everyRegistrationIsPaidExactlyOnceAcrossAStoppedAndAKilledWorkerAndDuplicateDeliveries() throws Exception {
        List<Map<String, Object>> returnees = new ArrayList<>();
        for (int i = 0; i < REGISTRATIONS; i++) {
            returnees.add(i % 2 == 0 ? ReturneeMother.sitiAminahLombokTengah() : ReturneeMother.laluZainiLombokTimur());
        }
        List<UUID> beneficiaries = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch quarterRegistered = new CountDownLatch(REGISTRATIONS / 4);
        CountDownLatch threeQuartersRegistered = new CountDownLatch(3 * REGISTRATIONS / 4);
        // The registrations wait at the quarter until the worker has stopped, and at three quarters until it has been
        // killed, so that some are always made while nothing relays, however fast they go.
        CountDownLatch stopped = new CountDownLatch(1);
        CountDownLatch killed = new CountDownLatch(1);
        CompletableFuture<Void> registering = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < returnees.size(); i++) {
                awaitQuietly(i == REGISTRATIONS / 4 ? stopped : i == 3 * REGISTRATIONS / 4 ? killed : null);
                beneficiaries.add(platform.registration().register(returnees.get(i)));
                quarterRegistered.countDown();
                threeQuartersRegistered.countDown();
            }
        });
        KafkaConnectWorker worker = platform.stack().connect();
        try {
            assertThat(quarterRegistered.await(2, TimeUnit.MINUTES)).isTrue();
            worker.stop(); // SIGTERM: its tasks stop and commit their offsets
            stopped.countDown();
            // Registrations go on while nothing relays: their events wait in the outbox.
            int registeredAtStop = beneficiaries.size();
            await().atMost(ofMinutes(1)).until(() -> beneficiaries.size() >= registeredAtStop + 20);
            long paidWhileStopped = countPayments(beneficiaries);
            worker.start();
            assertThat(paidWhileStopped)
                    .as("payments can only follow events the relay already carried")
                    .isLessThan(REGISTRATIONS);

            assertThat(threeQuartersRegistered.await(3, TimeUnit.MINUTES)).isTrue();
            JsonNode committedBeforeTheKill = worker.committedOffsets(KafkaAccess.OUTBOX_CONNECTOR);
            worker.kill(); // SIGKILL while registrations keep coming
            killed.countDown();
            registering.get(3, TimeUnit.MINUTES);
            worker.start();
            JsonNode resumed = worker.committedOffsets(KafkaAccess.OUTBOX_CONNECTOR);
            assertThat(binlogPosition(resumed))
                    .as("Connect resumes from the offsets it had committed in Kafka, not from the beginning")
                    .isGreaterThanOrEqualTo(binlogPosition(committedBeforeTheKill));
        } finally {
            stopped.countDown();
            killed.countDown();
            if (!worker.isRunning()) {
                worker.start(); // a failure here must not leave the tests after it without a relay
            }
        }
        await().atMost(ofMinutes(3))
                .untilAsserted(() -> assertExactlyOnePaymentAndThreeSmsEach(beneficiaries, returnees));

        EventLog log = new EventLog(platform.stack().kafka().bootstrapServers());
        Set<String> ours = beneficiaries.stream().map(UUID::toString).collect(Collectors.toSet());
        List<ConsumerRecord<String, byte[]>> registered =
                log.raw(RegistrationTopics.EVENTS, r -> ours.contains(r.key()));
        List<String> eventIds = registered.stream()
                .map(r -> new String(r.headers().lastHeader("ce_id").value()))
                .toList();
        assertThat(Set.copyOf(eventIds))
                .as("no registration event lost across the stop and the kill")
                .hasSize(REGISTRATIONS);
        // Exactly-once source delivery: what the killed worker had sent in its open transaction was aborted, and the
        // restarted one resumed from the offsets committed with the last committed transaction, so a consumer reading
        // committed records (as every service does) sees each event once.
        assertThat(eventIds).as("events re-emitted by the restarted worker").hasSize(REGISTRATIONS);

        log.redeliver(registered);
        log.redeliver(log.raw(EligibilityTopics.EVENTS, r -> ours.contains(r.key())));
        log.redeliver(log.raw(DisbursementTopics.EVENTS, r -> ours.contains(r.key())));
        // Duplicates sit after the originals; once every consumer has passed them, the effects must be unchanged, and
        // stay so.
        awaitConsumersCaughtUp();
        await().during(ofSeconds(3))
                .atMost(ofSeconds(10))
                .untilAsserted(() -> assertExactlyOnePaymentAndThreeSmsEach(beneficiaries, returnees));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        if (latch == null) {
            return;
        }
        try {
            latch.await(3, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The binlog position (file sequence, then position) of a connector's committed source offsets. */
    private static long binlogPosition(JsonNode offsets) {
        JsonNode offset = offsets.path("offsets").path(0).path("offset");
        String file = offset.path("file").asString("");
        long sequence = file.isEmpty() ? 0 : Long.parseLong(file.substring(file.lastIndexOf('.') + 1));
        return sequence * 10_000_000_000L + offset.path("pos").asLong();
    }

    private static long countPayments(List<UUID> beneficiaries) {
        List<UUID> registeredSoFar;
        synchronized (beneficiaries) { // still growing: registrations go on meanwhile
            registeredSoFar = new ArrayList<>(beneficiaries);
        }
        return registeredSoFar.stream()
                .filter(b -> platform.database()
                                .count("SELECT COUNT(*) FROM disbursement.payment_intent WHERE beneficiary_id = ?", b)
                        > 0)
                .count();
    }

    private static void assertExactlyOnePaymentAndThreeSmsEach(
            List<UUID> beneficiaries, List<Map<String, Object>> returnees) {
        String in = beneficiaries.stream().map(b -> "'" + b + "'").collect(Collectors.joining(","));
        List<Map<String, Object>> payments = platform.database()
                .rows("SELECT payment_id, state FROM disbursement.payment_intent WHERE beneficiary_id IN (" + in + ")");
        assertThat(payments)
                .hasSize(REGISTRATIONS)
                .allSatisfy(p -> assertThat(p).containsEntry("state", "SETTLED"));
        assertThat(payments)
                .allSatisfy(p -> assertThat(platform.stack().bank().executionsOf((String) p.get("payment_id")))
                        .isEqualTo(1));
        for (Map<String, Object> returnee : returnees) {
            List<String> templates = platform.stack().sms().messagesTo(ReturneeMother.phoneE164(returnee)).stream()
                    .map(AcceptedSms::text)
                    .map(t -> t.contains("terdaftar")
                            ? "REGISTERED"
                            : t.contains("LAYAK") ? "ELIGIBLE" : t.contains("pendampingan") ? "SERVICES" : "PAID")
                    .sorted()
                    .toList();
            assertThat(templates).containsExactly("ELIGIBLE", "PAID", "REGISTERED", "SERVICES");
        }
    }

    private static void awaitConsumersCaughtUp() {
        ConsumerLag lag = new ConsumerLag(platform.stack().kafka().bootstrapServers());
        await().atMost(ofMinutes(2)).pollInterval(ofSeconds(1)).untilAsserted(() -> {
            assertThat(lag.of("eligibility", RegistrationTopics.EVENTS)).isZero();
            assertThat(lag.of("disbursement", RegistrationTopics.EVENTS)).isZero();
            assertThat(lag.of("disbursement", EligibilityTopics.EVENTS)).isZero();
            assertThat(lag.of("notification", RegistrationTopics.EVENTS)).isZero();
            assertThat(lag.of("notification", DisbursementTopics.EVENTS)).isZero();
        });
    }
}

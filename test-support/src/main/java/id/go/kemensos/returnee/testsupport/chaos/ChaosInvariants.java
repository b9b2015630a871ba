package id.go.kemensos.returnee.testsupport.chaos;

import id.go.kemensos.returnee.contracts.Topics;
import id.go.kemensos.returnee.infra.launcher.PlatformService;
import id.go.kemensos.returnee.infra.sim.ExecutedTransfer;
import id.go.kemensos.returnee.infra.stack.LocalStack;
import id.go.kemensos.returnee.testsupport.EventLog;
import id.go.kemensos.returnee.testsupport.OfficerLogin;
import id.go.kemensos.returnee.testsupport.PlatformDatabase;
import id.go.kemensos.returnee.testsupport.ReturneeListFile;
import id.go.kemensos.returnee.testsupport.ServiceApi;
import id.go.kemensos.returnee.testsupport.ServiceMetrics;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import org.apache.kafka.common.header.Header;
import tools.jackson.databind.JsonNode;

/**
 * The chaos run's questions, each answered from the record of the party that would know: the upload's counts, the
 * ledger, the bank's own bookings, the SMS gateway's accepted messages, the outboxes against the topics, the audit
 * chain and the replay against the live report, and the dead-letter topics.
 */
final class ChaosInvariants {

    private static final String LIVE_REPORT = "/api/reports/payments?groupBy=program,province,regency,state&format=csv";
    private static final List<String> SCHEMAS =
            List.of("registration", "eligibility", "disbursement", "notification", "audit", "casework");
    /** Spring Kafka's header with the exception's message on a dead letter. */
    private static final String DEAD_LETTER_REASON = "kafka_dlt-exception-message";

    private static final Duration SETTLE = Duration.ofMinutes(3);

    private final LocalStack stack;
    private final UUID upload;
    private final AtRest atRest;
    private final Instant runStart;
    private final PrintStream out;
    private final PlatformDatabase database = new PlatformDatabase();

    ChaosInvariants(LocalStack stack, AtRest atRest, Instant runStart, PrintStream out) {
        this.stack = stack;
        this.upload = atRest.upload();
        this.atRest = atRest;
        this.runStart = runStart;
        this.out = out;
    }

    void check(ReturneeListFile.Expected expected, ChaosReport report) throws InterruptedException {
        out.println("== Chaos run: checking the invariants");
        upload(expected, report);
        ledgerAndBank(report);
        sms(report);
        events(report);
        audit(report);
        deadLetters(report);
    }

    private void upload(ReturneeListFile.Expected expected, ChaosReport report) {
        JsonNode status = new ServiceApi(PlatformService.REGISTRATION, OfficerLogin.CLERK_NTB)
                .get("/api/uploads/" + upload)
                .body();
        long read = status.path("rowsRead").asLong();
        long accepted = status.path("accepted").asLong();
        long rejected = status.path("rejected").asLong();
        long held = status.path("held").asLong();
        report.check("list rows read", expected.rows(), read);
        report.check("rows accepted + rejected + held", read, accepted + rejected + held);
        report.check("rows rejected, each with a reason", expected.rejected(), rejected);
        report.check("rows held for review", expected.held(), held);
        long registered = atRest.registered();
        long distinct = database.count(
                "SELECT COUNT(DISTINCT r.nik_index) FROM registration.returnee r WHERE r.upload_id = ?", upload);
        report.check("accepted rows registered", expected.accepted(), registered);
        report.check("returnees registered twice", 0, registered - distinct);
        report.check("registered returnees decided for the grant", registered, atRest.decided());
    }

    private void ledgerAndBank(ChaosReport report) {
        long eligible = atRest.eligible();
        List<Map<String, Object>> payments = database.rows(
                "SELECT p.payment_id AS payment_id, p.beneficiary_id AS beneficiary_id, p.state AS state,"
                        + " p.failure_reason AS reason FROM disbursement.payment_intent p"
                        + AtRest.OF_UPLOAD.formatted("p") + " AND p.program_id = ?",
                upload,
                AtRest.GRANT_PROGRAM);
        Map<String, Integer> perPerson = new HashMap<>();
        Set<String> settled = new HashSet<>();
        Set<String> ours = new HashSet<>();
        long failedWithReason = 0;
        long failedWithoutReason = 0;
        long inFlight = 0;
        for (Map<String, Object> payment : payments) {
            perPerson.merge((String) payment.get("beneficiary_id"), 1, Integer::sum);
            String id = (String) payment.get("payment_id");
            ours.add(id);
            switch ((String) payment.get("state")) {
                case "SETTLED" -> settled.add(id);
                case "FAILED" -> {
                    if (payment.get("reason") == null) {
                        failedWithoutReason++;
                    } else {
                        failedWithReason++;
                    }
                }
                default -> inFlight++;
            }
        }
        report.check("eligible returnees with a payment", eligible, perPerson.size());
        report.check(
                "returnees with two payments or more",
                0,
                perPerson.values().stream().filter(n -> n > 1).count());
        report.check("payments neither SETTLED nor FAILED", 0, inFlight);
        report.check("FAILED payments without a reason", 0, failedWithoutReason);
        report.note(String.format("payments: %,d SETTLED, %,d FAILED with a reason", settled.size(), failedWithReason));
        report.check("payments in flight, as disbursement's metrics say", 0, fromMetrics(0, () -> {
            ServiceMetrics metrics = ServiceMetrics.scrape(PlatformService.DISBURSEMENT);
            return Stream.of("SCHEDULED", "APPROVED", "SENT")
                    .mapToLong(state -> (long) metrics.value("platform_payments", "state=\"" + state + "\"")
                            .orElse(-1))
                    .sum();
        }));

        Map<String, Integer> bookingsPerPayment = new HashMap<>();
        Map<String, Integer> bookingsPerAccount = new HashMap<>();
        for (ExecutedTransfer transfer : stack.bank().executedTransfers()) {
            if (ours.contains(transfer.partnerReferenceNo())) {
                bookingsPerPayment.merge(transfer.partnerReferenceNo(), 1, Integer::sum);
                bookingsPerAccount.merge(transfer.bankCode() + "/" + transfer.accountNo(), 1, Integer::sum);
            }
        }
        report.check(
                "SETTLED payments the bank booked",
                settled.size(),
                settled.stream().filter(bookingsPerPayment::containsKey).count());
        report.check(
                "bank bookings of payments not SETTLED",
                0,
                bookingsPerPayment.keySet().stream()
                        .filter(id -> !settled.contains(id))
                        .count());
        report.check(
                "accounts the bank credited twice",
                0,
                bookingsPerAccount.values().stream().filter(n -> n > 1).count());
    }

    private void sms(ChaosReport report) {
        AtRest.Told told = atRest.told();
        report.check(
                "registered returnees told by SMS",
                atRest.acceptedPhones().size(),
                told.registered().size());
        report.check(
                "paid returnees told by SMS",
                atRest.paymentsByState().getOrDefault("SETTLED", 0L),
                told.paid().size());
        report.check("SMS sent twice (same text, same phone)", 0, told.sentTwice());
    }

    /** Every outbox row written since the run began is on its topic, once: retried while the relay catches up. */
    private void events(ChaosReport report) throws InterruptedException {
        Map<String, Set<String>> outbox = new TreeMap<>();
        for (String schema : SCHEMAS) {
            for (Map<String, Object> row : database.rows(
                    "SELECT id, aggregatetype FROM " + schema + ".outbox_event WHERE created_at >= ?",
                    Timestamp.from(runStart))) {
                outbox.computeIfAbsent(row.get("aggregatetype") + ".events", t -> new HashSet<>())
                        .add((String) row.get("id"));
            }
        }
        long written = outbox.values().stream().mapToLong(Set::size).sum();
        long deadline = System.nanoTime() + SETTLE.toNanos();
        long missing;
        long twice;
        EventLog log = new EventLog(stack.kafka().bootstrapServers());
        while (true) {
            missing = 0;
            twice = 0;
            for (Map.Entry<String, Set<String>> topic : outbox.entrySet()) {
                Map<String, Integer> onTopic = new HashMap<>();
                log.raw(topic.getKey(), record -> {
                    String id = header(record.headers().lastHeader("ce_id"));
                    if (id != null && topic.getValue().contains(id)) {
                        onTopic.merge(id, 1, Integer::sum);
                    }
                    return false;
                });
                missing += topic.getValue().size() - onTopic.size();
                twice += onTopic.values().stream().filter(n -> n > 1).count();
            }
            if (missing == 0 || System.nanoTime() > deadline) {
                break;
            }
            TimeUnit.SECONDS.sleep(5);
        }
        report.note(String.format("events written to the outboxes during the run: %,d", written));
        report.check("outbox events missing from their topic", 0, missing);
        report.check("events on their topic twice", 0, twice);
    }

    private void audit(ChaosReport report) throws InterruptedException {
        ServiceApi audit = new ServiceApi(PlatformService.AUDIT, OfficerLogin.AUDITOR);
        JsonNode chain = audit.post("/api/ledger/verification", Map.of()).body();
        boolean intact = chain != null && chain.path("intact").asBoolean(false);
        report.check("audit chain intact", "yes", intact ? "yes" : String.valueOf(chain), intact);

        // Payments of other people may still be moving on a shared stack: the replay must equal the report once they
        // rest.
        String found = "not compared";
        boolean equal = false;
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (!equal && System.nanoTime() < deadline) {
            ServiceApi.Response replay = audit.post("/api/replays", Map.of());
            if (replay.status() == 201 && replay.body().get("anomalies").isEmpty()) {
                String csv = new ServiceApi(PlatformService.DISBURSEMENT, OfficerLogin.AUDITOR)
                        .get(LIVE_REPORT)
                        .text();
                ServiceApi.Response comparison = audit.post(
                        "/api/replays/" + replay.body().at("/run/replayId").asString() + "/comparison",
                        "text/csv",
                        csv);
                equal = comparison.status() == 200
                        && comparison.body().path("matches").asBoolean(false);
                found = equal
                        ? "equal"
                        : comparison.body() == null
                                ? comparison.text()
                                : comparison.body().path("differences").toString();
            } else {
                found = replay.status() + " " + replay.text();
            }
            if (!equal) {
                TimeUnit.SECONDS.sleep(5);
            }
        }
        report.check("replay from Kafka equals the live report", "equal", abbreviate(found), equal);
    }

    private void deadLetters(ChaosReport report) {
        EventLog log = new EventLog(stack.kafka().bootstrapServers());
        long since = runStart.toEpochMilli();
        long total = 0;
        long withoutReason = 0;
        for (String events : Topics.allEventTopics()) {
            String topic = Topics.deadLetterOf(events);
            Map<String, Integer> reasons = new TreeMap<>();
            log.raw(topic, record -> {
                if (record.timestamp() >= since) {
                    reasons.merge(
                            String.valueOf(header(record.headers().lastHeader(DEAD_LETTER_REASON))), 1, Integer::sum);
                }
                return false;
            });
            long count = reasons.values().stream().mapToLong(Integer::longValue).sum();
            total += count;
            withoutReason += reasons.getOrDefault("null", 0);
            if (count > 0) {
                report.note(String.format("dead letters on %s: %,d, %s", topic, count, reasons));
            }
        }
        report.note(String.format("dead letters during the run: %,d", total));
        long onTopics = total;
        report.check(
                "dead letters waiting, as the services' metrics say",
                total,
                fromMetrics(
                        onTopics,
                        () -> Stream.of(PlatformService.values())
                                .filter(PlatformService::servesApi)
                                .mapToLong(service -> (long) ServiceMetrics.scrape(service)
                                        .value("platform_dead_letters_waiting")
                                        .orElse(0))
                                .sum()));
        report.check("dead letters without a reason", 0, withoutReason);
    }

    /**
     * What the services' metrics say, read until it is the expected figure or half a minute has passed: their gauges
     * are refreshed every 15 s, so a figure may trail the state it counts by that much.
     */
    private static long fromMetrics(long expected, LongSupplier read) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        long found = read.getAsLong();
        while (found != expected && System.nanoTime() < deadline) {
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return found;
            }
            found = read.getAsLong();
        }
        return found;
    }

    private static String header(Header header) {
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}

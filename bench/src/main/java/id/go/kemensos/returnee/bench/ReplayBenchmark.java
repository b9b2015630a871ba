package id.go.kemensos.returnee.bench;

import id.go.kemensos.returnee.contracts.disbursement.DisbursementTopics;
import id.go.kemensos.returnee.contracts.disbursement.PaymentAccountChecked;
import id.go.kemensos.returnee.contracts.disbursement.PaymentApproved;
import id.go.kemensos.returnee.contracts.disbursement.PaymentBatchDecided;
import id.go.kemensos.returnee.contracts.disbursement.PaymentBatchPrepared;
import id.go.kemensos.returnee.contracts.disbursement.PaymentChannel;
import id.go.kemensos.returnee.contracts.disbursement.PaymentFailed;
import id.go.kemensos.returnee.contracts.disbursement.PaymentReissued;
import id.go.kemensos.returnee.contracts.disbursement.PaymentScheduled;
import id.go.kemensos.returnee.contracts.disbursement.PaymentSent;
import id.go.kemensos.returnee.contracts.disbursement.PaymentSettled;
import id.go.kemensos.returnee.infra.kafka.KafkaAccess;
import id.go.kemensos.returnee.infra.launcher.PlatformService;
import id.go.kemensos.returnee.infra.launcher.PlatformServices;
import id.go.kemensos.returnee.infra.mariadb.MariaDbServer;
import id.go.kemensos.returnee.infra.stack.LocalStack;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The auditor's replay over a generated disbursement history of N events (default 1,000,000): payments scheduled,
 * checked, batched by a maker, approved by a checker, sent and settled, one in fifty failed and reissued. audit-service
 * (without its ledger consumer, so that nothing else competes) rebuilds the history twice (cold, then warm) and reports
 * its read-and-fold rate and the time to write the fresh schema; the totals are checked against what was generated.
 * Then the ledger consumer is started and the time to append every record to the hash chain is measured.
 */
final class ReplayBenchmark {

    /**
     * audit-service's JVM as docker-compose runs it. A replay makes about 5 KB of garbage per event while it keeps the
     * history it folds: the young generation is most of the heap, so that few collections copy that history (each took
     * 0.2 to 1.2 s), and the heap is touched when the JVM starts rather than by the first replay, which otherwise spent
     * seconds in page faults. Runs of 2026-11-22, 1,000,000 events: default young generation 185,000-195,000 events/s
     * warm; -Xmn4g 204,000-221,000 warm but 67,000-99,000 in a fresh JVM; with -XX:+AlwaysPreTouch too, 136,000-185,000
     * fresh.
     */
    static final String AUDIT_JAVA_OPTS = "-Xms6g -Xmx6g -Xmn4g -XX:+UseParallelGC -XX:+AlwaysPreTouch";
    /** audit-service's JVM for the replay (BENCH_AUDIT_JAVA_OPTS replaces it, e.g. to add a flight recording). */
    static final String JAVA_OPTS = System.getenv().getOrDefault("BENCH_AUDIT_JAVA_OPTS", AUDIT_JAVA_OPTS);

    static final Map<String, String> ENVIRONMENT =
            Map.of("SERVICE_JAVA_OPTS", JAVA_OPTS, "SPRING_KAFKA_LISTENER_AUTO_STARTUP", "false");
    private static final long GRANT = 960_000L;
    private static final int BATCH = 1_000;
    /**
     * The officers of the generated history as events name them: by subject (the identity provider's user id), not by
     * name. Nobody logs in to generate it, so these are made up, fixed per officer.
     */
    private static final String MAKER = subject("finance.maker");

    private static final String CHECKER = subject("finance.checker");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final LocalStack stack;
    private final PlatformServices services;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newHttpClient();

    ReplayBenchmark(LocalStack stack, PlatformServices services, PrintStream out) {
        this.stack = stack;
        this.services = services;
        this.out = out;
    }

    /** What was generated, to check the replay against. */
    record Generated(long events, long settled, long reissued, long scheduled, long payments) {}

    record Round(
            String name,
            long records,
            long readMillis,
            double recordsPerSecond,
            long writeMillis,
            long payments,
            int anomalies,
            boolean totalsAsGenerated) {}

    record Figures(
            Generated generated,
            long produceNanos,
            long floorRecords,
            long floorNanos,
            List<Round> rounds,
            long ledgerRows,
            long ledgerNanos) {

        boolean complete() {
            return rounds.stream().allMatch(r -> r.totalsAsGenerated() && r.anomalies() == 0)
                    && ledgerRows == generated.events();
        }
    }

    Figures run(BenchOptions options) throws Exception {
        out.printf("== Generating %,d disbursement events on %s%n", options.replayEvents(), DisbursementTopics.EVENTS);
        long t0 = System.nanoTime();
        Generated generated = generate(options.replayEvents());
        long produceNanos = System.nanoTime() - t0;
        out.printf(
                "   %,d events (%,d payments: %,d settled, %,d failed and reissued, %,d still scheduled) in %s, "
                        + "%,.0f events/s%n",
                generated.events(),
                generated.payments(),
                generated.settled(),
                generated.reissued(),
                generated.scheduled(),
                Rates.secondsText(produceNanos),
                Rates.perSecond(generated.events(), produceNanos));

        out.println("== Floor: the same topic read by a bare Kafka consumer, nothing decoded");
        long floorRecords = 0;
        long floorNanos = 0;
        for (int pass = 0; pass < 2; pass++) { // the first pass warms the client up
            long t = System.nanoTime();
            floorRecords = rawRead();
            floorNanos = System.nanoTime() - t;
        }
        out.printf(
                "   %,d records in %s: %,.0f records/s%n",
                floorRecords, Rates.secondsText(floorNanos), Rates.perSecond(floorRecords, floorNanos));

        out.println("== Starting audit-service without its ledger consumer");
        services.start(PlatformService.AUDIT);
        List<Round> rounds = new ArrayList<>();
        for (String name : List.of("cold", "warm")) {
            JsonNode result = replay();
            JsonNode figures = result.get("figures");
            long settled = total(result, "SETTLED");
            long reissued = total(result, "REISSUED");
            long scheduled = total(result, "SCHEDULED");
            // The fresh schema too: every payment written, by however many writers.
            boolean asGenerated = settled == generated.settled()
                    && reissued == generated.reissued()
                    && scheduled == generated.scheduled()
                    && result.at("/run/recordsRead").asLong() == generated.events()
                    && paymentsInSchema(result.at("/run/replayId").asString()) == generated.payments();
            Round round = new Round(
                    name,
                    result.at("/run/recordsRead").asLong(),
                    figures.get("readMillis").asLong(),
                    figures.get("recordsPerSecond").asDouble(),
                    figures.get("writeMillis").asLong(),
                    result.at("/run/payments").asLong(),
                    result.get("anomalies").size(),
                    asGenerated);
            out.printf(
                    "   %s: %,d records read and folded in %,d ms = %,.0f events/s (consumer set-up %d ms, joining "
                            + "the folds %d ms); "
                            + "%,d payments and their history written in %,d ms; %d anomalies; totals %s%n",
                    name,
                    round.records(),
                    round.readMillis(),
                    round.recordsPerSecond(),
                    figures.get("setupMillis").asLong(),
                    figures.get("finishMillis").asLong(),
                    round.payments(),
                    round.writeMillis(),
                    round.anomalies(),
                    asGenerated ? "as generated" : "NOT AS GENERATED");
            rounds.add(round);
        }

        out.println("== Restarting audit-service with its ledger consumer: appending every record to the hash chain");
        services.stop(PlatformService.AUDIT);
        long t1 = System.nanoTime();
        services.start(PlatformService.AUDIT, Map.of("SPRING_KAFKA_LISTENER_AUTO_STARTUP", "true"));
        Instant deadline = Instant.now().plus(options.timeout());
        long rows = 0;
        long firstRow = 0;
        long lastPrint = System.nanoTime();
        while (Instant.now().isBefore(deadline) && rows < generated.events()) {
            Thread.sleep(500);
            rows = ledgerRows();
            if (firstRow == 0 && rows > 0) {
                firstRow = System.nanoTime();
            }
            if (System.nanoTime() - lastPrint > 10_000_000_000L) {
                lastPrint = System.nanoTime();
                out.printf(
                        "  t=%6.1f s  %,d of %,d ledger rows%n",
                        Rates.seconds(lastPrint - t1), rows, generated.events());
            }
        }
        long ledgerNanos = System.nanoTime() - firstRow;
        out.printf(
                "   %,d ledger rows in %s from the first row to the last: %,.0f rows/s (service start: %s)%n",
                rows,
                Rates.secondsText(ledgerNanos),
                Rates.perSecond(rows, ledgerNanos),
                Rates.secondsText(firstRow - t1));
        return new Figures(generated, produceNanos, floorRecords, floorNanos, rounds, rows, ledgerNanos);
    }

    private Generated generate(int events) {
        long produced = 0, settled = 0, reissued = 0, scheduled = 0, payments = 0;
        String year = "2026";
        Instant now = Instant.now();
        try (CloudEventRecords records = new CloudEventRecords(stack.kafka().bootstrapServers())) {
            while (produced < events) {
                int n = (int) Math.min(BATCH, (events - produced - 2) / 5);
                if (n <= 0) {
                    break;
                }
                UUID batch = UUID.randomUUID();
                List<UUID> ids = new ArrayList<>(n);
                List<UUID> people = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    UUID payment = UUID.randomUUID();
                    UUID person = UUID.randomUUID();
                    ids.add(payment);
                    people.add(person);
                    String regency = i % 3 == 0 ? "5202" : i % 3 == 1 ? "5203" : "5171";
                    records.send(
                            DisbursementTopics.EVENTS,
                            new PaymentScheduled(
                                    payment,
                                    person,
                                    "BSU",
                                    year,
                                    UUID.randomUUID(),
                                    GRANT,
                                    regency.substring(0, 2),
                                    regency,
                                    now));
                    records.send(
                            DisbursementTopics.EVENTS,
                            new PaymentAccountChecked(payment, person, "VERIFIED", "002", "***5501", 1.0, null, now));
                }
                records.send(
                        DisbursementTopics.EVENTS,
                        new PaymentBatchPrepared(batch, "BSU", year, "52", "002", ids, n * GRANT, MAKER, now));
                records.send(
                        DisbursementTopics.EVENTS,
                        new PaymentBatchDecided(batch, "APPROVED", MAKER, CHECKER, null, n, n * GRANT, now));
                produced += 2L * n + 2;
                for (int i = 0; i < n; i++) {
                    UUID payment = ids.get(i);
                    UUID person = people.get(i);
                    records.send(
                            DisbursementTopics.EVENTS,
                            new PaymentApproved(payment, person, GRANT, CHECKER, now, "BSU"));
                    records.send(
                            DisbursementTopics.EVENTS,
                            new PaymentSent(
                                    payment,
                                    person,
                                    GRANT,
                                    "002",
                                    "***5501",
                                    now,
                                    "BSU",
                                    PaymentChannel.BANK_TRANSFER));
                    produced += 2;
                    payments++;
                    if (i % 50 == 49 && produced + 4 <= events) {
                        UUID replacement = UUID.randomUUID();
                        records.send(
                                DisbursementTopics.EVENTS,
                                new PaymentFailed(
                                        payment,
                                        person,
                                        GRANT,
                                        "002",
                                        "***5501",
                                        "4030",
                                        "account closed",
                                        now,
                                        "BSU"));
                        records.send(
                                DisbursementTopics.EVENTS,
                                new PaymentReissued(
                                        payment, replacement, person, GRANT, MAKER, "account amended", now));
                        records.send(
                                DisbursementTopics.EVENTS,
                                new PaymentScheduled(
                                        replacement, person, "BSU", year, UUID.randomUUID(), GRANT, "52", "5202", now));
                        produced += 3;
                        reissued++;
                        scheduled++;
                        payments++;
                    } else {
                        records.send(
                                DisbursementTopics.EVENTS,
                                new PaymentSettled(
                                        payment,
                                        person,
                                        "BSU",
                                        GRANT,
                                        "002",
                                        "***5501",
                                        "BNK" + payment.toString().substring(0, 8),
                                        now,
                                        year,
                                        PaymentChannel.BANK_TRANSFER));
                        produced++;
                        settled++;
                    }
                }
            }
        }
        return new Generated(produced, settled, reissued, scheduled, payments);
    }

    /** Every record of disbursement.events, fetched the way the replay fetches them, and only counted. */
    private long rawRead() {
        Map<String, Object> config = KafkaAccess.asAdmin(
                stack.kafka().bootstrapServers(),
                Map.of(
                        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                        ByteArrayDeserializer.class,
                        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                        ByteArrayDeserializer.class,
                        ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                        5_000,
                        ConsumerConfig.FETCH_MAX_BYTES_CONFIG,
                        64 * 1024 * 1024,
                        ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG,
                        16 * 1024 * 1024,
                        ConsumerConfig.CHECK_CRCS_CONFIG,
                        false,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed"));
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(DisbursementTopics.EVENTS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long total = consumer.endOffsets(partitions).values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
            long read = 0;
            long headers = 0;
            while (read < total) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    read++;
                    headers += record.headers()
                            .toArray()
                            .length; // headers are parsed lazily: touch them as the replay does
                }
            }
            return headers > 0 ? read : 0;
        }
    }

    private JsonNode replay() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(PlatformService.AUDIT.baseUrl() + "/api/replays"))
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofMinutes(10))
                        .header("Authorization", BenchOfficers.bearer(BenchOfficers.AUDITOR))
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("replay answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static String subject(String username) {
        return UUID.nameUUIDFromBytes(("bench officer " + username).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private static long total(JsonNode result, String state) {
        long payments = 0;
        for (JsonNode row : result.get("totals")) {
            if (state.equals(row.get("state").asString())) {
                payments += row.get("payments").asLong();
            }
        }
        return payments;
    }

    private long paymentsInSchema(String schema) throws Exception {
        return auditNumber("SELECT COUNT(*) FROM " + schema + ".payment", -1);
    }

    private long ledgerRows() throws Exception {
        return auditNumber("SELECT seq FROM audit_chain_head WHERE id = 1", 0);
    }

    /** One number read as the audit user, or {@code none} when the query returns no row. */
    private static long auditNumber(String sql, long none) throws Exception {
        try (Connection c = DriverManager.getConnection(
                        "jdbc:mysql://127.0.0.1:" + MariaDbServer.PORT + "/audit", "audit", "audit-local");
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : none;
        }
    }
}

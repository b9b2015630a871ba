package id.go.kemensos.returnee.bench;

import id.go.kemensos.returnee.infra.launcher.PlatformService;
import id.go.kemensos.returnee.infra.launcher.PlatformServices;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The final table: the floor, the platform end to end, and the platform as a fraction of the floor. */
final class FiguresReport {

    private final PrintStream out;

    FiguresReport(PrintStream out) {
        this.out = out;
    }

    void print(BenchOptions options, RawFloorBenchmark.Figures floor, EndToEndBenchmark.Figures e2e) {
        out.println();
        out.println("==================================== Figures ====================================");
        out.println("Machine: " + machine());
        out.printf("Mode: %s%n%n", options.mode().name().toLowerCase(Locale.ROOT));
        out.printf("| %-62s | %20s |%n", "figure", "value");
        out.printf("|%s|%s|%n", "-".repeat(64), "-".repeat(22));
        if (floor != null) {
            printFloor(floor);
        }
        if (e2e != null) {
            printEndToEnd(e2e);
        }
        if (floor != null && e2e != null && e2e.recordsPerSecond() > 0) {
            double rate = e2e.recordsPerSecond();
            row(
                    "e2e records/s / Kafka produce records/s",
                    Rates.percent(rate / floor.kafka().producedPerSecond()));
            row(
                    "e2e records/s / Kafka consume records/s",
                    Rates.percent(rate / floor.kafka().consumedPerSecond()));
            row(
                    "e2e records/s / JDBC batched rows/s",
                    Rates.percent(rate / floor.jdbc().batchedPerSecond()));
            row(
                    "e2e records/s / JDBC single-row autocommit rows/s",
                    Rates.percent(rate / floor.jdbc().singlePerSecond()));
            row(
                    "registration POST req/s / JDBC single-row autocommit rows/s",
                    Rates.percent(e2e.load().requestsPerSecond() / floor.jdbc().singlePerSecond()));
            row(
                    "outbox events relayed/s / Kafka produce records/s",
                    Rates.percent(relayedPerSecond(e2e) / floor.kafka().producedPerSecond()));
        }
        out.println();
    }

    void printUpload(BenchOptions options, UploadBenchmark.Figures f, JdbcFloor.Figures floor) {
        out.println();
        out.println("==================================== Figures ====================================");
        out.println("Machine: " + machine());
        out.printf(
                "Mode: upload, %,d rows, registration-service heap %s%n%n",
                options.uploadRows(), UploadBenchmark.SERVICE_HEAP);
        out.printf("| %-62s | %20s |%n", "figure", "value");
        out.printf("|%s|%s|%n", "-".repeat(64), "-".repeat(22));
        row("upload: file size (MB, 10^6 bytes)", Rates.decimal(f.fileBytes() / 1e6));
        row("upload: HTTP transfer and SHA-256 (s)", Rates.decimal(Rates.seconds(f.transferNanos())));
        row(
                "upload: rows read / accepted",
                Rates.count(f.rows()) + " / "
                        + Rates.count(f.status().get("accepted").asLong()));
        row(
                "upload: rows rejected / held for review",
                Rates.count(f.status().get("rejected").asLong()) + " / "
                        + Rates.count(f.status().get("held").asLong()));
        row("upload: counts as generated", f.countsAsExpected() ? "yes" : "NO (expected " + f.expected() + ")");
        row(
                "upload: parse + validate in-process, 1 thread, cold (rows/s)",
                Rates.count(f.coldValidation().rowsPerSecond()));
        row(
                "upload: parse + validate in-process, 1 thread, warm (rows/s)",
                Rates.count(f.validation().rowsPerSecond()));
        row(
                "upload: parse + validate in the service (rows/s, stage timer)",
                Rates.count(f.rows() / f.readValidateSeconds()));
        row("upload: commit stage alone (rows/s, service stage timer)", Rates.count(f.rows() / f.commitSeconds()));
        row("floor: JDBC batched insert, same stack just before (rows/s)", Rates.count(floor.batchedPerSecond()));
        row(
                "upload: commit stage / JDBC batched floor",
                Rates.percent(f.rows() / f.commitSeconds() / floor.batchedPerSecond()));
        row(
                "upload: committed end to end (rows/s, upload to COMPLETED)",
                Rates.count(Rates.perSecond(f.rows(), f.processNanos())));
        row("upload: processing time (s)", Rates.decimal(Rates.seconds(f.processNanos())));
        row("upload: heap peak / heap max (MB)", (f.heapPeak() >> 20) + " / " + (f.heapMax() >> 20));
        StringBuilder tenths = new StringBuilder();
        for (long peak : f.heapPeakByTenth()) {
            tenths.append(tenths.isEmpty() ? "" : " ").append(peak >> 20);
        }
        row("upload: heap peak by tenth of rows (MB)", tenths.toString());
        row("relay: registration events on Kafka", Rates.count(f.registeredRelayed()));
        row("relay: last of them on Kafka, after COMPLETED (s)", Rates.decimal(Rates.seconds(f.relayNanos())));
        row(
                "protection report by category: people opened / time (s)",
                Rates.count(f.categoryReportPeople()) + " / " + Rates.decimal(Rates.seconds(f.categoryReportNanos())));
        out.println();
    }

    /** The two rounds of a single-service benchmark, the gateway at 0 ms and at 50 ms. */
    void printLatencyRounds(
            String mode, String prefix, String done, String rate, String duplicates, List<LatencyRound> rounds) {
        out.println();
        out.println("==================================== Figures ====================================");
        out.println("Machine: " + machine());
        out.printf("Mode: %s%n%n", mode);
        out.printf("| %-62s | %20s |%n", "figure", "value");
        out.printf("|%s|%s|%n", "-".repeat(64), "-".repeat(22));
        for (LatencyRound r : rounds) {
            String label = prefix + " " + r.latencyMillis() + " ms, ";
            row(label + done + " / planned", Rates.count(r.done()) + " / " + Rates.count(r.planned()));
            row(label + rate, Rates.decimal(r.perSecond()));
            row(label + duplicates, String.valueOf(r.duplicates()));
        }
        out.println();
    }

    /** The CDC floor beside the Kafka and JDBC floors measured on the same stack just before. */
    void printCdc(CdcFloor.Figures cdc, RawFloorBenchmark.Figures floor, Duration stackStart) {
        out.println();
        out.println("==================================== Figures ====================================");
        out.println("Machine: " + machine());
        out.printf("Mode: cdc, %,d outbox rows captured by the %s%n%n", cdc.events(), cdc.relay());
        out.printf("| %-62s | %20s |%n", "figure", "value");
        out.printf("|%s|%s|%n", "-".repeat(64), "-".repeat(22));
        row("cdc: local stack started (s)", Rates.decimal(stackStart.toMillis() / 1000.0));
        row("floor: Kafka produce (records/s)", Rates.count(floor.kafka().producedPerSecond()));
        row("floor: JDBC batched insert (rows/s)", Rates.count(floor.jdbc().batchedPerSecond()));
        row("cdc: outbox rows inserted, batched, while captured (rows/s)", Rates.count(cdc.insertsPerSecond()));
        row("cdc: outbox -> " + cdc.relay() + " -> Kafka (events/s)", Rates.count(cdc.eventsPerSecond()));
        row(
                "cdc: as a share of the JDBC batched floor",
                Rates.decimal(100.0 * cdc.eventsPerSecond() / floor.jdbc().batchedPerSecond()) + " %");
        out.println();
    }

    void printDecisions(DecisionBenchmark.Figures f) {
        out.println();
        out.println("==================================== Figures ====================================");
        out.println("Machine: " + machine());
        out.printf(
                "Mode: decide, %,d registrations, every law and program in force decided for each%n%n",
                f.registrations());
        out.printf("| %-62s | %20s |%n", "figure", "value");
        out.printf("|%s|%s|%n", "-".repeat(64), "-".repeat(22));
        row(
                "decide: rule engine in-process, 1 thread (decisions/s)",
                Rates.count(Rates.perSecond(f.engineDecisions(), f.engineNanos())));
        row(
                "decide: rule engine decisions / registrations",
                Rates.count(f.engineDecisions()) + " / " + Rates.count(f.registrations()));
        row(
                "decide: outcomes " + f.engineOutcomes().keySet(),
                f.engineOutcomes().values().toString());
        row("decide: publishing the registrations to Kafka (s)", Rates.decimal(Rates.seconds(f.produceNanos())));
        row(
                "decide: eligibility-service, decisions on Kafka",
                Rates.count(f.serviceDecisions()) + (f.complete() ? "" : " (INCOMPLETE)"));
        row(
                "decide: eligibility-service end to end (decisions/s)",
                Rates.count(Rates.perSecond(f.serviceDecisions(), f.serviceNanos())));
        row(
                "decide: eligibility-service end to end (registrations/s)",
                Rates.count(Rates.perSecond(
                        (long) f.registrations() * f.serviceDecisions() / Math.max(1, f.engineDecisions()),
                        f.serviceNanos())));
        out.println();
    }

    void printReplay(ReplayBenchmark.Figures f) {
        out.println();
        out.println("==================================== Figures ====================================");
        out.println("Machine: " + machine());
        out.printf(
                "Mode: replay, %,d generated disbursement events (%,d payments), audit-service alone (%s)%n%n",
                f.generated().events(), f.generated().payments(), ReplayBenchmark.JAVA_OPTS);
        out.printf("| %-62s | %20s |%n", "figure", "value");
        out.printf("|%s|%s|%n", "-".repeat(64), "-".repeat(22));
        row(
                "replay: publishing the events to Kafka (events/s)",
                Rates.count(Rates.perSecond(f.generated().events(), f.produceNanos())));
        row(
                "floor: same topic, bare consumer, nothing decoded (records/s)",
                Rates.count(Rates.perSecond(f.floorRecords(), f.floorNanos())));
        for (ReplayBenchmark.Round r : f.rounds()) {
            row("replay " + r.name() + ": read Kafka + decode + fold (events/s)", Rates.count((long)
                    r.recordsPerSecond()));
            row(
                    "replay " + r.name() + ": writing " + Rates.count(r.payments()) + " payments + history (ms)",
                    Rates.count(r.writeMillis()));
            row(
                    "replay " + r.name() + ": whole replay incl. fresh schema (events/s)",
                    Rates.count(Rates.perSecond(r.records(), (r.readMillis() + r.writeMillis()) * 1_000_000L)));
            row(
                    "replay " + r.name() + ": anomalies / totals as generated",
                    r.anomalies() + " / " + (r.totalsAsGenerated() ? "yes" : "NO"));
        }
        row("ledger: records appended to the hash chain", Rates.count(f.ledgerRows()));
        row(
                "ledger: append rate, first row to last (rows/s)",
                Rates.count(Rates.perSecond(f.ledgerRows(), f.ledgerNanos())));
        out.println();
    }

    private void printFloor(RawFloorBenchmark.Figures floor) {
        KafkaFloor.Figures kafka = floor.kafka();
        JdbcFloor.Figures jdbc = floor.jdbc();
        row("floor: Kafka produce 1 KB, acks=all, idempotent (records/s)", Rates.count(kafka.producedPerSecond()));
        row(
                "floor: Kafka produce 1 KB (MB/s, 10^6 bytes of values)",
                Rates.decimal(kafka.producedMegabytesPerSecond()));
        row("floor: Kafka consume, fresh group (records/s)", Rates.count(kafka.consumedPerSecond()));
        row(
                "floor: Kafka records timed produced / consumed",
                Rates.count(kafka.records()) + " / " + Rates.count(kafka.consumed()));
        row("floor: JDBC batched insert, 1,000/batch, commit/batch (rows/s)", Rates.count(jdbc.batchedPerSecond()));
        row("floor: JDBC single-row autocommit insert (rows/s)", Rates.count(jdbc.singlePerSecond()));
        row("floor: JDBC row shape", "outbox_event-like");
        row(
                "floor: JDBC rows batched / single",
                Rates.count(jdbc.batchedRows()) + " / " + Rates.count(jdbc.singleRows()));
    }

    private void printEndToEnd(EndToEndBenchmark.Figures e2e) {
        RegistrationLoad.Result load = e2e.load();
        CompletionWatch.Snapshot outcome = e2e.outcome();
        row("e2e: returnees POSTed (" + e2e.loadShape() + ")", Rates.count(e2e.planned()));
        row(
                "e2e: created (201) / already registered (200) / failed",
                Rates.count(load.createdCount()) + " / " + Rates.count(load.alreadyRegistered()) + " / "
                        + Rates.count(load.failed()));
        row("e2e: services start (all UP)", Rates.secondsText(e2e.servicesStartNanos()));
        e2e.wholeStackStartNanos()
                .ifPresent(nanos ->
                        row("e2e: whole stack from cold to every service UP (target 30 s)", Rates.secondsText(nanos)));
        row("e2e: registration POST throughput (req/s)", Rates.decimal(load.requestsPerSecond()));
        row("e2e: registration POST latency p50", Rates.millis(load.latencies().p50Nanos()));
        row("e2e: registration POST latency p95", Rates.millis(load.latencies().p95Nanos()));
        row("e2e: registration POST latency p99", Rates.millis(load.latencies().p99Nanos()));
        row("e2e: registration POST latency max", Rates.millis(load.latencies().maxNanos()));
        row("e2e: all POSTs answered after", Rates.secondsText(load.elapsedNanos()));
        row("e2e: first bank transfer after", since(e2e, outcome.firstTransferAt()));
        Latencies paid = e2e.registeredToTransfer();
        row("e2e: registered -> bank transfer, p50", Rates.millis(paid.p50Nanos()));
        row("e2e: registered -> bank transfer, p95", Rates.millis(paid.p95Nanos()));
        row("e2e: registered -> bank transfer, p99", Rates.millis(paid.p99Nanos()));
        row("e2e: registered -> bank transfer, max", Rates.millis(paid.maxNanos()));
        row(
                "e2e: all transfers executed by bank after (" + Rates.count(outcome.transfers()) + ")",
                stage(e2e.until(outcome.lastTransferAt(), outcome.transfers())));
        row(
                "e2e: all REGISTERED SMS accepted after (" + Rates.count(outcome.registeredSms()) + ")",
                stage(e2e.until(outcome.lastRegisteredSmsAt(), outcome.registeredSms())));
        row(
                "e2e: all PAYMENT_SENT SMS accepted after (" + Rates.count(outcome.paymentSms()) + ")",
                stage(e2e.untilAllPaymentSms()));
        row(
                "e2e: END TO END, first POST to last PAYMENT_SENT SMS (rec/s)",
                e2e.recordsPerSecond() > 0 ? Rates.decimal(e2e.recordsPerSecond()) : "n/a");
        row(
                "e2e: duplicate transfers / duplicate SMS / other SMS",
                outcome.transferDuplicates() + " / " + outcome.smsDuplicates() + " / " + outcome.otherSms());
        row("e2e: outbox events relayed during the run", Rates.count(e2e.totalRelayed()));
        e2e.relayed().forEach((connector, count) -> row("e2e:   relayed by " + connector, Rates.count(count)));
        row("e2e: outbox events relayed per second (until last SMS)", Rates.decimal(relayedPerSecond(e2e)));
        row(
                "e2e: outbox events relayed per returnee",
                Rates.decimal(e2e.expected() == 0 ? 0 : (double) e2e.totalRelayed() / e2e.expected()));
        printResources(e2e);
        if (e2e.incomplete() != null) {
            row("e2e: INCOMPLETE", e2e.incomplete());
        }
    }

    /** Where the machine's CPU went during the run, per returnee, and the stack's resident memory at its peak. */
    private void printResources(EndToEndBenchmark.Figures e2e) {
        StackResources.Usage usage = e2e.resources();
        int returnees = Math.max(1, e2e.expected());
        double stack = usage.stackCpuSeconds();
        row(
                "e2e: CPU used by the stack / by the whole machine (s)",
                Rates.decimal(stack) + " / " + Rates.decimal(usage.machineBusySeconds()));
        row("e2e: CPU per returnee, whole stack", cpuPerReturnee(stack, returnees, stack));
        usage.cpuSeconds().entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> row("e2e:   " + e.getKey(), cpuPerReturnee(e.getValue(), returnees, stack)));
        e2e.statements().forEach((kind, count) -> {
            double perReturnee = (double) count / returnees;
            if (kind.equals(DatabaseStatements.ALL) || perReturnee >= 0.1) {
                row("e2e: MariaDB " + kind + " per returnee", Rates.decimal(perReturnee));
            }
        });
        usage.cpuSecondsBefore().entrySet().stream()
                .filter(e -> Arrays.stream(PlatformService.values())
                        .anyMatch(service -> service.artifact().equals(e.getKey())))
                .forEach(e -> row("e2e: CPU its start took, " + e.getKey(), Rates.decimal(e.getValue()) + " s"));
        row("e2e: resident memory of the stack, peak (together)", mebibytes(usage.peakResidentOfStack()));
        usage.peakResident().entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> row("e2e:   peak of " + e.getKey(), mebibytes(e.getValue())));
    }

    private static String cpuPerReturnee(double seconds, int returnees, double stack) {
        return String.format(
                Locale.ROOT, "%,.1f ms (%.0f %%)", seconds * 1000 / returnees, stack == 0 ? 0 : 100 * seconds / stack);
    }

    private static String mebibytes(long bytes) {
        return String.format(Locale.ROOT, "%,d MiB", bytes >> 20);
    }

    private static double relayedPerSecond(EndToEndBenchmark.Figures e2e) {
        Duration all = e2e.untilAllPaymentSms();
        return all == null ? 0 : Rates.perSecond(e2e.totalRelayed(), all.toNanos());
    }

    private static String since(EndToEndBenchmark.Figures e2e, java.time.Instant at) {
        return at == null
                ? "n/a"
                : Rates.secondsText(Duration.between(e2e.start(), at).toNanos());
    }

    private static String stage(Duration duration) {
        return duration == null ? "not reached" : Rates.secondsText(duration.toNanos());
    }

    private void row(String figure, String value) {
        out.printf("| %-62s | %20s |%n", figure, value);
    }

    private static String machine() {
        Runtime runtime = Runtime.getRuntime();
        long ram = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getTotalMemorySize()
                : -1;
        return String.format(
                Locale.ROOT,
                "%d cores, bench JVM max heap %,d MiB, RAM %,d MiB, %s %s, Java %s; services run with %s",
                runtime.availableProcessors(),
                runtime.maxMemory() >> 20,
                ram >> 20,
                System.getProperty("os.name"),
                System.getProperty("os.arch"),
                System.getProperty("java.version"),
                System.getenv().getOrDefault("SERVICE_JAVA_OPTS", PlatformServices.DEFAULT_JAVA_OPTIONS));
    }
}

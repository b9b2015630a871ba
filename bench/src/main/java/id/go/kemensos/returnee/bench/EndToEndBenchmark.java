package id.go.kemensos.returnee.bench;

import id.go.kemensos.returnee.infra.launcher.PlatformService;
import id.go.kemensos.returnee.infra.launcher.PlatformServices;
import id.go.kemensos.returnee.infra.stack.LocalStack;
import id.go.kemensos.returnee.testsupport.GrantBudget;
import id.go.kemensos.returnee.testsupport.SyntheticReturnees;
import java.io.PrintStream;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The platform end to end: N registrations POSTed to registration-service, then the wait until every one of them has
 * been decided, paid by the bank simulator and told by SMS (REGISTERED and PAYMENT_SENT), all through Kafka and the
 * outbox relay.
 */
final class EndToEndBenchmark implements AutoCloseable {

    /**
     * As PlatformLauncher's demo: payments below the limit are approved automatically, so they flow without an officer.
     */
    static final Map<String, String> ENVIRONMENT = Map.of(
            "DISBURSEMENT_AUTO_APPROVAL", "true",
            "DISBURSEMENT_STATUS_CHECK_DELAY", "PT5S");

    private static final Duration POLL = Duration.ofMillis(500);
    private static final long PROGRESS_SECONDS = 5;

    record Figures(
            int planned,
            String loadShape,
            long servicesStartNanos,
            OptionalLong wholeStackStartNanos,
            RegistrationLoad.Result load,
            CompletionWatch.Snapshot outcome,
            Instant start,
            String incomplete,
            Map<String, Long> relayed,
            StackResources.Usage resources,
            Map<String, Long> statements,
            Latencies registeredToTransfer) {

        int expected() {
            return load.createdCount();
        }

        /** Null when the stage did not complete for every expected returnee. */
        Duration until(Instant at, int reached) {
            return at == null || reached < expected() ? null : Duration.between(start, at);
        }

        Duration untilAllPaymentSms() {
            return until(outcome.lastPaymentSmsAt(), outcome.paymentSms());
        }

        double recordsPerSecond() {
            Duration all = untilAllPaymentSms();
            return all == null ? 0 : Rates.perSecond(expected(), all.toNanos());
        }

        long totalRelayed() {
            return relayed.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private final LocalStack stack;
    private final RelayedEvents relayed;
    private final PlatformServices services;
    private final PrintStream out;

    EndToEndBenchmark(LocalStack stack, PlatformServices services, PrintStream out) {
        this.stack = stack;
        this.relayed = new RelayedEvents(stack.kafka().bootstrapServers());
        this.services = services;
        this.out = out;
    }

    /**
     * @param stackStartedAt when the stack's start began ({@link System#nanoTime}), if it is still finishing (started
     *     for the services only): the whole stack's start from cold is then measured too
     */
    Figures run(BenchOptions options, OptionalLong stackStartedAt) throws InterruptedException {
        int count = options.returnees();
        out.println("== End to end: starting the services (auto approval on)");
        long servicesStart = System.nanoTime();
        services.startAll(stack::awaitIdentityProvider);
        long servicesStartNanos = System.nanoTime() - servicesStart;
        out.printf("  services UP in %s%n", Rates.secondsText(servicesStartNanos));
        stack.awaitReady();
        OptionalLong wholeStackStartNanos = stackStartedAt.isPresent()
                ? OptionalLong.of(System.nanoTime() - stackStartedAt.getAsLong())
                : OptionalLong.empty();
        wholeStackStartNanos.ifPresent(nanos -> out.printf(
                "  the whole stack (infrastructure and services) UP from cold in %s%n", Rates.secondsText(nanos)));
        GrantBudget.fundNtb((long) (count + options.warmup()) * 960_000L * 2);
        warmUp(options);

        SyntheticReturnees returnees = new SyntheticReturnees(new SecureRandom());
        CompletionWatch watch = new CompletionWatch(stack.bank(), stack.sms(), returnees, count);
        RegistrationLoad load = new RegistrationLoad(
                URI.create(PlatformService.REGISTRATION.baseUrl() + "/api/returnees"),
                returnees,
                options.clients(),
                out);
        BitSet planned = new BitSet(count);
        planned.set(0, count);
        Map<String, Long> relayedBefore = relayed.counts();
        StackResources resources = new StackResources();
        resources.start();
        DatabaseStatements statements = DatabaseStatements.start();

        String loadShape = options.offeredRate() > 0
                ? "offered at " + options.offeredRate() + "/s, open loop"
                : options.clients() + " clients";
        out.printf(
                "== End to end: POSTing %,d registrations (%s), then waiting for %s at most%n",
                count, loadShape, options.timeout());
        Instant start = Instant.now();
        long startNanos = System.nanoTime();
        ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bench-progress");
            t.setDaemon(true);
            return t;
        });
        progress.scheduleAtFixedRate(
                () -> {
                    resources.sampleNow();
                    printProgress(startNanos, count, load, watch.snapshot(planned));
                },
                PROGRESS_SECONDS,
                PROGRESS_SECONDS,
                TimeUnit.SECONDS);
        try {
            RegistrationLoad.Result result = options.offeredRate() > 0
                    ? load.runAtRate(count, options.offeredRate(), startNanos)
                    : load.run(count, startNanos);
            out.printf(
                    "  POSTs done in %s: %,d created, %,d already registered, %,d failed%n",
                    Rates.secondsText(result.elapsedNanos()),
                    result.createdCount(),
                    result.alreadyRegistered(),
                    result.failed());
            String incomplete = null;
            CompletionWatch.Snapshot outcome;
            long deadline = startNanos + options.timeout().toNanos();
            while (true) {
                outcome = watch.snapshot(result.created());
                if (outcome.complete(result.createdCount())) {
                    break;
                }
                incomplete = deadServices();
                if (incomplete == null && System.nanoTime() > deadline) {
                    incomplete = "timed out after " + options.timeout();
                }
                if (incomplete != null) {
                    break;
                }
                TimeUnit.MILLISECONDS.sleep(
                        POLL.toMillis()); // polling pause; the times come from the simulators' stamps
            }
            printProgress(startNanos, count, load, outcome);
            return new Figures(
                    count,
                    loadShape,
                    servicesStartNanos,
                    wholeStackStartNanos,
                    result,
                    outcome,
                    start,
                    incomplete,
                    delta(relayedBefore, relayed.counts()),
                    resources.usage(),
                    statements.sinceStart(),
                    watch.registeredToTransfer(result));
        } finally {
            progress.shutdownNow();
        }
    }

    /** Runs other returnees through first, end to end, so that what is measured after runs on warm JVMs. */
    private void warmUp(BenchOptions options) throws InterruptedException {
        if (options.warmup() == 0) {
            return;
        }
        out.printf("== End to end: warming up with %,d other returnees (not counted)%n", options.warmup());
        SyntheticReturnees others = new SyntheticReturnees(new SecureRandom());
        CompletionWatch watch = new CompletionWatch(stack.bank(), stack.sms(), others, options.warmup());
        long start = System.nanoTime();
        RegistrationLoad.Result warm = new RegistrationLoad(
                        URI.create(PlatformService.REGISTRATION.baseUrl() + "/api/returnees"),
                        others,
                        options.clients(),
                        out)
                .run(options.warmup(), start);
        long deadline = start + options.timeout().toNanos();
        while (!watch.snapshot(warm.created()).complete(warm.createdCount())) {
            if (deadServices() != null || System.nanoTime() > deadline) {
                throw new IllegalStateException("the warm-up did not complete: "
                        + (deadServices() != null ? deadServices() : "timed out after " + options.timeout()));
            }
            TimeUnit.MILLISECONDS.sleep(POLL.toMillis());
        }
        out.printf("  warm-up paid and told in %s%n", Rates.secondsText(System.nanoTime() - start));
    }

    private String deadServices() {
        for (PlatformService service : PlatformService.values()) {
            if (!services.isRunning(service)) {
                return service.artifact() + " exited; see work/logs/" + service.artifact() + ".log";
            }
        }
        return null;
    }

    private void printProgress(long startNanos, int count, RegistrationLoad load, CompletionWatch.Snapshot s) {
        out.printf(
                "  t=%6.1f s  posted %,d/%,d  paid by bank %,d  SMS registered %,d  SMS payment sent %,d  relayed %s%n",
                Rates.seconds(System.nanoTime() - startNanos),
                load.answered(),
                count,
                s.transfers(),
                s.registeredSms(),
                s.paymentSms(),
                relayed.counts());
    }

    private static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> delta = new LinkedHashMap<>();
        after.forEach((connector, count) -> delta.put(connector, count - before.getOrDefault(connector, 0L)));
        return delta;
    }

    /** Stops counting relayed events (a Kafka consumer). */
    @Override
    public void close() {
        relayed.close();
    }
}

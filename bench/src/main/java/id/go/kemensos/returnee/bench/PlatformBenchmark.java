package id.go.kemensos.returnee.bench;

import id.go.kemensos.returnee.infra.connect.ConnectorConfig;
import id.go.kemensos.returnee.infra.connect.KafkaConnectWorker;
import id.go.kemensos.returnee.infra.kafka.KafkaAccess;
import id.go.kemensos.returnee.infra.kafka.KafkaBroker;
import id.go.kemensos.returnee.infra.launcher.PlatformService;
import id.go.kemensos.returnee.infra.launcher.PlatformServices;
import id.go.kemensos.returnee.infra.mariadb.MariaDbServer;
import id.go.kemensos.returnee.infra.stack.LocalStack;
import id.go.kemensos.returnee.infra.stack.ManagedProcess;
import id.go.kemensos.returnee.infra.stack.PlatformHome;
import id.go.kemensos.returnee.testsupport.chaos.ChaosPlan;
import id.go.kemensos.returnee.testsupport.chaos.ChaosReport;
import id.go.kemensos.returnee.testsupport.chaos.ChaosRun;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.slf4j.bridge.SLF4JBridgeHandler;
import org.springframework.util.FileSystemUtils;

/**
 * Entry point of the benchmarks: the raw floor of this machine and the platform end to end, in one run on one local
 * stack, so that the platform's figures read as fractions of the floor. Prints figures; asserts nothing.
 *
 * <p>Usage:
 * <pre>
 * java -jar bench/target/bench-0.1.0-SNAPSHOT-exec.jar [floor|e2e|all|upload] [--n=10000] [--kafka-records=200000]
 *     [--jdbc-rows=200000] [--rows=1000000]
 * </pre>
 * See {@link BenchOptions} for the rest.
 */
public final class PlatformBenchmark {

    private static final List<Integer> SIMULATOR_AND_SERVICE_PORTS = Stream.concat(
                    Stream.of(LocalStack.BANK_SIMULATOR_PORT, LocalStack.SMS_SIMULATOR_PORT),
                    Stream.of(PlatformService.values()).map(PlatformService::port))
            .toList();

    private PlatformBenchmark() {}

    public static void main(String[] args) {
        // Before the first logger exists: our own config keeps the simulators' per-message INFO lines off the console.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "logback-bench.xml");
        }
        // The binlog client logs through java.util.logging; route it to logback so the levels there apply.
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        PrintStream out = System.out;
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(BenchOptions.USAGE);
            System.exit(64);
            return;
        }
        System.exit(new PlatformBenchmark.Run(options, out).execute());
    }

    /** One run; owns the stack and the services and stops them, services first, however the run ends. */
    private static final class Run {

        private final BenchOptions options;
        private final PrintStream out;
        private LocalStack stack;
        private PlatformServices services;

        Run(BenchOptions options, PrintStream out) {
            this.options = options;
            this.out = out;
        }

        int execute() {
            Thread hook =
                    new Thread(this::stop, "bench-shutdown"); // Ctrl-C must not leave the broker and services running
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                PlatformHome home = PlatformHome.locate();
                if (options.mode().ownStack()) {
                    return onOwnStack(home);
                }
                String bootstrapServers = "127.0.0.1:" + KafkaBroker.PORT;
                OptionalLong stackStartedAt = OptionalLong.empty();
                if (options.mode() == BenchOptions.Mode.FLOOR
                        && ManagedProcess.isListening(MariaDbServer.PORT)
                        && ManagedProcess.isListening(KafkaBroker.PORT)) {
                    // The floor needs only the broker and the database; a second outbox relay would compete with its
                    // owner's.
                    out.println(
                            "== Floor on the MariaDB and Kafka already running (not starting the relay or simulators)");
                } else {
                    requireFree(SIMULATOR_AND_SERVICE_PORTS);
                    out.println("== Starting the local stack (adopting MariaDB/Kafka if already running) in "
                            + home.root());
                    stackStartedAt = OptionalLong.of(System.nanoTime());
                    stack = new LocalStack(home).startForServices();
                    if (options.mode().floor()) {
                        stack.awaitReady(); // the floors run before the services, on the whole stack
                        stackStartedAt = OptionalLong.empty();
                    }
                    bootstrapServers = stack.kafka().bootstrapServers();
                }
                RawFloorBenchmark.Figures floor =
                        options.mode().floor() ? new RawFloorBenchmark(bootstrapServers, out).run(options) : null;
                EndToEndBenchmark.Figures e2e = null;
                if (options.mode().endToEnd()) {
                    services = new PlatformServices(home, EndToEndBenchmark.ENVIRONMENT);
                    try (EndToEndBenchmark benchmark = new EndToEndBenchmark(stack, services, out)) {
                        e2e = benchmark.run(options, stackStartedAt);
                    }
                }
                new FiguresReport(out).print(options, floor, e2e);
                return e2e != null && e2e.incomplete() != null ? 2 : 0;
            } catch (Exception e) {
                out.println("Benchmark failed: " + e);
                e.printStackTrace(out);
                return 1;
            } finally {
                stop();
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // Ctrl-C: the hook is already running (and finds nothing left to stop)
                }
            }
        }

        /**
         * The upload, decision and payment benchmarks register, decide or pay thousands to a million people: on a
         * database and broker of their own (a work directory deleted afterwards), so that none of them reaches the
         * developer's stack.
         */
        private int onOwnStack(PlatformHome home) throws Exception {
            requireFree(Stream.concat(
                            Stream.of(MariaDbServer.PORT, KafkaBroker.PORT, KafkaConnectWorker.PORT),
                            SIMULATOR_AND_SERVICE_PORTS.stream())
                    .toList());
            Path work = home.root()
                    .resolve("work")
                    .resolve("bench-" + options.mode().name().toLowerCase(java.util.Locale.ROOT));
            FileSystemUtils.deleteRecursively(work);
            System.setProperty("platform.work", work.toString());
            out.println("== Starting a separate local stack in " + work);
            long stackBegin = System.nanoTime();
            stack = new LocalStack(home).start();
            Duration stackStart = Duration.ofNanos(System.nanoTime() - stackBegin);
            try {
                if (options.mode() == BenchOptions.Mode.CDC) {
                    RawFloorBenchmark.Figures floor =
                            new RawFloorBenchmark(stack.kafka().bootstrapServers(), out).run(options);
                    out.printf("== CDC floor: %,d outbox rows -> relay -> %s%n", options.cdcEvents(), CdcFloor.TOPIC);
                    CdcFloor.Figures cdc = new CdcFloor(stack.kafka().bootstrapServers(), out)
                            .run(
                                    options.cdcEvents(),
                                    ConnectorConfig.read(home.connectorConfigs()
                                                    .resolve(KafkaAccess.OUTBOX_CONNECTOR + ".json"))
                                            .config(),
                                    new ConnectCapture(stack.connect()),
                                    options.timeout());
                    new FiguresReport(out).printCdc(cdc, floor, stackStart);
                    return 0;
                }
                if (options.mode() == BenchOptions.Mode.UPLOAD) {
                    // The floor the commit stage is held against, on the same database just before.
                    out.println("== JDBC floor on the upload's stack");
                    JdbcFloor.Figures floor = new JdbcFloor(out).run(options.jdbcRows(), options.jdbcSingleRows());
                    services = new PlatformServices(home, UploadBenchmark.ENVIRONMENT);
                    UploadBenchmark.Figures figures;
                    try (UploadBenchmark benchmark = new UploadBenchmark(stack, services, out)) {
                        figures = benchmark.run(options);
                    }
                    new FiguresReport(out).printUpload(options, figures, floor);
                    return figures.countsAsExpected() ? 0 : 2;
                }
                if (options.mode() == BenchOptions.Mode.SMS) {
                    services = new PlatformServices(home, Map.of());
                    List<LatencyRound> rounds = new SmsBenchmark(stack, services, out).run(options);
                    new FiguresReport(out)
                            .printLatencyRounds(
                                    "sms, notification-service alone",
                                    "sms: gateway",
                                    "accepted",
                                    "messages/s (event on Kafka to gateway)",
                                    "duplicate messages",
                                    rounds);
                    return rounds.stream().allMatch(LatencyRound::complete) ? 0 : 2;
                }
                if (options.mode() == BenchOptions.Mode.REPLAY) {
                    services = new PlatformServices(home, ReplayBenchmark.ENVIRONMENT);
                    ReplayBenchmark.Figures figures = new ReplayBenchmark(stack, services, out).run(options);
                    new FiguresReport(out).printReplay(figures);
                    return figures.complete() ? 0 : 2;
                }
                if (options.mode() == BenchOptions.Mode.PAY) {
                    services = new PlatformServices(home, PaymentBenchmark.ENVIRONMENT);
                    List<LatencyRound> rounds = new PaymentBenchmark(stack, services, out).run(options);
                    new FiguresReport(out)
                            .printLatencyRounds(
                                    "pay, disbursement-service alone, automatic approval",
                                    "pay: bank",
                                    "transfers executed",
                                    "payments/s (decision to transfer)",
                                    "duplicate transfers",
                                    rounds);
                    return rounds.stream().allMatch(LatencyRound::complete) ? 0 : 2;
                }
                if (options.mode() == BenchOptions.Mode.CHAOS) {
                    services = new PlatformServices(home, EndToEndBenchmark.ENVIRONMENT);
                    services.startAll(stack::awaitIdentityProvider);
                    stack.awaitReady();
                    ChaosReport report = new ChaosRun(stack, services, out)
                            .run(ChaosPlan.full(
                                    options.seed(),
                                    options.returnees(),
                                    options.kills(),
                                    options.chaosWindow(),
                                    options.timeout()));
                    out.println("  the run's logs are kept in " + work.resolve("logs"));
                    return report.holds() ? 0 : 3;
                }
                services = new PlatformServices(home, Map.of());
                DecisionBenchmark.Figures figures;
                try (DecisionBenchmark benchmark = new DecisionBenchmark(stack, services, out)) {
                    figures = benchmark.run(options);
                }
                new FiguresReport(out).printDecisions(figures);
                return figures.complete() ? 0 : 2;
            } finally {
                stop();
                if (options.mode() != BenchOptions.Mode.CHAOS) { // a chaos run's logs are what on-call reads after it
                    FileSystemUtils.deleteRecursively(work);
                }
            }
        }

        /**
         * Another stack's simulators or services (an integration test run, the launcher) would make ours fail half-way,
         * after our Kafka Connect worker had already joined their database as a second binlog reader with the same
         * server ids.
         */
        private static void requireFree(List<Integer> ports) {
            List<Integer> taken =
                    ports.stream().filter(ManagedProcess::isListening).toList();
            if (!taken.isEmpty()) {
                throw new IllegalStateException(
                        "ports " + taken + " are in use: another local stack or platform is running "
                                + "(integration tests?). Wait for it to finish; the benchmark needs the machine to "
                                + "itself.");
            }
        }

        private synchronized void stop() {
            if (services != null) {
                out.println("== Stopping the services");
                services.close();
                services = null;
            }
            if (stack != null) {
                out.println("== Stopping the local stack");
                stack.close();
                stack = null;
            }
        }
    }
}

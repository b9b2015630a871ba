package id.go.kemensos.returnee.bench;

import id.go.kemensos.returnee.infra.kafka.KafkaBroker;
import id.go.kemensos.returnee.infra.launcher.PlatformService;
import id.go.kemensos.returnee.infra.launcher.PlatformServices;
import id.go.kemensos.returnee.infra.mariadb.MariaDbServer;
import id.go.kemensos.returnee.infra.stack.LocalStack;
import id.go.kemensos.returnee.infra.stack.ManagedProcess;
import id.go.kemensos.returnee.infra.stack.PlatformHome;
import org.slf4j.bridge.SLF4JBridgeHandler;

import java.io.PrintStream;
import java.util.List;
import java.util.stream.Stream;

/**
 * Entry point of the benchmarks: the raw floor of this machine and the platform end to end, in one run on one local stack,
 * so that the platform's figures read as fractions of the floor. Prints figures; asserts nothing.
 *
 * <p>Usage: {@code java -jar bench/target/bench-0.1.0-SNAPSHOT-exec.jar [floor|e2e|all] [--n=10000] [--kafka-records=200000]
 * [--jdbc-rows=200000]}; see {@link BenchOptions} for the rest.
 */
public final class PlatformBenchmark {

    private static final List<Integer> SIMULATOR_AND_SERVICE_PORTS = Stream.concat(
            Stream.of(LocalStack.BANK_SIMULATOR_PORT, LocalStack.SMS_SIMULATOR_PORT),
            Stream.of(PlatformService.values()).map(PlatformService::port)).toList();

    private PlatformBenchmark() {
    }

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
            Thread hook = new Thread(this::stop, "bench-shutdown"); // Ctrl-C must not leave the broker and services running
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                PlatformHome home = PlatformHome.locate();
                String bootstrapServers = "127.0.0.1:" + KafkaBroker.PORT;
                if (options.mode() == BenchOptions.Mode.FLOOR && ManagedProcess.isListening(MariaDbServer.PORT)
                        && ManagedProcess.isListening(KafkaBroker.PORT)) {
                    // The floor needs only the broker and the database; a second outbox relay would compete with its owner's.
                    out.println("== Floor on the MariaDB and Kafka already running (not starting the relay or simulators)");
                } else {
                    requireFree(SIMULATOR_AND_SERVICE_PORTS);
                    out.println("== Starting the local stack (adopting MariaDB/Kafka if already running) in " + home.root());
                    stack = new LocalStack(home).start();
                    bootstrapServers = stack.kafka().bootstrapServers();
                }
                RawFloorBenchmark.Figures floor = options.mode().floor()
                        ? new RawFloorBenchmark(bootstrapServers, out).run(options) : null;
                EndToEndBenchmark.Figures e2e = null;
                if (options.mode().endToEnd()) {
                    services = new PlatformServices(home, EndToEndBenchmark.ENVIRONMENT);
                    e2e = new EndToEndBenchmark(stack, services, out).run(options);
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
         * Another stack's simulators or services (an integration test run, the launcher) would make ours fail half-way, after
         * our outbox relay had already joined their database as a second binlog reader with the same server ids.
         */
        private static void requireFree(List<Integer> ports) {
            List<Integer> taken = ports.stream().filter(ManagedProcess::isListening).toList();
            if (!taken.isEmpty()) {
                throw new IllegalStateException("ports " + taken + " are in use: another local stack or platform is running "
                        + "(integration tests?). Wait for it to finish; the benchmark needs the machine to itself.");
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

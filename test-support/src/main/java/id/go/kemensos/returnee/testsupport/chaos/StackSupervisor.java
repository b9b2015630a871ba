package id.go.kemensos.returnee.testsupport.chaos;

import id.go.kemensos.returnee.infra.launcher.PlatformService;
import id.go.kemensos.returnee.infra.launcher.PlatformServices;
import id.go.kemensos.returnee.infra.stack.LocalStack;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What production's container runtime and the on-call engineer's health checks do during a chaos run: a service found
 * dead is started again (restart policy), and the relay's connector health is looked at, which restarts a failed task
 * once ({@code KafkaConnectWorker.health}). It counts what it restarted, so that the run's report can say how many exits
 * nobody planned.
 */
final class StackSupervisor implements AutoCloseable {

    private final LocalStack stack;
    private final PlatformServices services;
    private final PrintStream out;
    private final long startNanos;
    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "chaos-supervisor");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger restarts = new AtomicInteger();
    private final AtomicInteger failedStarts = new AtomicInteger();
    private volatile boolean connectorsFailed;
    private long lastConnectorCheck;

    StackSupervisor(LocalStack stack, PlatformServices services, PrintStream out, long startNanos) {
        this.stack = stack;
        this.services = services;
        this.out = out;
        this.startNanos = startNanos;
    }

    void start() {
        ticks.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    private void tick() {
        for (PlatformService service : ChaosSchedule.TARGETS) {
            try {
                if (startAgainIfDead(services, service)) {
                    restarts.incrementAndGet();
                    out.printf("  %s  supervisor: %s started again%n", ChaosRun.clock(startNanos), service.artifact());
                }
            } catch (RuntimeException e) {
                failedStarts.incrementAndGet();
                out.printf(
                        "  %s  supervisor: %s did not come up (%s); trying again%n",
                        ChaosRun.clock(startNanos), service.artifact(), e.getMessage());
            }
        }
        long now = System.nanoTime();
        if (now - lastConnectorCheck > TimeUnit.SECONDS.toNanos(5)
                && stack.connect().isRunning()) {
            lastConnectorCheck = now;
            Map<String, String> health = stack.connect().health();
            boolean failed = health.values().stream().anyMatch(state -> state.contains("FAILED"));
            if (failed && !connectorsFailed) {
                out.printf("  %s  supervisor: relay %s%n", ChaosRun.clock(startNanos), health);
            }
            connectorsFailed = failed;
        }
    }

    /** Starts the service again if it is not running; whether it had to. */
    static boolean startAgainIfDead(PlatformServices services, PlatformService service) {
        if (services.isRunning(service)) {
            return false;
        }
        services.kill(service); // forgets the dead process, so that start launches a new one
        services.start(service);
        return true;
    }

    /** Services started again after they were found dead. */
    int restarts() {
        return restarts.get();
    }

    /** Starts that did not come up healthy (and were tried again). */
    int failedStarts() {
        return failedStarts.get();
    }

    @Override
    public void close() {
        ticks.shutdown();
        try {
            ticks.awaitTermination(3, TimeUnit.MINUTES); // a start under way finishes, so no service is left half up
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

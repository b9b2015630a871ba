package id.go.kemensos.returnee.testsupport.chaos;

import id.go.kemensos.returnee.infra.kafka.KafkaBroker;
import id.go.kemensos.returnee.infra.launcher.PlatformServices;
import id.go.kemensos.returnee.infra.mariadb.MariaDbServer;
import id.go.kemensos.returnee.infra.stack.LocalStack;
import id.go.kemensos.returnee.infra.stack.ManagedProcess;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Carries out a chaos schedule on its own thread, each disruption at its moment after the run's start. */
final class Disruptions {

    /** How long the broker, the database and the relay stay down before they are started again. */
    private static final Duration DOWN = Duration.ofSeconds(5);

    private final LocalStack stack;
    private final PlatformServices services;
    private final ChaosPlan plan;
    private final ChaosSchedule schedule;
    private final PrintStream out;
    private final long startNanos;
    private final AtomicInteger carriedOut = new AtomicInteger();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile Thread bankBack;

    Disruptions(
            LocalStack stack,
            PlatformServices services,
            ChaosPlan plan,
            ChaosSchedule schedule,
            PrintStream out,
            long startNanos) {
        this.stack = stack;
        this.services = services;
        this.plan = plan;
        this.schedule = schedule;
        this.out = out;
        this.startNanos = startNanos;
        this.thread = new Thread(this::carryOut, "chaos-disruptions");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    boolean done() {
        Thread outage = bankBack;
        return !thread.isAlive() && (outage == null || !outage.isAlive());
    }

    /** Stops what is left of the schedule (a timed-out run) and waits for the disruption under way to finish. */
    void stop() throws InterruptedException {
        thread.interrupt();
        thread.join(TimeUnit.MINUTES.toMillis(3));
        Thread outage = bankBack;
        if (outage != null) {
            outage.interrupt();
            outage.join(TimeUnit.SECONDS.toMillis(10));
        }
    }

    private void bankBack() {
        try {
            TimeUnit.MILLISECONDS.sleep(plan.bankOutage().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stack.bank().start();
            out.printf("  %s  bank back up after %s%n", ChaosRun.clock(startNanos), plan.bankOutage());
        }
    }

    int carriedOut() {
        return carriedOut.get();
    }

    List<String> failures() {
        return List.copyOf(failures);
    }

    private void carryOut() {
        for (ChaosSchedule.Disruption disruption : schedule.disruptions()) {
            long due = startNanos + disruption.at().toNanos();
            try {
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                out.printf("  %s  %s%n", ChaosRun.clock(startNanos), describe(disruption));
                carryOut(disruption);
                carriedOut.incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                failures.add(disruption + ": " + e.getMessage());
                out.printf("  %s  %s FAILED: %s%n", ChaosRun.clock(startNanos), disruption.kind(), e.getMessage());
            }
        }
    }

    private void carryOut(ChaosSchedule.Disruption disruption) throws InterruptedException {
        switch (disruption.kind()) {
            case KILL_SERVICE -> services.kill(disruption.target()); // the supervisor starts it again
            case RESTART_BROKER -> {
                stack.kafka().close();
                requireStopped(KafkaBroker.PORT, "the broker");
                TimeUnit.MILLISECONDS.sleep(DOWN.toMillis());
                stack.kafka().start();
            }
            case RESTART_DATABASE -> {
                stack.database().close();
                requireStopped(MariaDbServer.PORT, "the database");
                TimeUnit.MILLISECONDS.sleep(DOWN.toMillis());
                stack.database().start();
            }
            case RESTART_RELAY -> {
                stack.connect().stop();
                TimeUnit.MILLISECONDS.sleep(DOWN.toMillis());
                stack.connect().start();
            }
            case KILL_RELAY -> {
                stack.connect().kill();
                TimeUnit.MILLISECONDS.sleep(DOWN.toMillis());
                stack.connect().start();
            }
            case BANK_DOWN -> {
                // The outage runs beside the rest of the schedule: a crash during it is the point.
                stack.bank().stop();
                bankBack = new Thread(this::bankBack, "chaos-bank-back");
                bankBack.setDaemon(true);
                bankBack.start();
            }
        }
        out.printf("  %s  %s: done%n", ChaosRun.clock(startNanos), disruption.kind());
    }

    private String describe(ChaosSchedule.Disruption disruption) {
        return switch (disruption.kind()) {
            case KILL_SERVICE -> "SIGKILL " + disruption.target().artifact();
            case RESTART_BROKER -> "broker stopped, starting again in " + DOWN.toSeconds() + " s";
            case RESTART_DATABASE -> "database stopped, starting again in " + DOWN.toSeconds() + " s";
            case RESTART_RELAY -> "relay stopped, starting again in " + DOWN.toSeconds() + " s";
            case KILL_RELAY -> "relay killed (SIGKILL), starting again in " + DOWN.toSeconds() + " s";
            case BANK_DOWN -> "bank down (connections refused) for " + plan.bankOutage();
        };
    }

    /** A broker or database this JVM did not start cannot be restarted by it: say so rather than pretend. */
    private static void requireStopped(int port, String what) {
        if (ManagedProcess.isListening(port)) {
            throw new IllegalStateException(what + " still listens on " + port
                    + " after its stop: it was started by another process, which the chaos run cannot restart");
        }
    }
}

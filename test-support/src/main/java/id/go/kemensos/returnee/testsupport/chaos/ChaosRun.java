package id.go.kemensos.returnee.testsupport.chaos;

import id.go.kemensos.returnee.infra.launcher.PlatformServices;
import id.go.kemensos.returnee.infra.sim.FaultProfile;
import id.go.kemensos.returnee.infra.stack.LocalStack;
import id.go.kemensos.returnee.testsupport.GrantBudget;
import id.go.kemensos.returnee.testsupport.RegistrationApi;
import id.go.kemensos.returnee.testsupport.ReturneeListFile;
import id.go.kemensos.returnee.testsupport.SyntheticReturnees;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/**
 * A provincial list through the whole real stack while it is hurt on a seeded schedule ({@link ChaosSchedule}):
 * services killed and started again by a supervisor, the broker, the database and the relay restarted, the bank failing
 * a share of its calls and down for a while, the SMS gateway failing and losing receipts. It waits until every
 * returnee of the list is at rest (or the plan's timeout), then checks the invariants ({@link ChaosInvariants}) and
 * returns them as a report. The bench's {@code chaos} command runs the full plan; ChaosRunIT a brief one in the suite.
 */
public final class ChaosRun {

    /** The grant per person; the budget set for the run covers twice the list, so that no payment waits for it. */
    private static final long GRANT = 960_000L;

    private static final Duration POLL = Duration.ofSeconds(2);
    private static final Duration PROGRESS = Duration.ofSeconds(15);

    private final LocalStack stack;
    private final PlatformServices services;
    private final PrintStream out;

    public ChaosRun(LocalStack stack, PlatformServices services, PrintStream out) {
        this.stack = stack;
        this.services = services;
        this.out = out;
    }

    public ChaosReport run(ChaosPlan plan) throws IOException, InterruptedException {
        ChaosSchedule schedule = ChaosSchedule.of(plan);
        out.printf(
                "== Chaos run, seed %d: %,d returnees; bank faults %s, down %s; SMS faults %s, receipts lost %.0f%%%n",
                plan.seed(),
                plan.returnees(),
                describe(plan.bankFaults()),
                plan.bankOutage(),
                describe(plan.smsFaults()),
                plan.smsReceiptLoss() * 100);
        schedule.disruptions().forEach(d -> out.println("  planned " + d));

        SyntheticReturnees people = new SyntheticReturnees(new Random(plan.seed()));
        Path file = Files.createTempFile("chaos-list-", ".csv");
        ReturneeListFile.Expected expected;
        try {
            expected = new ReturneeListFile(people).write(file, plan.returnees());
            GrantBudget.fundNtb(expected.accepted() * GRANT * 2);
            Instant runStart = Instant.now();
            stack.bank().faults(plan.bankFaults());
            stack.sms().faults(plan.smsFaults());
            stack.sms().setReceiptLossRate(plan.smsReceiptLoss());
            UUID upload = upload(file);
            long startNanos = System.nanoTime();
            out.printf("  %s  list accepted as upload %s; the schedule starts%n", clock(startNanos), upload);

            AtRest atRest = new AtRest(stack, upload, people, plan.returnees());
            Disruptions disruptions = new Disruptions(stack, services, plan, schedule, out, startNanos);
            AtRest.Snapshot last;
            boolean timedOut = false;
            try (StackSupervisor supervisor = new StackSupervisor(stack, services, out, startNanos)) {
                supervisor.start();
                disruptions.start();
                long deadline = startNanos + plan.timeout().toNanos();
                long nextProgress = 0;
                while (true) {
                    last = atRest.snapshot();
                    if (System.nanoTime() >= nextProgress) {
                        out.printf("  %s  %s%n", clock(startNanos), last);
                        nextProgress = System.nanoTime() + PROGRESS.toNanos();
                    }
                    if (disruptions.done() && last.complete(expected)) {
                        break;
                    }
                    if (System.nanoTime() > deadline) {
                        timedOut = true;
                        break;
                    }
                    TimeUnit.MILLISECONDS.sleep(POLL.toMillis());
                }
                disruptions.stop();
                out.printf(
                        "  %s  %s: %s%n",
                        clock(startNanos),
                        timedOut ? "TIMED OUT after " + plan.timeout() : "every returnee at rest",
                        last);
                ChaosReport report = new ChaosReport();
                report.check(
                        "returnees at rest within " + plan.timeout().toMinutes() + " min",
                        "yes",
                        timedOut ? "no" : "yes",
                        !timedOut);
                report.check(
                        "disruptions carried out",
                        String.valueOf(schedule.disruptions().size()),
                        String.valueOf(disruptions.carriedOut()),
                        disruptions.failures().isEmpty()
                                && disruptions.carriedOut()
                                        == schedule.disruptions().size());
                disruptions.failures().forEach(failure -> report.note("disruption failed: " + failure));
                report.note(String.format(
                        "supervisor: %d services started again, %d starts that did not come up (tried again)",
                        supervisor.restarts(), supervisor.failedStarts()));
                restore();
                new ChaosInvariants(stack, atRest, runStart, out).check(expected, report);
                report.print(out);
                return report;
            }
        } finally {
            restore();
            Files.deleteIfExists(file);
        }
    }

    /** The gateways back to normal and every service running, whatever happened: the stack is left as found. */
    private void restore() {
        stack.bank().faults(FaultProfile.NONE);
        stack.bank().start();
        stack.sms().faults(FaultProfile.NONE);
        stack.sms().setReceiptLossRate(0);
        ChaosSchedule.TARGETS.forEach(service -> StackSupervisor.startAgainIfDead(services, service));
    }

    /** Uploads the list as the NTB clerk, again if the service answers with an error (as the clerk would). */
    private UUID upload(Path file) throws IOException, InterruptedException {
        byte[] content = Files.readAllBytes(file);
        RegistrationApi clerk = new RegistrationApi();
        for (int attempt = 1; ; attempt++) {
            RegistrationApi.Response response = clerk.upload(content, "chaos-list.csv", "52");
            if (response.status() == 202) {
                JsonNode body = response.body();
                return UUID.fromString(body.get("uploadId").asString());
            }
            if (attempt == 5) {
                throw new IllegalStateException(
                        "the list was not accepted: " + response.status() + " " + body(response));
            }
            TimeUnit.SECONDS.sleep(2);
        }
    }

    private static String body(RegistrationApi.Response response) {
        return response.body() == null ? "" : response.body().toString();
    }

    private static String describe(FaultProfile faults) {
        return String.format(
                "%.0f%% errors, %.0f%% hangs of %d ms, %.0f%% replies lost",
                faults.errorRate() * 100,
                faults.timeoutRate() * 100,
                faults.timeoutMillis(),
                faults.lostReplyRate() * 100);
    }

    static String clock(long startNanos) {
        return String.format("t=%6.1f s", (System.nanoTime() - startNanos) / 1e9);
    }
}

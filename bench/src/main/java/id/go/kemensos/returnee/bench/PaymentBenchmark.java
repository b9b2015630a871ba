package id.go.kemensos.returnee.bench;

import id.go.kemensos.returnee.contracts.eligibility.EligibilityDecided;
import id.go.kemensos.returnee.contracts.eligibility.EligibilityTopics;
import id.go.kemensos.returnee.contracts.eligibility.Outcome;
import id.go.kemensos.returnee.contracts.registration.RegistrationTopics;
import id.go.kemensos.returnee.infra.launcher.PlatformService;
import id.go.kemensos.returnee.infra.launcher.PlatformServices;
import id.go.kemensos.returnee.infra.sim.ExecutedTransfer;
import id.go.kemensos.returnee.infra.sim.FaultProfile;
import id.go.kemensos.returnee.infra.stack.LocalStack;
import id.go.kemensos.returnee.testsupport.GrantBudget;
import id.go.kemensos.returnee.testsupport.SyntheticReturnees;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Payments through disbursement-service alone, on a stack of its own: N payees and N eligible grant decisions published
 * as registration and eligibility would publish them, then the time until the bank simulator has executed N transfers,
 * with automatic approval and a budget that covers them. Once with the bank answering at once, once with 50 ms per
 * call.
 */
final class PaymentBenchmark {

    static final Map<String, String> ENVIRONMENT =
            Map.of("DISBURSEMENT_AUTO_APPROVAL", "true", "DISBURSEMENT_STATUS_CHECK_DELAY", "PT5S");
    private static final long GRANT = 960_000L;

    private final LocalStack stack;
    private final PlatformServices services;
    private final PrintStream out;

    PaymentBenchmark(LocalStack stack, PlatformServices services, PrintStream out) {
        this.stack = stack;
        this.services = services;
        this.out = out;
    }

    List<LatencyRound> run(BenchOptions options) throws Exception {
        int n = options.payments();
        String year = String.valueOf(LocalDate.now(ZoneId.of("Asia/Jakarta")).getYear());
        out.println("== Starting disbursement-service alone (automatic approval)");
        services.start(PlatformService.DISBURSEMENT);
        GrantBudget.fundNtb(3L * n * GRANT);
        SyntheticReturnees people = new SyntheticReturnees(new SecureRandom());
        return List.of(round(people, 0, n, 0, year, options), round(people, n, n, 50, year, options));
    }

    private LatencyRound round(
            SyntheticReturnees people, int first, int n, long latencyMillis, String year, BenchOptions options)
            throws Exception {
        stack.bank().faults(FaultProfile.latency(latencyMillis));
        out.printf("== %,d payments with the bank answering in %d ms%n", n, latencyMillis);
        Set<String> accounts = new HashSet<>();
        long start = System.nanoTime();
        try (CloudEventRecords records = new CloudEventRecords(stack)) {
            Instant now = Instant.now();
            for (int i = first; i < first + n; i++) {
                UUID beneficiary = UUID.randomUUID();
                accounts.add(people.accountNumber(i));
                records.send(
                        RegistrationTopics.EVENTS,
                        records.registered(people, i, beneficiary, "PMIB_DEPORTEE", "BP3MI", true, now));
                records.send(
                        EligibilityTopics.EVENTS,
                        new EligibilityDecided(
                                UUID.randomUUID(),
                                beneficiary,
                                "BSU",
                                year,
                                Outcome.ELIGIBLE,
                                GRANT,
                                List.of("BUSINESS_STIMULANT_GRANT"),
                                "bantuan-stimulan-usaha",
                                "bench",
                                List.of(),
                                "52",
                                "5202",
                                null,
                                now));
            }
        }
        Instant deadline = Instant.now().plus(options.timeout());
        int executed = 0;
        long lastPrint = System.nanoTime();
        while (Instant.now().isBefore(deadline)) {
            executed = (int) stack.bank().executedTransfers().stream()
                    .filter(t -> accounts.contains(t.accountNo()))
                    .count();
            if (executed >= n) {
                break;
            }
            if (System.nanoTime() - lastPrint > 10_000_000_000L) {
                lastPrint = System.nanoTime();
                out.printf("  t=%6.1f s  executed %,d of %,d%n", Rates.seconds(lastPrint - start), executed, n);
            }
            Thread.sleep(200);
        }
        long nanos = System.nanoTime() - start;
        Map<String, Integer> perReference = new HashMap<>();
        for (ExecutedTransfer t : stack.bank().executedTransfers()) {
            if (accounts.contains(t.accountNo())) {
                perReference.merge(t.accountNo(), 1, Integer::sum);
            }
        }
        int duplicates = perReference.values().stream().mapToInt(c -> c - 1).sum();
        stack.bank().faults(FaultProfile.NONE);
        out.printf(
                "   %,d executed in %s: %,.1f payments/s, %d duplicates%n",
                executed, Rates.secondsText(nanos), Rates.perSecond(executed, nanos), duplicates);
        return new LatencyRound(latencyMillis, n, nanos, executed, duplicates);
    }
}

package id.go.kemensos.returnee.bench;

import id.go.kemensos.returnee.contracts.registration.RegistrationTopics;
import id.go.kemensos.returnee.infra.launcher.PlatformService;
import id.go.kemensos.returnee.infra.launcher.PlatformServices;
import id.go.kemensos.returnee.infra.sim.AcceptedSms;
import id.go.kemensos.returnee.infra.sim.FaultProfile;
import id.go.kemensos.returnee.infra.stack.LocalStack;
import id.go.kemensos.returnee.testsupport.SyntheticReturnees;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * SMS through notification-service alone, on a stack of its own: N registrations published as registration-service
 * would publish them, then the time until the SMS simulator has accepted the N REGISTERED messages; once with the
 * gateway answering at once, once with 50 ms per call.
 */
final class SmsBenchmark {

    private final LocalStack stack;
    private final PlatformServices services;
    private final PrintStream out;

    SmsBenchmark(LocalStack stack, PlatformServices services, PrintStream out) {
        this.stack = stack;
        this.services = services;
        this.out = out;
    }

    List<LatencyRound> run(BenchOptions options) throws Exception {
        int n = options.messages();
        out.println("== Starting notification-service alone");
        services.start(PlatformService.NOTIFICATION);
        SyntheticReturnees people = new SyntheticReturnees(new SecureRandom());
        return List.of(round(people, 0, n, 0, options), round(people, n, n, 50, options));
    }

    private LatencyRound round(SyntheticReturnees people, int first, int n, long latencyMillis, BenchOptions options)
            throws Exception {
        stack.sms().faults(FaultProfile.latency(latencyMillis));
        out.printf("== %,d SMS with the gateway answering in %d ms%n", n, latencyMillis);
        Set<String> phones = new HashSet<>();
        long start = System.nanoTime();
        try (CloudEventRecords records = new CloudEventRecords(stack)) {
            Instant now = Instant.now();
            for (int i = first; i < first + n; i++) {
                phones.add(people.phoneE164(i));
                records.send(
                        RegistrationTopics.EVENTS,
                        records.registered(people, i, UUID.randomUUID(), "PMIB_DEPORTEE", "BP3MI", true, now));
            }
        }
        Instant deadline = Instant.now().plus(options.timeout());
        int accepted = 0;
        long lastPrint = System.nanoTime();
        while (Instant.now().isBefore(deadline)) {
            accepted = (int) stack.sms().acceptedMessages().stream()
                    .filter(m -> phones.contains(m.to()))
                    .count();
            if (accepted >= n) {
                break;
            }
            if (System.nanoTime() - lastPrint > 10_000_000_000L) {
                lastPrint = System.nanoTime();
                out.printf("  t=%6.1f s  accepted %,d of %,d%n", Rates.seconds(lastPrint - start), accepted, n);
            }
            Thread.sleep(200);
        }
        long nanos = System.nanoTime() - start;
        Set<String> seen = new HashSet<>();
        int duplicates = 0;
        for (AcceptedSms message : stack.sms().acceptedMessages()) {
            if (phones.contains(message.to()) && !seen.add(message.to())) {
                duplicates++;
            }
        }
        stack.sms().faults(FaultProfile.NONE);
        out.printf(
                "   %,d accepted in %s: %,.1f messages/s, %d duplicates%n",
                accepted, Rates.secondsText(nanos), Rates.perSecond(accepted, nanos), duplicates);
        return new LatencyRound(latencyMillis, n, nanos, accepted, duplicates);
    }
}

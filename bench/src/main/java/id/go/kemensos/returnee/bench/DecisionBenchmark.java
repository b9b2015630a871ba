package id.go.kemensos.returnee.bench;

import id.go.kemensos.returnee.contracts.eligibility.Outcome;
import id.go.kemensos.returnee.contracts.registration.RegistrationTopics;
import id.go.kemensos.returnee.eligibility.rules.Evaluation;
import id.go.kemensos.returnee.eligibility.rules.Facts;
import id.go.kemensos.returnee.eligibility.rules.RuleEngine;
import id.go.kemensos.returnee.eligibility.rules.RuleSet;
import id.go.kemensos.returnee.eligibility.rules.RuleSetCatalog;
import id.go.kemensos.returnee.infra.launcher.PlatformService;
import id.go.kemensos.returnee.infra.launcher.PlatformServices;
import id.go.kemensos.returnee.infra.stack.LocalStack;
import id.go.kemensos.returnee.testsupport.SyntheticReturnees;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Eligibility on N registrations (default 100,000): first the rule engine alone, in-process, over every law and program
 * in force for each registration; then eligibility-service alone on a stack of its own, fed N ReturneeRegistered events
 * on registration.events exactly as the outbox relay publishes them, until every decision it makes is on Kafka.
 */
final class DecisionBenchmark implements AutoCloseable {

    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    record Figures(
            int registrations,
            long engineDecisions,
            long engineNanos,
            Map<Outcome, Long> engineOutcomes,
            long produceNanos,
            long serviceDecisions,
            long serviceNanos,
            boolean complete) {}

    private final LocalStack stack;
    private final RelayedEvents relayed;
    private final PlatformServices services;
    private final PrintStream out;

    DecisionBenchmark(LocalStack stack, PlatformServices services, PrintStream out) {
        this.stack = stack;
        this.relayed = new RelayedEvents(stack.kafka().bootstrapServers());
        this.services = services;
        this.out = out;
    }

    Figures run(BenchOptions options) throws Exception {
        int n = options.decisionRegistrations();
        SyntheticReturnees people = new SyntheticReturnees(new SecureRandom());
        LocalDate today = LocalDate.now(JAKARTA);
        Instant registeredAt = Instant.now();

        RuleEngine engine = new RuleEngine();
        RuleSetCatalog catalog = RuleSetCatalog.load(null, engine);
        out.printf(
                "== The rule engine alone on %,d registrations (%d rule sets)%n",
                n, catalog.ids().size());
        engineOn(catalog, engine, people, Math.min(n, 20_000), today); // warm-up
        Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
        long start = System.nanoTime();
        long decided = engineOn(catalog, engine, people, n, today, outcomes);
        long engineNanos = System.nanoTime() - start;
        out.printf(
                "   %,d decisions in %s: %,.0f decisions/s %s%n",
                decided, Rates.secondsText(engineNanos), Rates.perSecond(decided, engineNanos), outcomes);

        out.println("== Starting eligibility-service alone");
        services.start(PlatformService.ELIGIBILITY);
        long before = relayed();
        out.printf("== Publishing %,d ReturneeRegistered events to %s%n", n, RegistrationTopics.EVENTS);
        long produceStart = System.nanoTime();
        try (CloudEventRecords records = new CloudEventRecords(stack)) {
            for (int i = 0; i < n; i++) {
                records.send(
                        RegistrationTopics.EVENTS,
                        records.registered(
                                people,
                                i,
                                UUID.randomUUID(),
                                category(i),
                                i % 5 == 0 ? "POLRI" : "BP3MI",
                                i % 7 != 0,
                                registeredAt));
            }
        }
        long produceNanos = System.nanoTime() - produceStart;
        long expected = decided; // the service applies the same rules to the same facts
        Instant deadline = Instant.now().plus(options.timeout());
        long lastPrint = System.nanoTime();
        long done;
        while ((done = relayed() - before) < expected && Instant.now().isBefore(deadline)) {
            if (System.nanoTime() - lastPrint > 10_000_000_000L) {
                lastPrint = System.nanoTime();
                out.printf(
                        "  t=%6.1f s  decisions on Kafka %,d of %,d%n",
                        Rates.seconds(lastPrint - produceStart), done, expected);
            }
            Thread.sleep(250);
        }
        long serviceNanos = System.nanoTime() - produceStart;
        return new Figures(n, decided, engineNanos, outcomes, produceNanos, done, serviceNanos, done >= expected);
    }

    private static long engineOn(
            RuleSetCatalog catalog, RuleEngine engine, SyntheticReturnees people, int n, LocalDate today) {
        return engineOn(catalog, engine, people, n, today, new EnumMap<>(Outcome.class));
    }

    private static long engineOn(
            RuleSetCatalog catalog,
            RuleEngine engine,
            SyntheticReturnees people,
            int n,
            LocalDate today,
            Map<Outcome, Long> outcomes) {
        long decisions = 0;
        for (int i = 0; i < n; i++) {
            Facts facts = facts(people, i, today);
            for (String id : catalog.ids()) {
                Optional<RuleSet> rules = catalog.inForce(id, facts.dateFor(catalog.relevantDateOf(id), today));
                if (rules.isPresent()) {
                    Evaluation evaluation = engine.evaluate(rules.get(), facts, today);
                    outcomes.merge(evaluation.outcome(), 1L, Long::sum);
                    decisions++;
                }
            }
        }
        return decisions;
    }

    /** Every fifth returnee a trafficking survivor, every seventh without social guidance (needs review). */
    static String category(int i) {
        return i % 5 == 0 ? "KPO" : i % 3 == 0 ? "PMI_PURNA" : "PMIB_DEPORTEE";
    }

    private static Facts facts(SyntheticReturnees people, int i, LocalDate today) {
        return new Facts(
                true,
                SyntheticReturnees.female(i) ? "FEMALE" : "MALE",
                people.birthDate(i),
                "52",
                "5202",
                category(i),
                i % 5 == 0 ? "POLRI" : "BP3MI",
                null,
                "MY",
                LocalDate.of(2019, 9, 2),
                today,
                people.name(i),
                "002",
                people.name(i),
                true,
                2,
                i % 7 != 0,
                Set.of(),
                null);
    }

    private long relayed() {
        return relayed.counts().entrySet().stream()
                .filter(e -> e.getKey().startsWith("eligibility"))
                .mapToLong(Map.Entry::getValue)
                .sum();
    }

    /** Stops counting relayed events (a Kafka consumer). */
    @Override
    public void close() {
        relayed.close();
    }
}

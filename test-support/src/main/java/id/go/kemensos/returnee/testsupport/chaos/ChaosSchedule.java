package id.go.kemensos.returnee.testsupport.chaos;

import id.go.kemensos.returnee.infra.launcher.PlatformService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * The disruptions of a chaos run, in the order they happen, drawn from the plan's seed: the same seed gives the same
 * schedule, so a run that found something can be run again.
 */
public record ChaosSchedule(List<Disruption> disruptions) {

    /** The services a crash may hit: every back-end service (the console holds no state). */
    static final List<PlatformService> TARGETS = List.of(
            PlatformService.REGISTRATION,
            PlatformService.ELIGIBILITY,
            PlatformService.DISBURSEMENT,
            PlatformService.NOTIFICATION,
            PlatformService.AUDIT);

    public enum Kind {
        /** SIGKILL of a service; the supervisor starts it again, as a container's restart policy would. */
        KILL_SERVICE,
        /** The broker stopped and started again. */
        RESTART_BROKER,
        /** The database server stopped and started again. */
        RESTART_DATABASE,
        /** The relay (Kafka Connect worker) stopped gracefully and started again. */
        RESTART_RELAY,
        /** The relay killed (SIGKILL) and started again. */
        KILL_RELAY,
        /** The bank unreachable (connection refused) for the plan's outage, then back. */
        BANK_DOWN
    }

    /** @param target the service hit, for {@link Kind#KILL_SERVICE} only */
    public record Disruption(Duration at, Kind kind, PlatformService target) {

        @Override
        public String toString() {
            return String.format(
                    "t=%6.1f s  %s%s", at.toMillis() / 1000.0, kind, target == null ? "" : " " + target.artifact());
        }
    }

    /**
     * Every disruption at a moment drawn uniformly from the first 90% of the window (after its first 5%, so that work
     * is under way), sorted by time. The relay restarts alternate between a graceful stop and a kill.
     */
    public static ChaosSchedule of(ChaosPlan plan) {
        Random random = new Random(plan.seed());
        long from = plan.window().toMillis() / 20;
        long span = plan.window().toMillis() * 9 / 10 - from;
        List<Disruption> disruptions = new ArrayList<>();
        for (int i = 0; i < plan.kills(); i++) {
            disruptions.add(new Disruption(
                    at(random, from, span), Kind.KILL_SERVICE, TARGETS.get(random.nextInt(TARGETS.size()))));
        }
        for (int i = 0; i < plan.brokerRestarts(); i++) {
            disruptions.add(new Disruption(at(random, from, span), Kind.RESTART_BROKER, null));
        }
        for (int i = 0; i < plan.databaseRestarts(); i++) {
            disruptions.add(new Disruption(at(random, from, span), Kind.RESTART_DATABASE, null));
        }
        for (int i = 0; i < plan.relayRestarts(); i++) {
            disruptions.add(
                    new Disruption(at(random, from, span), i % 2 == 0 ? Kind.RESTART_RELAY : Kind.KILL_RELAY, null));
        }
        if (!plan.bankOutage().isZero()) {
            disruptions.add(new Disruption(at(random, from, span), Kind.BANK_DOWN, null));
        }
        disruptions.sort(Comparator.comparing(Disruption::at));
        return new ChaosSchedule(List.copyOf(disruptions));
    }

    private static Duration at(Random random, long from, long span) {
        return Duration.ofMillis(from + (long) (random.nextDouble() * span));
    }

    public long count(Kind kind) {
        return disruptions.stream().filter(d -> d.kind() == kind).count();
    }
}

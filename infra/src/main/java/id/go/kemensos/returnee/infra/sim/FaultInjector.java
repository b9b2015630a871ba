package id.go.kemensos.returnee.infra.sim;

import java.util.Objects;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Decides, per request, which fault (if any) a simulator injects, and applies the configured latency. Thread-safe: the
 * profile is swapped atomically and {@link Random} is itself safe for concurrent use; pass a seeded one to make a
 * fault sequence reproducible (with concurrent callers only the multiset of outcomes is reproducible, not the order).
 */
public final class FaultInjector {

    public enum Fault {
        NONE,
        ERROR,
        TIMEOUT,
        LOST_REPLY
    }

    private final Random random;
    private final AtomicLong injected = new AtomicLong();
    private volatile FaultProfile profile = FaultProfile.NONE;

    public FaultInjector(Random random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    public FaultProfile profile() {
        return profile;
    }

    public void profile(FaultProfile newProfile) {
        this.profile = Objects.requireNonNull(newProfile, "profile");
    }

    /** Back to {@link FaultProfile#NONE}; the injected-fault counter restarts too. */
    public void reset() {
        profile = FaultProfile.NONE;
        injected.set(0);
    }

    public long faultsInjected() {
        return injected.get();
    }

    /**
     * Sleeps for the profile's latency, then draws this request's fault. Interruption (simulator stop) ends the wait.
     */
    public Fault enter() {
        FaultProfile p = profile;
        pause(p.latencyMillis());
        Fault fault = draw(p);
        if (fault != Fault.NONE) {
            injected.incrementAndGet();
        }
        return fault;
    }

    /** Holds a timed-out / lost-reply request as long as the client's patience is assumed to last. */
    public void holdUntilTimeout() {
        pause(profile.timeoutMillis());
    }

    private Fault draw(FaultProfile p) {
        if (p.errorRate() == 0 && p.timeoutRate() == 0 && p.lostReplyRate() == 0) {
            return Fault.NONE; // keep the Random sequence untouched while no faults are configured
        }
        // One draw, three disjoint slices: each configured rate is exactly the observed rate.
        double r = random.nextDouble();
        if (r < p.errorRate()) {
            return Fault.ERROR;
        }
        if (r < p.errorRate() + p.timeoutRate()) {
            return Fault.TIMEOUT;
        }
        if (r < p.errorRate() + p.timeoutRate() + p.lostReplyRate()) {
            return Fault.LOST_REPLY;
        }
        return Fault.NONE;
    }

    private static void pause(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

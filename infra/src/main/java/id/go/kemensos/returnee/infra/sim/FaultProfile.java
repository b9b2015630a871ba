package id.go.kemensos.returnee.infra.sim;

/**
 * How badly a simulated gateway misbehaves. Each request draws once: with probability {@code errorRate} it fails fast
 * (HTTP 500, nothing executed), with {@code timeoutRate} it hangs for {@code timeoutMillis} and answers 504 (nothing
 * executed), with {@code lostReplyRate} it executes and then hangs and answers 504 (the caller believes it failed but
 * it happened: the case idempotency keys exist for). The three rates are disjoint slices of one draw, so their sum must
 * not exceed 1. {@code latencyMillis} is added to every call, faulted or not.
 *
 * <p>A {@code timeoutMillis} of 0 means "not given" and becomes the 5 s default, so a JSON body such as
 * {@code {"errorRate":0.2}} is a complete profile.
 */
public record FaultProfile(
        double errorRate, double timeoutRate, double lostReplyRate, long latencyMillis, long timeoutMillis) {

    public static final long DEFAULT_TIMEOUT_MILLIS = 5_000;

    public static final FaultProfile NONE = new FaultProfile(0, 0, 0, 0, DEFAULT_TIMEOUT_MILLIS);

    public FaultProfile {
        requireRate("errorRate", errorRate);
        requireRate("timeoutRate", timeoutRate);
        requireRate("lostReplyRate", lostReplyRate);
        if (errorRate + timeoutRate + lostReplyRate > 1.0 + 1e-9) {
            throw new IllegalArgumentException("errorRate + timeoutRate + lostReplyRate must not exceed 1");
        }
        if (latencyMillis < 0) {
            throw new IllegalArgumentException("latencyMillis must be >= 0, was " + latencyMillis);
        }
        if (timeoutMillis < 0) {
            throw new IllegalArgumentException("timeoutMillis must be >= 0, was " + timeoutMillis);
        }
        if (timeoutMillis == 0) {
            timeoutMillis = DEFAULT_TIMEOUT_MILLIS;
        }
    }

    public static FaultProfile errors(double rate) {
        return new FaultProfile(rate, 0, 0, 0, DEFAULT_TIMEOUT_MILLIS);
    }

    public static FaultProfile timeouts(double rate, long timeoutMillis) {
        return new FaultProfile(0, rate, 0, 0, timeoutMillis);
    }

    public static FaultProfile lostReplies(double rate, long timeoutMillis) {
        return new FaultProfile(0, 0, rate, 0, timeoutMillis);
    }

    public static FaultProfile latency(long latencyMillis) {
        return new FaultProfile(0, 0, 0, latencyMillis, DEFAULT_TIMEOUT_MILLIS);
    }

    static void requireRate(String name, double rate) {
        // The negated form also rejects NaN.
        if (!(rate >= 0.0 && rate <= 1.0)) {
            throw new IllegalArgumentException(name + " must be in [0,1], was " + rate);
        }
    }
}

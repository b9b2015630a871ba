package id.go.kemensos.returnee.bench;

/** One round of a single-service benchmark against a simulated gateway answering in {@code latencyMillis}. */
record LatencyRound(long latencyMillis, int planned, long nanos, int done, int duplicates) {

    double perSecond() {
        return Rates.perSecond(done, nanos);
    }

    boolean complete() {
        return done >= planned && duplicates == 0;
    }
}

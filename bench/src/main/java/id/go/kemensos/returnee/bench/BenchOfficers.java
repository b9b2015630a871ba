package id.go.kemensos.returnee.bench;

import id.go.kemensos.returnee.infra.identity.DemoOfficers;

/**
 * The demo officers the benchmarks act as, and the Authorization header of each. The header is asked for on every
 * request: tokens live five minutes, longer than a benchmark may run, and {@link DemoOfficers} caches each until
 * shortly before it expires, so asking again costs a map lookup.
 */
final class BenchOfficers {

    /** Registers and uploads the synthetic returnees, who all live in NTB (province 52). */
    static final String CLERK_NTB = "clerk.ntb";
    /** Sets the NTB grant budget. */
    static final String FINANCE_MAKER = "finance.maker";
    /** Runs the replays. */
    static final String AUDITOR = "auditor";
    /** Reads the counts by category and trafficking status, which only protection officers may. */
    static final String PROTECTION_NTB = "protection.ntb";
    /** Reads the services' actuator metrics. */
    static final String ADMIN = "admin";

    private BenchOfficers() {}

    /** The Authorization header value for the officer, with a token valid now. */
    static String bearer(String username) {
        return "Bearer " + DemoOfficers.local().accessToken(username);
    }
}

package id.go.kemensos.returnee.contracts.eligibility;

/** Topics of eligibility-service's events. */
public final class EligibilityTopics {

    public static final String AGGREGATE = "eligibility";
    public static final String EVENTS = "eligibility.events";
    /**
     * Decisions under restricted laws (Law 21/2007: who is a trafficking victim). Only the relay writes it; only the
     * audit ledger and case-service (which offers the services, to protection officers and the case worker only) read
     * it; no other service's principal has an ACL on it.
     */
    public static final String PROTECTION_AGGREGATE = "eligibility.protection";

    public static final String PROTECTION_EVENTS = "eligibility.protection.events";
    public static final String PRODUCER = "eligibility-service";

    private EligibilityTopics() {}
}

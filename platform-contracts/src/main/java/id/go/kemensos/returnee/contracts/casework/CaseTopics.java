package id.go.kemensos.returnee.contracts.casework;

/**
 * Topic of case-service's events. Offers of services under a restricted law (Law 21/2007) are on it, marked
 * {@code restricted}: so only the audit ledger reads it, and no other service's principal has an ACL on it.
 */
public final class CaseTopics {

    public static final String AGGREGATE = "case";
    public static final String EVENTS = "case.events";
    public static final String PRODUCER = "case-service";

    private CaseTopics() {}
}

package id.go.kemensos.returnee.contracts.casework;

/**
 * Topics of case-service's events. The steps of services offered under a restricted law (Law 21/2007: who is a
 * trafficking victim) go to {@value #PROTECTION_EVENTS}, which only the audit ledger reads; everything else about
 * cases goes to {@value #EVENTS}, which other services may read.
 */
public final class CaseTopics {

    public static final String AGGREGATE = "case";
    public static final String EVENTS = "case.events";
    public static final String PROTECTION_AGGREGATE = "case.protection";
    public static final String PROTECTION_EVENTS = "case.protection.events";
    public static final String PRODUCER = "case-service";

    private CaseTopics() {}
}

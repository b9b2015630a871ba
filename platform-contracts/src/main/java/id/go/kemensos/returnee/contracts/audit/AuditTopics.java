package id.go.kemensos.returnee.contracts.audit;

/** Topic of audit-service's events. */
public final class AuditTopics {

    public static final String AGGREGATE = "audit";
    public static final String EVENTS = "audit.events";

    private AuditTopics() {}
}

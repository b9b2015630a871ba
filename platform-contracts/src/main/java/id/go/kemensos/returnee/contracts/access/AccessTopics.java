package id.go.kemensos.returnee.contracts.access;

/** The topic where every service records who read or exported personal data; read only by the audit ledger. */
public final class AccessTopics {

    public static final String AGGREGATE = "access";
    public static final String EVENTS = "access.events";

    private AccessTopics() {}
}

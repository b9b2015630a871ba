package id.go.kemensos.returnee.contracts.disbursement;

/** Topic of disbursement-service's events. */
public final class DisbursementTopics {

    public static final String AGGREGATE = "disbursement";
    public static final String EVENTS = "disbursement.events";

    private DisbursementTopics() {}
}

package id.go.kemensos.returnee.contracts.eligibility;

/** Topic of eligibility-service's events. */
public final class EligibilityTopics {

    public static final String AGGREGATE = "eligibility";
    public static final String EVENTS = "eligibility.events";

    private EligibilityTopics() {
    }
}

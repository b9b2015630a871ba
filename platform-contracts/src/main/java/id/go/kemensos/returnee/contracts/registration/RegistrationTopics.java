package id.go.kemensos.returnee.contracts.registration;

/** Topic of registration-service's events. */
public final class RegistrationTopics {

    public static final String AGGREGATE = "registration";
    public static final String EVENTS = "registration.events";

    private RegistrationTopics() {}
}

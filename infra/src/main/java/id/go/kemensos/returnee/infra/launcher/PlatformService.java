package id.go.kemensos.returnee.infra.launcher;

/**
 * The platform's services, in the order their events flow, with their ports (8081 to 8086), and the officers' console
 * (8080), which only calls their APIs.
 */
public enum PlatformService {
    REGISTRATION("registration-service", "registration", 8081, true),
    ELIGIBILITY("eligibility-service", "eligibility", 8082, true),
    DISBURSEMENT("disbursement-service", "disbursement", 8083, true),
    NOTIFICATION("notification-service", "notification", 8084, true),
    AUDIT("audit-service", "audit", 8085, true),
    // CASE is a reserved word in SQL: its schema is casework (its Kafka principal and group stay "case").
    CASE("case-service", "casework", 8086, true),
    CONSOLE("console", null, 8080, false);

    private final String artifact;
    private final String schema;
    private final int port;
    private final boolean api;

    PlatformService(String artifact, String schema, int port, boolean api) {
        this.artifact = artifact;
        this.schema = schema;
        this.port = port;
        this.api = api;
    }

    /** Its own database schema (and the user it logs in to it as); the console has none. */
    public String schema() {
        return schema;
    }

    /**
     * The service of a Kafka principal (infra's KafkaAccess names them as the services' artifacts without
     * "-service").
     */
    public static PlatformService ofPrincipal(String principal) {
        for (PlatformService service : values()) {
            if (service.artifact.equals(principal + "-service")) {
                return service;
            }
        }
        throw new IllegalArgumentException("No service has the Kafka principal " + principal);
    }

    /**
     * A service with an API of its own (documented by OpenAPI, called with bearer tokens); the console has pages
     * instead.
     */
    public boolean servesApi() {
        return api;
    }

    /**
     * The console reads the identity provider's discovery document as it starts (it is an OAuth 2.0 client); the
     * services read the provider's keys at their first request.
     */
    public boolean needsIdentityProviderToStart() {
        return this == CONSOLE;
    }

    public String artifact() {
        return artifact;
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }
}

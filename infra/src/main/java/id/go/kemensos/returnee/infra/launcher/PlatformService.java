package id.go.kemensos.returnee.infra.launcher;

/**
 * The platform's services, in the order their events flow, with their ports (8081 to 8085), and the officers' console
 * (8080), which only calls their APIs.
 */
public enum PlatformService {
    REGISTRATION("registration-service", 8081, true),
    ELIGIBILITY("eligibility-service", 8082, true),
    DISBURSEMENT("disbursement-service", 8083, true),
    NOTIFICATION("notification-service", 8084, true),
    AUDIT("audit-service", 8085, true),
    CONSOLE("console", 8080, false);

    private final String artifact;
    private final int port;
    private final boolean api;

    PlatformService(String artifact, int port, boolean api) {
        this.artifact = artifact;
        this.port = port;
        this.api = api;
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

package id.go.kemensos.returnee.infra.launcher;

/** The platform's services, in the order their events flow, with their ports (8081 to 8085). */
public enum PlatformService {
    REGISTRATION("registration-service", 8081),
    ELIGIBILITY("eligibility-service", 8082),
    DISBURSEMENT("disbursement-service", 8083),
    NOTIFICATION("notification-service", 8084),
    AUDIT("audit-service", 8085);

    private final String artifact;
    private final int port;

    PlatformService(String artifact, int port) {
        this.artifact = artifact;
        this.port = port;
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

package id.go.kemensos.returnee.gateway;

/**
 * A gateway call that got no business answer. {@code mayHaveExecuted} is true when the request may have reached the
 * gateway (a timeout, a 5xx, a connection dropped after sending): for a money transfer the caller must then ask for its
 * status before any resend. It is false when the request certainly never left (connection refused, circuit open, rate
 * limited).
 */
public class GatewayUnavailableException extends RuntimeException {

    private final boolean mayHaveExecuted;

    public GatewayUnavailableException(String message, boolean mayHaveExecuted, Throwable cause) {
        super(message, cause);
        this.mayHaveExecuted = mayHaveExecuted;
    }

    public boolean mayHaveExecuted() {
        return mayHaveExecuted;
    }
}

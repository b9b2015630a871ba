package id.go.kemensos.returnee.gateway;

import java.net.http.HttpRequest;

/**
 * How a gateway's protocol authenticates each request (a bank's SNAP signature, say). Called for every attempt, so that
 * a retried request carries a fresh timestamp and request id, over exactly the body bytes that are sent.
 */
@FunctionalInterface
public interface GatewayAuthentication {

    /**
     * Adds the protocol's headers to the request. Throws {@link GatewayUnavailableException} (with mayHaveExecuted
     * false) when the credentials cannot be had, e.g. the gateway's token endpoint does not answer: nothing was sent.
     */
    void authenticate(HttpRequest.Builder request, String method, String path, byte[] body);

    /** Told when the gateway answered 401, so that a cached credential (an access token) is dropped. */
    default void refused(String path) {}

    GatewayAuthentication NONE = (request, method, path, body) -> {};
}

package id.go.kemensos.returnee.infra.sim;

import com.sun.net.httpserver.HttpExchange;
import id.go.kemensos.returnee.infra.sim.SimulatorHttp.Reply;
import java.io.IOException;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;

/**
 * A counterparty that authenticates the platform as SNAP BI prescribes ({@link SnapAuthentication}): the bank, and PT
 * Pos. Partners registered with {@link #registerPartner} get a B2B access token from
 * {@code POST /snap/v1.0/access-token/b2b} and sign every service call; a refused call is answered before anything
 * else happens to it.
 */
public abstract class SnapGatewaySimulator extends GatewaySimulator {

    private static final String ACCESS_TOKEN = "POST /snap/v1.0/access-token/b2b";

    protected final SnapAuthentication authentication = new SnapAuthentication(log, Clock.systemUTC());

    protected SnapGatewaySimulator(String name, int port, Random random) {
        super(name, port, random);
    }

    /**
     * Registers a SNAP partner: its id is also its client key ({@code X-CLIENT-KEY}), the RSA public key verifies its
     * access token requests and the client secret (its UTF-8 bytes) is the HMAC-SHA512 key of its service calls.
     * Registering the same id again replaces its credentials. Partners survive {@link #reset()}.
     */
    public void registerPartner(String partnerId, PublicKey publicKey, String clientSecret) {
        authentication.registerPartner(partnerId, publicKey, clientSecret);
    }

    /** Lifetime of access tokens issued from now on (default 900 s, at least 1 s); {@link #reset()} restores it. */
    public void setAccessTokenLifetime(Duration lifetime) {
        authentication.tokenLifetime(lifetime);
    }

    public Duration accessTokenLifetime() {
        return authentication.tokenLifetime();
    }

    public long authenticationRefusals() {
        return authentication.refusals();
    }

    @Override
    protected final boolean route(HttpExchange exchange, String method, String path) throws IOException {
        if (ACCESS_TOKEN.equals(method + " " + path)) {
            SimulatorHttp.send(exchange, authentication.issueToken(exchange, SimulatorHttp.readBody(exchange)));
            return true;
        }
        return routeService(exchange, method, path);
    }

    /** Handles a service or control route; false when the path and method are not this simulator's. */
    protected abstract boolean routeService(HttpExchange exchange, String method, String path) throws IOException;

    /** Sends the SNAP authentication refusal, if any, of a service call; true when the request was refused. */
    protected boolean refused(HttpExchange exchange, String serviceCode, byte[] body) throws IOException {
        Reply refusal = authentication.refusal(exchange, serviceCode, body);
        if (refusal == null) {
            return false;
        }
        SimulatorHttp.send(exchange, refusal);
        return true;
    }
}

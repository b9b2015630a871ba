package id.go.kemensos.returnee.gateway;

import java.net.URI;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes the {@link ResilientGateway} for each external system a service calls, from the Resilience4j registries that
 * application.yml configures, sharing one scheduler for time limits and retry waits. Closing it stops that scheduler.
 */
public class ResilientGateways implements AutoCloseable {

    private final JsonMapper json;
    private final ResilientGateway.Registries registries;
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "gateway-timers");
        t.setDaemon(true);
        return t;
    });

    public ResilientGateways(JsonMapper json, ResilientGateway.Registries registries) {
        this.json = json;
        this.registries = registries;
    }

    /** @param name the Resilience4j instance name, e.g. "bank" or "sms" */
    public ResilientGateway create(String name, URI baseUrl) {
        return create(name, baseUrl, GatewayAuthentication.NONE);
    }

    /** A gateway whose protocol authenticates every request (signatures, access tokens). */
    public ResilientGateway create(String name, URI baseUrl, GatewayAuthentication authentication) {
        return new ResilientGateway(name, baseUrl, json, registries, scheduler, authentication);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}

package id.go.kemensos.returnee.infra.sim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import id.go.kemensos.returnee.infra.sim.SimulatorHttp.Reply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lifecycle, fault control endpoints and fault-aware dispatch shared by the bank and SMS gateway simulators. Subclasses
 * only route their own paths and describe their fault bodies.
 */
public abstract class GatewaySimulator implements AutoCloseable {

    /** Enough handler threads that injected latency and timeouts hold requests in parallel instead of queueing them. */
    private static final int HANDLER_THREADS = 64;

    protected final Logger log = LoggerFactory.getLogger(getClass());
    private final String name;
    private final int requestedPort;
    private final FaultInjector faults;
    private HttpServer server;
    private ExecutorService handlers;

    protected GatewaySimulator(String name, int port, Random random) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        this.name = name;
        this.requestedPort = port;
        this.faults = new FaultInjector(random);
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), requestedPort), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(name + " cannot bind port " + requestedPort, e);
        }
        AtomicInteger threadNumber = new AtomicInteger();
        handlers = Executors.newFixedThreadPool(HANDLER_THREADS, r -> {
            Thread t = new Thread(r, name + "-http-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(handlers);
        // One context and exact matching below: JDK context paths are prefix matches, which would blur routes.
        server.createContext("/", this::dispatch);
        onStart();
        server.start();
        log.info("{} listening on 127.0.0.1:{}", name, port());
    }

    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.stop(0);
        handlers.shutdownNow(); // interrupts requests held by injected latency/timeouts
        try {
            handlers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        onStop();
        server = null;
        handlers = null;
        log.info("{} stopped", name);
    }

    @Override
    public void close() {
        stop();
    }

    /** The bound port (the ephemeral one when constructed with 0); only meaningful while started. */
    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException(name + " is not started");
        }
        return server.getAddress().getPort();
    }

    public synchronized String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public void faults(FaultProfile profile) {
        faults.profile(profile);
        log.info("{} faults set to {}", name, profile);
    }

    public FaultProfile faults() {
        return faults.profile();
    }

    public long faultsInjected() {
        return faults.faultsInjected();
    }

    /** Forgets all stored state (accounts, transfers, messages, counters) and removes faults. */
    public void reset() {
        faults.reset();
        clearState();
        log.info("{} reset", name);
    }

    protected void onStart() {}

    protected void onStop() {}

    protected abstract void clearState();

    /** Handles a gateway route; returns false when the path/method is not one of this simulator's. */
    protected abstract boolean route(HttpExchange exchange, String method, String path) throws IOException;

    /**
     * Runs a gateway operation under the current fault profile. ERROR and TIMEOUT never reach the operation;
     * LOST_REPLY runs it and throws the reply away, which is exactly what a client retry must survive.
     */
    protected void withFaults(HttpExchange exchange, IntFunction<Object> faultBody, Operation operation)
            throws IOException {
        FaultInjector.Fault fault = faults.enter();
        if (fault != FaultInjector.Fault.NONE) {
            log.info(
                    "{} injecting {} on {} {}",
                    name,
                    fault,
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath());
        }
        switch (fault) {
            case ERROR -> SimulatorHttp.sendJson(exchange, 500, faultBody.apply(500));
            case TIMEOUT -> {
                faults.holdUntilTimeout();
                SimulatorHttp.sendJson(exchange, 504, faultBody.apply(504));
            }
            case LOST_REPLY -> {
                operation.execute();
                faults.holdUntilTimeout();
                SimulatorHttp.sendJson(exchange, 504, faultBody.apply(504));
            }
            case NONE -> SimulatorHttp.send(exchange, operation.execute());
        }
    }

    /** A gateway operation; parse errors inside it are the caller's 400, not a fault. */
    @FunctionalInterface
    protected interface Operation {
        Reply execute() throws IOException;
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        try {
            if (!routeSimControl(exchange, method, path) && !route(exchange, method, path)) {
                SimulatorHttp.sendJson(exchange, 404, Map.of("error", "NO_ROUTE", "path", path));
            }
        } catch (SimulatorHttp.BadRequest | IllegalArgumentException e) {
            trySend(exchange, 400, Map.of("error", "BAD_REQUEST", "detail", String.valueOf(e.getMessage())));
        } catch (RuntimeException e) {
            // A simulator bug must still answer something, or the client hangs until its own timeout.
            log.error("{} failed on {} {}", name, method, path, e);
            trySend(exchange, 500, Map.of("error", "SIMULATOR_BUG", "detail", String.valueOf(e.getMessage())));
        } finally {
            exchange.close();
        }
    }

    private boolean routeSimControl(HttpExchange exchange, String method, String path) throws IOException {
        switch (method + " " + path) {
            case "GET /sim/faults" -> SimulatorHttp.sendJson(exchange, 200, faults.profile());
            case "PUT /sim/faults" -> {
                FaultProfile profile;
                try {
                    profile = SimulatorHttp.readJson(exchange, FaultProfile.class);
                } catch (RuntimeException e) { // malformed JSON or a rate out of range
                    SimulatorHttp.sendJson(
                            exchange,
                            400,
                            Map.of("error", "INVALID_FAULT_PROFILE", "detail", String.valueOf(e.getMessage())));
                    return true;
                }
                faults(profile);
                SimulatorHttp.sendJson(exchange, 200, profile);
            }
            case "POST /sim/reset" -> {
                reset();
                SimulatorHttp.sendJson(exchange, 200, Map.of("reset", true));
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private static void trySend(HttpExchange exchange, int status, Object body) {
        try {
            SimulatorHttp.sendJson(exchange, status, body);
        } catch (IOException | RuntimeException ignored) {
            // headers were already sent or the client left; nothing more to do
        }
    }
}

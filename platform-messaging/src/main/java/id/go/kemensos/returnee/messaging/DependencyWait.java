package id.go.kemensos.returnee.messaging;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;
import org.springframework.core.env.ConfigurableEnvironment;
import tools.jackson.databind.json.JsonMapper;

/**
 * Holds a service's start until its database and its broker answer, instead of failing at its first migration and being
 * restarted in a loop by whatever supervises it (losing nothing, but saying nothing either). Meanwhile a small HTTP
 * server on the service's port answers {@code /actuator/health/liveness} UP (the process is fine: do not restart it) and
 * {@code /actuator/health} and {@code /actuator/health/readiness} 503 with what it waits for. Once both answer it steps
 * aside and Spring starts as usual. Off with {@code platform.start.wait-for-dependencies=false}.
 */
public class DependencyWait implements SpringApplicationRunListener {

    private static final Logger log = LoggerFactory.getLogger(DependencyWait.class);
    private static final Duration PAUSE = Duration.ofSeconds(2);
    private static final Duration REMINDER = Duration.ofSeconds(30);
    private static final int CONNECT_TIMEOUT_MILLIS = 3_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SpringApplication application;

    public DependencyWait(SpringApplication application, String[] args) {
        this.application = application;
    }

    @Override
    public void environmentPrepared(ConfigurableBootstrapContext context, ConfigurableEnvironment environment) {
        String database = environment.getProperty("spring.datasource.url");
        if (database == null || !environment.getProperty("platform.start.wait-for-dependencies", Boolean.class, true)) {
            return; // the console: no database, no broker
        }
        // The first to log in is Flyway, as the migrator: the service's own user has no rights before the first
        // migration has granted them.
        Dependencies dependencies = new Dependencies(
                database,
                environment.getProperty(
                        "spring.flyway.user", environment.getProperty("spring.datasource.username", "")),
                environment.getProperty(
                        "spring.flyway.password", environment.getProperty("spring.datasource.password", "")),
                environment.getProperty("spring.kafka.bootstrap-servers", "127.0.0.1:9092"));
        Map<String, String> missing = dependencies.missing();
        if (missing.isEmpty()) {
            return;
        }
        HttpServer health = application.getWebApplicationType() == WebApplicationType.SERVLET
                ? healthServer(environment.getProperty("server.port", Integer.class, 8080), dependencies)
                : null;
        try {
            Instant said = Instant.MIN;
            while (!missing.isEmpty()) {
                if (Instant.now().isAfter(said.plus(REMINDER))) {
                    log.warn("Waiting to start until these answer: {}", describe(missing));
                    said = Instant.now();
                }
                sleep();
                missing = dependencies.missing();
            }
            log.info("Database and broker answer; starting");
        } finally {
            if (health != null) {
                health.stop(0);
            }
        }
    }

    /** What the service needs before it can start, asked the way it will use them. */
    static final class Dependencies {

        private final String databaseUrl;
        private final String user;
        private final String password;
        private final List<String> brokers;
        private volatile Map<String, String> lastMissing = Map.of();

        Dependencies(String databaseUrl, String user, String password, String bootstrapServers) {
            this.databaseUrl = databaseUrl;
            this.user = user;
            this.password = password;
            this.brokers = List.of(bootstrapServers.split(","));
        }

        /** What does not answer, and why: {@code database} and {@code broker}, or nothing. */
        Map<String, String> missing() {
            Map<String, String> missing = new LinkedHashMap<>();
            String db = database();
            if (db != null) {
                missing.put("database", db);
            }
            String broker = broker();
            if (broker != null) {
                missing.put("broker", broker);
            }
            lastMissing = missing;
            return missing;
        }

        Map<String, String> lastMissing() {
            return lastMissing;
        }

        private String database() {
            String url =
                    databaseUrl + (databaseUrl.contains("?") ? "&" : "?") + "connectTimeout=" + CONNECT_TIMEOUT_MILLIS;
            try (Connection c = DriverManager.getConnection(url, user, password)) {
                return c.isValid(CONNECT_TIMEOUT_MILLIS / 1000) ? null : "does not answer a query";
            } catch (SQLException e) {
                if (e.getSQLState() != null && !e.getSQLState().startsWith("08")) {
                    // It answers, but refuses the login or the schema: not something to wait for. The start goes on
                    // and fails with the database's own message.
                    return null;
                }
                return hostOf(databaseUrl) + ": " + firstLine(e.getMessage());
            }
        }

        /** Any bootstrap server accepting a connection will do: the client finds the rest of the cluster from it. */
        private String broker() {
            String last = null;
            for (String server : brokers) {
                String address = server.strip();
                int colon = address.lastIndexOf(':');
                try (Socket socket = new Socket()) {
                    socket.connect(
                            new InetSocketAddress(
                                    address.substring(0, colon), Integer.parseInt(address.substring(colon + 1))),
                            CONNECT_TIMEOUT_MILLIS);
                    return null;
                } catch (IOException | RuntimeException e) {
                    last = address + ": " + e.getMessage();
                }
            }
            return last;
        }

        private static String hostOf(String jdbcUrl) {
            String rest = jdbcUrl.replaceFirst("^jdbc:[a-z]+://", "");
            int end = rest.indexOf('/');
            return end < 0 ? rest : rest.substring(0, end);
        }

        private static String firstLine(String message) {
            if (message == null) {
                return "no answer";
            }
            int newline = message.indexOf('\n');
            return newline < 0 ? message : message.substring(0, newline);
        }
    }

    private static HttpServer healthServer(int port, Dependencies dependencies) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
            server.createContext("/", exchange -> {
                String path = exchange.getRequestURI().getPath();
                if (path.equals("/actuator/health/liveness")) {
                    answer(exchange, 200, "{\"status\":\"UP\"}");
                } else if (path.equals("/actuator/health") || path.equals("/actuator/health/readiness")) {
                    answer(exchange, 503, waitingFor(dependencies.lastMissing()));
                } else {
                    answer(
                            exchange,
                            503,
                            JSON.writeValueAsString(Map.of(
                                    "status",
                                    "STARTING",
                                    "detail",
                                    "the service has not started: it waits for "
                                            + String.join(
                                                    " and ",
                                                    dependencies.lastMissing().keySet()))));
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            log.warn("No health answers while waiting: port {} is taken ({})", port, e.getMessage());
            return null;
        }
    }

    static String waitingFor(Map<String, String> missing) {
        Map<String, Object> health = new LinkedHashMap<>();
        health.put("status", "OUT_OF_SERVICE");
        health.put("waitingFor", missing);
        return JSON.writeValueAsString(health);
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String describe(Map<String, String> missing) {
        return missing.entrySet().stream()
                .map(e -> e.getKey() + " (" + e.getValue() + ")")
                .collect(Collectors.joining(", "));
    }

    private static void sleep() {
        try {
            Thread.sleep(PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the database and the broker", e);
        }
    }
}

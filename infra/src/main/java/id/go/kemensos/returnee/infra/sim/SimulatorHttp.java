package id.go.kemensos.returnee.infra.sim;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The few JSON/HTTP helpers the simulators share; deliberately not a framework. */
public final class SimulatorHttp {

    /**
     * Lenient on input like a real gateway (unknown fields such as SNAP's {@code additionalInfo} are ignored, absent
     * numbers are 0), java.time values written as ISO-8601 strings (Jackson 3's default).
     */
    public static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    /** A status plus a body to serialize: what an operation hands back to the fault-aware dispatcher. */
    public record Reply(int status, Object body) {}

    private SimulatorHttp() {}

    /** A request the simulator cannot even parse; answered 400 by the dispatcher. */
    public static final class BadRequest extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public BadRequest(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Parses the request body; an empty or malformed body throws {@link BadRequest}. */
    public static <T> T readJson(HttpExchange exchange, Class<T> type) throws IOException {
        return parseJson(readBody(exchange), type);
    }

    /** The raw request body exactly as received (SNAP signatures are computed over these bytes). */
    public static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return in.readAllBytes();
        }
    }

    /** Parses a request body already read; an empty or malformed body throws {@link BadRequest}. */
    public static <T> T parseJson(byte[] bytes, Class<T> type) {
        if (bytes.length == 0) {
            throw new BadRequest("empty request body", null);
        }
        try {
            return JSON.readValue(bytes, type);
        } catch (JacksonException e) {
            throw new BadRequest(e.getOriginalMessage(), e);
        }
    }

    public static void sendJson(HttpExchange exchange, int status, Object body) throws IOException {
        send(exchange, status, "application/json", JSON.writeValueAsBytes(body));
    }

    public static void send(HttpExchange exchange, Reply reply) throws IOException {
        sendJson(exchange, reply.status(), reply.body());
    }

    public static void sendText(HttpExchange exchange, int status, String contentType, String text) throws IOException {
        send(exchange, status, contentType + "; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] bytes) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Query parameters of the request; the last value wins for repeated names. */
    public static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> params = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.put(
                    URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return params;
    }

    /** Phone and account numbers are personal data (UU 27/2022): logs only ever see the last four digits. */
    public static String mask(String number) {
        if (number == null) {
            return "null";
        }
        return number.length() <= 4 ? "***" : "***" + number.substring(number.length() - 4);
    }
}

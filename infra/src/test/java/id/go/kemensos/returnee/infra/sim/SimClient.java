package id.go.kemensos.returnee.infra.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Minimal JSON-over-HTTP client for the simulator tests, the way a platform adapter would call the gateways. */
final class SimClient {

    record Response(int status, String body) {
        JsonNode json() {
            return SimulatorHttp.JSON.readTree(body);
        }

        String field(String name) {
            JsonNode node = json().get(name);
            return node == null || node.isNull() ? null : node.asString();
        }
    }

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String baseUrl;

    SimClient(GatewaySimulator simulator) {
        this.baseUrl = simulator.baseUrl();
    }

    Response post(String path, Object body) {
        return send(request(path).POST(json(body)));
    }

    Response put(String path, Object body) {
        return send(request(path).PUT(json(body)));
    }

    Response get(String path) {
        return send(request(path).GET());
    }

    /** A request with these exact body bytes and extra headers (SNAP signatures are computed over both). */
    Response send(String method, String path, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder builder = request(path).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(builder::header);
        return send(builder);
    }

    /** The bytes {@link #post} sends for a body: a String as is, anything else as JSON. */
    static byte[] bytes(Object body) {
        return body instanceof String s
                ? s.getBytes(StandardCharsets.UTF_8)
                : SimulatorHttp.JSON.writeValueAsBytes(body);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json");
    }

    private static HttpRequest.BodyPublisher json(Object body) {
        return HttpRequest.BodyPublishers.ofByteArray(bytes(body));
    }

    private static Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

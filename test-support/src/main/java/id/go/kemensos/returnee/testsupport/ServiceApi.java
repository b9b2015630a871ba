package id.go.kemensos.returnee.testsupport;

import id.go.kemensos.returnee.infra.launcher.PlatformService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** A service's HTTP API as a test calls it: JSON in and out, or text (CSV) where the API answers text. */
public final class ServiceApi {

    private final PlatformService service;
    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    public ServiceApi(PlatformService service) {
        this.service = service;
    }

    /** The status, the body as JSON when it is JSON (else null), and the body as text. */
    public record Response(int status, JsonNode body, String text) {
    }

    public Response get(String pathAndQuery) {
        return send(request(pathAndQuery).GET().build());
    }

    public Response post(String path, Map<String, ?> body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build());
    }

    public Response post(String path, String contentType, String body) {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public Response put(String path, Map<String, ?> body) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build());
    }

    /** A request to this service, for what the methods above do not cover (a multipart upload). */
    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(service.baseUrl() + path));
    }

    Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String type = response.headers().firstValue("Content-Type").orElse("");
            boolean isJson = type.contains("json") && !response.body().isEmpty();
            return new Response(response.statusCode(), isJson ? json.readTree(response.body()) : null, response.body());
        } catch (IOException e) {
            throw new IllegalStateException(service.artifact() + " unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

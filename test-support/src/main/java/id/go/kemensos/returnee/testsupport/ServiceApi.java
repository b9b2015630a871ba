package id.go.kemensos.returnee.testsupport;

import id.go.kemensos.returnee.infra.identity.DemoOfficers;
import id.go.kemensos.returnee.infra.launcher.PlatformService;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service's HTTP API as a test calls it, logged in as one officer (their access token on every request): JSON in and
 * out, or text (CSV) where the API answers text.
 */
public final class ServiceApi {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PlatformService service;
    /** The Authorization header's value for each request; null to call without a token. */
    private final Supplier<String> authorization;

    /** @param officer a demo officer's username ({@link OfficerLogin}), or null to call without a token */
    public ServiceApi(PlatformService service, String officer) {
        this(service, officer == null ? null : () -> OfficerLogin.bearer(officer));
    }

    private ServiceApi(PlatformService service, Supplier<String> authorization) {
        this.service = service;
        this.authorization = authorization;
    }

    /**
     * The API called by a referral partner's own system, with its client's token (client credentials; the local
     * realm gets the partner's client on first use).
     */
    public static ServiceApi partner(PlatformService service, String partnerId) {
        return new ServiceApi(service, () -> "Bearer " + DemoOfficers.local().partnerToken(partnerId));
    }

    /** The same API called by another officer. */
    public ServiceApi as(String otherOfficer) {
        return new ServiceApi(service, otherOfficer);
    }

    /** The same API called without any token. */
    public ServiceApi anonymous() {
        return new ServiceApi(service, (Supplier<String>) null);
    }

    /** The status, the body as JSON when it is JSON (else null), and the body as text. */
    public record Response(int status, JsonNode body, String text) {}

    public Response get(String pathAndQuery) {
        return send(request(pathAndQuery).GET().build());
    }

    /** A file the API answers (a PDF, a workbook): the status and the bytes as sent. */
    public record Download(int status, byte[] body) {}

    public Download download(String pathAndQuery) {
        try {
            HttpResponse<byte[]> response =
                    HTTP.send(request(pathAndQuery).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(service.artifact() + " unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response post(String path, Map<String, ?> body) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build());
    }

    public Response post(String path, String contentType, String body) {
        return send(request(path)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    public Response put(String path, Map<String, ?> body) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build());
    }

    public Response patch(String path, Map<String, ?> body) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build());
    }

    /**
     * A request to this service with the officer's token, for what the methods above do not cover (a multipart upload).
     */
    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(service.baseUrl() + path));
        return authorization == null ? request : request.header("Authorization", authorization.get());
    }

    public Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            String type = response.headers().firstValue("Content-Type").orElse("");
            boolean isJson = type.contains("json") && !response.body().isEmpty();
            return new Response(response.statusCode(), isJson ? JSON.readTree(response.body()) : null, response.body());
        } catch (IOException e) {
            throw new IllegalStateException(service.artifact() + " unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

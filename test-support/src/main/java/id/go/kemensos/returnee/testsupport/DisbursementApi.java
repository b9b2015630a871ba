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

/** disbursement-service's REST API as a finance officer's client calls it. */
public final class DisbursementApi {

    private final String baseUrl = PlatformService.DISBURSEMENT.baseUrl();
    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    public record Response(int status, JsonNode body) {
    }

    /** Sets a budget ceiling; fails unless the API answers 200. */
    public JsonNode setCeiling(String programId, String provinceCode, String fiscalYear, long ceiling, String officer) {
        Response response = send("PUT", "/api/budgets/" + programId + "/" + provinceCode + "/" + fiscalYear,
                Map.of("ceiling", ceiling, "setBy", officer));
        if (response.status() != 200) {
            throw new AssertionError("Setting the ceiling answered " + response.status() + ": " + response.body());
        }
        return response.body();
    }

    /** Imports a bank statement as a finance officer's browser does (multipart: the file and who imports it). */
    public Response reconcile(byte[] statement, String fileName, String importedBy) {
        return send(new MultipartForm(Map.of("importedBy", importedBy), "file", fileName, "text/csv", statement)
                .post(HttpRequest.newBuilder(URI.create(baseUrl + "/api/reconciliations"))).build());
    }

    public Response post(String path, Map<String, ?> body) {
        return send("POST", path, body);
    }

    public Response put(String path, Map<String, ?> body) {
        return send("PUT", path, body);
    }

    public Response get(String pathAndQuery) {
        return send("GET", pathAndQuery, null);
    }

    private Response send(String method, String path, Map<String, ?> body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path));
        request = body == null ? request.GET() : request.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        return send(request.build());
    }

    /** The body as text when it is not JSON (a CSV report). */
    public String text(String pathAndQuery) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery)).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new IllegalStateException("disbursement-service unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body().isEmpty() ? null : json.readTree(response.body()));
        } catch (IOException e) {
            throw new IllegalStateException("disbursement-service unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

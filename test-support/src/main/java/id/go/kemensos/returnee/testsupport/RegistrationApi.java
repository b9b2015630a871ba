package id.go.kemensos.returnee.testsupport;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

/** registration-service's REST API as an officer's client calls it. */
public final class RegistrationApi {

    private final String baseUrl;
    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    RegistrationApi(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public record Response(int status, JsonNode body) {

        public UUID beneficiaryId() {
            return UUID.fromString(body.get("beneficiaryId").asString());
        }
    }

    public Response post(Map<String, Object> returnee) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/returnees"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(returnee))).build());
    }

    /** An officer's amendment of a registered returnee (PATCH: only the fields given change, e.g. phone or bank account). */
    public Response amend(UUID beneficiaryId, Map<String, Object> changes) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/returnees/" + beneficiaryId))
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json.writeValueAsString(changes))).build());
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body().isEmpty() ? null : json.readTree(response.body()));
        } catch (IOException e) {
            throw new IllegalStateException("registration-service unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Uploads a provincial list as a clerk's browser does (multipart: the file and the uploading province). */
    public Response upload(byte[] file, String fileName, String provinceCode) {
        return send(new MultipartForm(Map.of("provinceCode", provinceCode), "file", fileName, "application/octet-stream", file)
                .post(HttpRequest.newBuilder(URI.create(baseUrl + "/api/uploads"))).build());
    }

    /** An upload's status resource: progress, counts and failure reason. */
    public JsonNode uploadStatus(UUID uploadId) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/uploads/" + uploadId)).GET().build()).body();
    }

    /** GET of any path of the API, e.g. "/api/returnees?status=PAID". */
    public Response get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery)).GET().build());
    }

    /** An officer's decision (REGISTER or REJECT) on a row an upload held for review. */
    public Response review(UUID uploadId, long rowNumber, String decision, String officer, String reason) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/uploads/" + uploadId + "/rows/" + rowNumber + "/review"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("decision", decision, "reviewedBy", officer,
                        "reason", reason)))).build());
    }

    /** Registers a new returnee and returns the pseudonymous beneficiary id; fails unless the API answers 201. */
    public UUID register(Map<String, Object> returnee) {
        Response response = post(returnee);
        if (response.status() != 201) {
            throw new AssertionError("Expected 201 Created, got " + response.status() + ": " + response.body());
        }
        return response.beneficiaryId();
    }
}

package id.go.kemensos.returnee.infra.connect;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Kafka Connect's REST API, as the few calls the local stack makes of it. */
final class ConnectRest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String baseUrl;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    ConnectRest(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** The worker answers its root resource (version, Kafka cluster id) once its REST server is up. */
    boolean answers() {
        try {
            return send("GET", "/", null).statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    /** Creates the connector or replaces its configuration (idempotent). */
    void putConfig(String connector, Map<String, String> config) throws IOException {
        expect(send("PUT", "/connectors/" + connector + "/config", JSON.writeValueAsString(config)), 200, 201);
    }

    void delete(String connector) throws IOException {
        expect(send("DELETE", "/connectors/" + connector, null), 204, 404);
    }

    /** A connector's or a task's state, and the trace Connect keeps when it FAILED (empty otherwise). */
    record State(String state, String trace) {

        boolean failed() {
            return state.equals("FAILED");
        }

        String firstTraceLine() {
            int end = trace.indexOf('\n');
            return end < 0 ? trace : trace.substring(0, end);
        }
    }

    record TaskStatus(int id, State state) {}

    record ConnectorStatus(String name, State connector, List<TaskStatus> tasks) {}

    /** Every connector with its state and its tasks' ({@code GET /connectors?expand=status}). */
    List<ConnectorStatus> statuses() throws IOException {
        HttpResponse<String> response = send("GET", "/connectors?expand=status", null);
        expect(response, 200);
        List<ConnectorStatus> statuses = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : JSON.readTree(response.body()).properties()) {
            JsonNode status = entry.getValue().path("status");
            List<TaskStatus> tasks = new ArrayList<>();
            for (JsonNode task : status.path("tasks")) {
                tasks.add(new TaskStatus(task.path("id").asInt(), state(task)));
            }
            statuses.add(new ConnectorStatus(entry.getKey(), state(status.path("connector")), tasks));
        }
        return statuses;
    }

    private static State state(JsonNode node) {
        return new State(
                node.path("state").asString("UNKNOWN"), node.path("trace").asString(""));
    }

    void restartTask(String connector, int task) throws IOException {
        expect(send("POST", "/connectors/" + connector + "/tasks/" + task + "/restart", null), 200, 202, 204);
    }

    /** The source offsets Connect has committed for the connector ({@code GET /connectors/{name}/offsets}). */
    JsonNode offsets(String connector) throws IOException {
        HttpResponse<String> response = send("GET", "/connectors/" + connector + "/offsets", null);
        expect(response, 200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(String method, String path, String body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted calling Kafka Connect " + method + " " + path, e);
        }
    }

    private static void expect(HttpResponse<String> response, int... statuses) throws IOException {
        for (int status : statuses) {
            if (response.statusCode() == status) {
                return;
            }
        }
        throw new IOException("Kafka Connect answered " + response.statusCode() + " to "
                + response.request().method() + " " + response.uri().getPath() + ": " + response.body());
    }
}

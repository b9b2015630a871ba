package id.go.kemensos.returnee.infra.connect;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import id.go.kemensos.returnee.infra.kafka.KafkaAccess;
import id.go.kemensos.returnee.infra.stack.PlatformHome;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The health report reads Connect's status API: a failed task is shown with its trace's first line and restarted once;
 * failing again it is reported, not restarted again. Connect's REST API is played by a local HTTP server answering what
 * {@code GET /connectors?expand=status} answers.
 */
class ConnectHealthTest {

    private static final String STATUS = """
            {"platform-outbox": {"status": {"name": "platform-outbox",
              "connector": {"state": "RUNNING", "worker_id": "127.0.0.1:8093"},
              "tasks": [{"id": 0, "state": "FAILED", "worker_id": "127.0.0.1:8093",
                "trace": "org.apache.kafka.connect.errors.ConnectException: binlog connection lost\\n\\tat io.debezium..."}]}},
             "bench-cdc-outbox": {"status": {"name": "bench-cdc-outbox",
              "connector": {"state": "RUNNING", "worker_id": "127.0.0.1:8093"},
              "tasks": [{"id": 0, "state": "RUNNING", "worker_id": "127.0.0.1:8093"}]}}}
            """;

    /** What the worker runs in a work directory from before platform-outbox: one connector per service. */
    private static final String PER_SERVICE = """
            {"registration-outbox": {"status": {"name": "registration-outbox",
              "connector": {"state": "RUNNING", "worker_id": "127.0.0.1:8093"},
              "tasks": [{"id": 0, "state": "RUNNING", "worker_id": "127.0.0.1:8093"}]}},
             "case-outbox": {"status": {"name": "case-outbox",
              "connector": {"state": "RUNNING", "worker_id": "127.0.0.1:8093"},
              "tasks": [{"id": 0, "state": "RUNNING", "worker_id": "127.0.0.1:8093"}]}},
             "platform-outbox": {"status": {"name": "platform-outbox",
              "connector": {"state": "RUNNING", "worker_id": "127.0.0.1:8093"},
              "tasks": [{"id": 0, "state": "RUNNING", "worker_id": "127.0.0.1:8093"}]}},
             "bench-cdc-outbox": {"status": {"name": "bench-cdc-outbox",
              "connector": {"state": "RUNNING", "worker_id": "127.0.0.1:8093"},
              "tasks": [{"id": 0, "state": "RUNNING", "worker_id": "127.0.0.1:8093"}]}}}
            """;

    private volatile String answer = STATUS;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private HttpServer connect;
    private KafkaConnectWorker worker;

    @BeforeEach
    void connectAnswering() throws IOException {
        connect = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        connect.createContext("/connectors", exchange -> {
            byte[] body = new byte[0];
            int status = 204;
            if (exchange.getRequestMethod().equals("GET")) {
                body = answer.getBytes(StandardCharsets.UTF_8);
                status = 200;
            } else {
                requests.add(exchange.getRequestMethod() + " "
                        + exchange.getRequestURI().getPath());
            }
            exchange.sendResponseHeaders(status, status == 204 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        connect.start();
        ConnectorConfig.LocalEndpoints endpoints = new ConnectorConfig.LocalEndpoints(
                ConnectorConfig.MARIADB_CONNECTOR_CLASS,
                "127.0.0.1",
                3307,
                "x",
                "disable",
                "127.0.0.1:9092",
                KafkaAccess.clientSecurity(KafkaAccess.RELAY));
        worker = new KafkaConnectWorker(
                PlatformHome.locate(),
                endpoints,
                new LocalConnectJvm(PlatformHome.locate(), endpoints.bootstrapServers(), endpoints.kafkaSecurity()),
                "http://127.0.0.1:" + connect.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        connect.stop(0);
    }

    @Test
    void aFailedTaskIsShownWithItsTraceRestartedOnceThenReported() {
        assertThat(worker.health())
                .containsEntry("connector bench-cdc-outbox", "RUNNING, task 0 RUNNING")
                .hasEntrySatisfying(
                        "connector platform-outbox",
                        line -> assertThat(line)
                                .startsWith("RUNNING, task 0 FAILED (org.apache.kafka.connect.errors.ConnectException: "
                                        + "binlog connection lost)")
                                .endsWith(", restarted"));
        assertThat(requests).containsExactly("POST /connectors/platform-outbox/tasks/0/restart");

        assertThat(worker.health().get("connector platform-outbox"))
                .as("failed again after its restart: reported, left for an operator")
                .contains("failed again after a restart");
        assertThat(requests).hasSize(1);
        assertThat(worker.states())
                .containsEntry("bench-cdc-outbox", "RUNNING")
                .containsEntry(
                        "platform-outbox",
                        "FAILED task 0: org.apache.kafka.connect.errors.ConnectException: binlog connection lost");
    }

    @Test
    void theFormerPerServiceConnectorsAreDeletedSoThatNoOutboxIsRelayedTwice() {
        answer = PER_SERVICE;

        worker.retireUndeclaredOutboxConnectors();

        assertThat(requests)
                .as("platform-outbox, declared, and the benchmark's own connector stay")
                .containsExactlyInAnyOrder("DELETE /connectors/registration-outbox", "DELETE /connectors/case-outbox");
    }
}

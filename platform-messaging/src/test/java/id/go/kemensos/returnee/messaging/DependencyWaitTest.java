package id.go.kemensos.returnee.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class DependencyWaitTest {

    @Test
    void namesWhatDoesNotAnswerAndWhy() throws IOException {
        int closed;
        try (ServerSocket probe = new ServerSocket(0)) {
            closed = probe.getLocalPort();
        }
        try (ServerSocket broker = new ServerSocket(0)) {
            DependencyWait.Dependencies dependencies = new DependencyWait.Dependencies(
                    "jdbc:mysql://127.0.0.1:" + closed + "/registration?connectionTimeZone=UTC",
                    "registration",
                    "secret",
                    "127.0.0.1:" + closed + ",127.0.0.1:" + broker.getLocalPort());
            Map<String, String> missing = dependencies.missing();
            assertThat(missing).containsOnlyKeys("database");
            assertThat(missing.get("database")).startsWith("127.0.0.1:" + closed + ": ");
        }
        DependencyWait.Dependencies none = new DependencyWait.Dependencies(
                "jdbc:mysql://127.0.0.1:" + closed + "/registration", "registration", "secret", "127.0.0.1:" + closed);
        assertThat(none.missing()).containsOnlyKeys("database", "broker");
        assertThat(none.lastMissing().get("broker")).startsWith("127.0.0.1:" + closed + ": ");
    }

    @Test
    void healthSaysItIsOutOfServiceAndWhatItWaitsFor() {
        Map<String, String> missing = new LinkedHashMap<>();
        missing.put("database", "db:3306: Communications link failure \"quoted\"");
        JsonNode health = JsonMapper.builder().build().readTree(DependencyWait.waitingFor(missing));
        assertThat(health.get("status").asString()).isEqualTo("OUT_OF_SERVICE");
        assertThat(health.at("/waitingFor/database").asString())
                .isEqualTo("db:3306: Communications link failure \"quoted\"");
    }
}

package id.go.kemensos.returnee.infra.relay;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kemensos.returnee.infra.kafka.KafkaAccess;
import id.go.kemensos.returnee.infra.stack.PlatformHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The connector JSONs are the production configuration; the local relay changes only endpoints and storage. */
class ConnectorConfigTest {

    private static List<ConnectorConfig> connectors() throws IOException {
        try (Stream<Path> files = Files.list(PlatformHome.locate().connectorConfigs())) {
            return files.filter(f -> f.toString().endsWith("-outbox.json"))
                    .sorted()
                    .map(ConnectorConfig::read)
                    .toList();
        }
    }

    @Test
    void everyServiceHasAnOutboxConnectorWithItsOwnServerId() throws IOException {
        List<ConnectorConfig> connectors = connectors();

        assertThat(connectors)
                .extracting(ConnectorConfig::name)
                .containsExactly(
                        "audit-outbox",
                        "disbursement-outbox",
                        "eligibility-outbox",
                        "notification-outbox",
                        "registration-outbox");
        assertThat(connectors).extracting(c -> c.get("database.server.id")).doesNotHaveDuplicates();
        assertThat(connectors).allSatisfy(c -> {
            String schema = c.name().replace("-outbox", "");
            assertThat(c.get("table.include.list")).isEqualTo(schema + ".outbox_event");
            assertThat(c.get("transforms.outbox.type")).isEqualTo("io.debezium.transforms.outbox.EventRouter");
            assertThat(c.get("transforms.outbox.route.topic.replacement")).isEqualTo("${routedByValue}.events");
            assertThat(c.get("transforms.outbox.table.field.event.key")).isEqualTo("aggregateid");
            // String converters: the JSON payload column reaches Kafka as it is, never JSON-encoded a second time.
            assertThat(c.get("value.converter")).isEqualTo("org.apache.kafka.connect.storage.StringConverter");
            assertThat(c.get("snapshot.mode")).isEqualTo("no_data");
        });
    }

    @Test
    void theLocalStackOverridesOnlyEndpointsAndStorage() throws IOException {
        ConnectorConfig registration = connectors().stream()
                .filter(c -> c.name().equals("registration-outbox"))
                .findFirst()
                .orElseThrow();
        Path state = Path.of("/tmp/relay-state");

        Properties local = registration.forLocalStack(new ConnectorConfig.LocalEndpoints(
                "127.0.0.1", 3307, "secret", "127.0.0.1:9092", KafkaAccess.clientSecurity(KafkaAccess.RELAY), state));

        assertThat(local.getProperty("connector.class")).isEqualTo("io.debezium.connector.mariadb.MariaDbConnector");
        assertThat(local.getProperty("database.port")).isEqualTo("3307");
        assertThat(local.getProperty("database.password")).isEqualTo("secret");
        assertThat(local.getProperty("security.protocol")).isEqualTo("SASL_PLAINTEXT");
        assertThat(local.getProperty("producer.sasl.jaas.config")).contains("username=\"relay\"");
        assertThat(local.getProperty("offset.storage.file.filename"))
                .isEqualTo(state.resolve("registration-outbox.offsets").toString());
        assertThat(local.getProperty("schema.history.internal"))
                .isEqualTo("io.debezium.storage.file.history.FileSchemaHistory");
        assertThat(local.stringPropertyNames()).noneMatch(k -> k.startsWith("schema.history.internal.kafka."));
        assertThat(local.getProperty("transforms.outbox.table.fields.additional.placement"))
                .isEqualTo(registration.get("transforms.outbox.table.fields.additional.placement"))
                .contains("type:header:ce_type", "ce_time:header", "content_type:header:content-type");
    }
}

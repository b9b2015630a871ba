package id.go.kemensos.returnee.infra.connect;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kemensos.returnee.infra.stack.PlatformHome;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docker-compose's Connect worker runs the settings of infra/connect/worker.properties, as the local worker does: the
 * two differ only where they run (brokers, and three replicas of the worker's topics instead of one).
 */
class ComposeConnectWorkerTest {

    /** The debezium/connect image's own variable names; any other CONNECT_X_Y becomes x.y. */
    private static final Map<String, String> IMAGE_NAMES = Map.of(
            "GROUP_ID", "group.id",
            "CONFIG_STORAGE_TOPIC", "config.storage.topic",
            "OFFSET_STORAGE_TOPIC", "offset.storage.topic",
            "STATUS_STORAGE_TOPIC", "status.storage.topic",
            "CONFIG_STORAGE_REPLICATION_FACTOR", "config.storage.replication.factor",
            "OFFSET_STORAGE_REPLICATION_FACTOR", "offset.storage.replication.factor",
            "STATUS_STORAGE_REPLICATION_FACTOR", "status.storage.replication.factor",
            "KEY_CONVERTER", "key.converter",
            "VALUE_CONVERTER", "value.converter",
            "OFFSET_FLUSH_INTERVAL_MS", "offset.flush.interval.ms");

    @Test
    void theLocalWorkerRunsTheBrokersKafkaAndTheImagesDebezium() throws IOException {
        PlatformHome home = PlatformHome.locate();
        String broker = Files.readString(home.root().resolve("infra/kafka-broker/pom.xml"));
        String connect = Files.readString(home.root().resolve("infra/kafka-connect/pom.xml"));
        String plugin = Files.readString(home.root().resolve("infra/debezium-plugin/pom.xml"));
        String compose = Files.readString(home.root().resolve("infra/docker-compose.yml"));

        assertThat(property(connect, "kafka.version")).isEqualTo(property(broker, "kafka-broker.version"));
        Matcher image =
                Pattern.compile("image: quay.io/debezium/connect:(\\S+)").matcher(compose);
        assertThat(image.find()).isTrue();
        assertThat(property(plugin, "debezium.version")).isEqualTo(image.group(1));
    }

    private static String property(String pom, String name) {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(pom);
        assertThat(m.find()).as(name).isTrue();
        return m.group(1);
    }

    @Test
    void composeRunsTheWorkerSettingsOfInfraConnect() throws IOException {
        PlatformHome home = PlatformHome.locate();
        String compose = Files.readString(home.root().resolve("infra/docker-compose.yml"));
        Matcher service = Pattern.compile("(?s)\n  connect:\n.*?\n    environment:\n(.*?)\n    volumes:")
                .matcher(compose);
        assertThat(service.find()).as("a connect service with an environment").isTrue();
        Map<String, String> composed = new TreeMap<>();
        Matcher variable = Pattern.compile("(?m)^      ([A-Z_]+): (.+)$").matcher(service.group(1));
        while (variable.find()) {
            String name = variable.group(1);
            if (name.equals("BOOTSTRAP_SERVERS")) {
                continue; // where it runs
            }
            String key = IMAGE_NAMES.getOrDefault(
                    name,
                    name.startsWith("CONNECT_")
                            ? name.substring("CONNECT_".length())
                                    .toLowerCase(Locale.ROOT)
                                    .replace('_', '.')
                            : name);
            composed.put(key, variable.group(2).strip());
        }
        for (String topic : new String[] {"config", "offset", "status"}) {
            assertThat(composed.remove(topic + ".storage.replication.factor")).isEqualTo("3");
        }

        Properties worker = KafkaConnectWorker.productionWorkerProperties(home.connectorConfigs());
        Map<String, String> expected = new TreeMap<>();
        worker.stringPropertyNames().forEach(k -> expected.put(k, worker.getProperty(k)));
        assertThat(composed).isEqualTo(expected);
    }
}

package id.go.kemensos.returnee.infra.connect;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kemensos.returnee.infra.kafka.KafkaAccess;
import id.go.kemensos.returnee.infra.stack.PlatformHome;
import java.io.IOException;
import java.nio.file.Files;
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
        Map<String, String> composed = new TreeMap<>();
        Map<String, String> login = new TreeMap<>();
        ConnectImageVariables.ofComposeService(compose).forEach((variable, value) -> {
            String setting = ConnectImageVariables.setting(variable);
            if (setting.matches("((producer|consumer|admin)\\.)?(security\\.protocol|sasl\\..+|ssl\\..+)")) {
                login.put(setting, value); // how the relay logs in to production's brokers
            } else if (!variable.equals("BOOTSTRAP_SERVERS")) { // where it runs
                composed.put(setting, value);
            }
        });
        assertThat(composed).as("a connect service with an environment").isNotEmpty();
        for (String topic : new String[] {"config", "offset", "status"}) {
            assertThat(composed.remove(topic + ".storage.replication.factor")).isEqualTo("3");
        }

        Properties worker = KafkaConnectWorker.productionWorkerProperties(home.connectorConfigs());
        Map<String, String> expected = new TreeMap<>();
        worker.stringPropertyNames().forEach(k -> expected.put(k, worker.getProperty(k)));
        assertThat(composed).isEqualTo(expected);

        for (String client : new String[] {"", "producer.", "consumer.", "admin."}) {
            assertThat(login)
                    .as("the worker's " + (client.isEmpty() ? "own" : client) + " clients log in as the relay over TLS")
                    .containsEntry(client + "security.protocol", "SASL_SSL")
                    .containsEntry(client + "sasl.mechanism", KafkaAccess.MECHANISM)
                    .containsEntry(client + "ssl.truststore.location", "/run/secrets/kafka_ca")
                    .containsEntry(
                            client + "sasl.jaas.config",
                            KafkaAccess.jaasConfig(KafkaAccess.RELAY, "$${dir:/run/secrets:relay_kafka_password}"));
        }
        assertThat(login).hasSize(20);
    }
}

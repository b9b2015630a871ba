package id.go.kemensos.returnee.testsupport.containers;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kemensos.returnee.infra.connect.ConnectImageVariables;
import id.go.kemensos.returnee.infra.connect.ConnectorConfig;
import id.go.kemensos.returnee.infra.connect.KafkaConnectWorker;
import id.go.kemensos.returnee.infra.kafka.KafkaAccess;
import id.go.kemensos.returnee.infra.kafka.KafkaBroker;
import id.go.kemensos.returnee.infra.stack.PlatformHome;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The containers' settings, checked where no container can run: they are docker-compose's images and settings, plus
 * only where the test stack runs.
 */
class ContainerSettingsTest {

    private final PlatformHome home = PlatformHome.locate();
    private final ComposeFile compose = ComposeFile.of(home);

    @Test
    void theImagesAndTheMySqlServersArgumentsAreDockerComposes() {
        assertThat(compose.image("mysql")).isEqualTo("mysql:8.4");
        assertThat(compose.image("apache/kafka")).startsWith("apache/kafka:4.");
        assertThat(compose.image("quay.io/debezium/connect")).startsWith("quay.io/debezium/connect:3.");
        assertThat(compose.mysqlServerArguments())
                .contains("--log-bin=mysql-bin", "--binlog-format=ROW", "--binlog-row-image=FULL", "--gtid-mode=ON")
                .contains("--default-time-zone=+00:00")
                .allMatch(argument -> argument.startsWith("--"));
    }

    @Test
    void theConnectContainerRunsComposesWorkerVariablesAndOnlyAddsWhereItRuns() {
        Map<String, String> environment = ConnectContainer.environment(
                KafkaConnectWorker.productionWorkerProperties(home.connectorConfigs()),
                KafkaContainerBroker.networkBootstrapServers(),
                KafkaAccess.clientSecurity(KafkaAccess.RELAY));

        Map<String, String> composed = ConnectImageVariables.ofComposeService(compose.text());
        assertThat(composed).containsKey("GROUP_ID");
        composed.forEach((variable, value) -> {
            if (variable.equals("BOOTSTRAP_SERVERS")) {
                assertThat(environment.get(variable)).isEqualTo("kafka:" + KafkaBroker.NETWORK_PORT);
            } else if (variable.matches("CONNECT_((PRODUCER|CONSUMER|ADMIN)_)?(SECURITY_PROTOCOL|SASL_.+|SSL_.+)")) {
                // The relay's login: SASL_SSL with production's CA there, the test broker's SASL without TLS here.
                if (variable.contains("SSL_TRUSTSTORE")) {
                    assertThat(environment).doesNotContainKey(variable);
                } else {
                    assertThat(environment).containsKey(variable);
                }
            } else if (variable.endsWith("_REPLICATION_FACTOR")) {
                assertThat(environment.get(variable)).as(variable).isEqualTo("1"); // one broker
            } else {
                assertThat(environment.get(variable)).as(variable).isEqualTo(value);
            }
        });
        assertThat(environment)
                .containsEntry("CONNECT_EXACTLY_ONCE_SOURCE_SUPPORT", "enabled")
                .containsEntry("CONNECT_SECURITY_PROTOCOL", KafkaAccess.SECURITY_PROTOCOL)
                .containsEntry("CONNECT_PRODUCER_SASL_MECHANISM", KafkaAccess.MECHANISM)
                .containsKey("CONNECT_ADMIN_SASL_JAAS_CONFIG");
        assertThat(environment.keySet())
                .allMatch(
                        v -> composed.containsKey(v)
                                || v.equals("CONNECT_REST_ADVERTISED_HOST_NAME")
                                || v.matches(
                                        "CONNECT_((PRODUCER|CONSUMER|ADMIN)_)?(SECURITY_PROTOCOL|SASL_MECHANISM|SASL_JAAS_CONFIG)"));
    }

    @Test
    void theConnectorsRunProductionsConfigurationReachingTheContainersByName() {
        ConnectorConfig.LocalEndpoints endpoints = ContainerInfrastructure.endpoints(home);
        for (ConnectorConfig connector : ConnectorConfig.readAll(home.connectorConfigs())) {
            Map<String, String> run = connector.forLocalWorker(endpoints);
            assertThat(run.get("connector.class")).isEqualTo("io.debezium.connector.mysql.MySqlConnector");
            assertThat(run.get("database.hostname")).isEqualTo("mysql");
            assertThat(run.get("database.port")).isEqualTo("3306");
            assertThat(run).doesNotContainKey("database.ssl.mode");
            connector.config().forEach((key, value) -> {
                if (!ConnectorConfig.LOCAL_OVERRIDES.contains(key)) {
                    assertThat(run.get(key)).as(connector.name() + " " + key).isEqualTo(value);
                }
            });
        }
    }

    @Test
    void theBrokerIsFormattedWithEveryPrincipalsLoginAndListensOnTheContainerNetworkToo() {
        String start = KafkaContainerBroker.startCommand();
        for (String principal : KafkaAccess.principals()) {
            assertThat(start).contains("'SCRAM-SHA-512=[name=" + principal + ",password=");
        }
        assertThat(start).endsWith("exec /opt/kafka/bin/kafka-server-start.sh /tmp/server.properties");

        String properties = KafkaBroker.serverProperties("/tmp/kraft-data", "0.0.0.0", "kafka:19092");
        assertThat(properties)
                .contains("listeners=SASL_PLAINTEXT://0.0.0.0:9092,CONTROLLER://127.0.0.1:9093,NETWORK://0.0.0.0:19092")
                .contains("advertised.listeners=SASL_PLAINTEXT://127.0.0.1:9092,NETWORK://kafka:19092")
                .contains("NETWORK:SASL_PLAINTEXT")
                .contains("allow.everyone.if.no.acl.found=false");
    }
}

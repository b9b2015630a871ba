package id.go.kemensos.returnee.testsupport.containers;

import id.go.kemensos.returnee.infra.connect.ConnectorConfig;
import id.go.kemensos.returnee.infra.kafka.KafkaAccess;
import id.go.kemensos.returnee.infra.stack.PlatformHome;
import id.go.kemensos.returnee.infra.stack.StackInfrastructure;
import org.testcontainers.containers.Network;

/**
 * The stack on production's images, for machines with a Docker engine (a developer's laptop, a ministry's CI): MySQL
 * 8.4, the Kafka broker and Debezium's Connect worker as docker-compose runs them, on one container network and
 * published on the local stack's ports; Keycloak, the simulators and the services stay this machine's processes. The
 * outbox connectors run production's configuration with its MySQL connector class; they reach the database and the
 * broker by their names on the container network. Our machines have no Docker engine: this path has not been run
 * here (InfrastructureChoice picks it only where an engine answers).
 */
public final class ContainerInfrastructure {

    private ContainerInfrastructure() {}

    public static StackInfrastructure create(PlatformHome home) {
        ComposeFile compose = ComposeFile.of(home);
        Network network = Network.newNetwork();
        ConnectorConfig.LocalEndpoints endpoints = endpoints(home);
        return new StackInfrastructure(
                "containers (" + compose.image("mysql") + ", " + compose.image("apache/kafka") + ", "
                        + compose.image("quay.io/debezium/connect") + ")",
                new MySqlContainerDatabase(compose, network),
                new KafkaContainerBroker(compose, network),
                new ConnectContainer(compose, network, endpoints.bootstrapServers(), endpoints.kafkaSecurity()),
                endpoints);
    }

    /** How the connectors in the Connect container reach the database and the broker. */
    static ConnectorConfig.LocalEndpoints endpoints(PlatformHome home) {
        String productionClass =
                ConnectorConfig.readAll(home.connectorConfigs()).get(0).get("connector.class");
        return new ConnectorConfig.LocalEndpoints(
                productionClass,
                MySqlContainerDatabase.NETWORK_ALIAS,
                MySqlContainerDatabase.CONTAINER_PORT,
                "debezium-local",
                null, // production's TLS setting: MySQL 8.4 has a certificate
                KafkaContainerBroker.networkBootstrapServers(),
                KafkaAccess.clientSecurity(KafkaAccess.RELAY));
    }
}

package id.go.kemensos.returnee.infra.stack;

import id.go.kemensos.returnee.infra.connect.ConnectWorkerRuntime;
import id.go.kemensos.returnee.infra.connect.ConnectorConfig;
import id.go.kemensos.returnee.infra.connect.LocalConnectJvm;
import id.go.kemensos.returnee.infra.kafka.KafkaAccess;
import id.go.kemensos.returnee.infra.kafka.KafkaBroker;
import id.go.kemensos.returnee.infra.mariadb.MariaDbServer;

/**
 * What the stack runs on: the database, the broker, where the Connect worker runs, and how the outbox connectors reach
 * the database and the broker from there. Everything answers on the same local ports either way.
 *
 * @param description for the health report and the logs
 */
public record StackInfrastructure(
        String description,
        StackDatabase database,
        StackBroker broker,
        ConnectWorkerRuntime connectRuntime,
        ConnectorConfig.LocalEndpoints connectorEndpoints) {

    /** This machine's own processes: MariaDB, the broker's JVM and the Connect worker's JVM (the launcher's, CI's). */
    public static StackInfrastructure localProcesses(PlatformHome home) {
        KafkaBroker broker = new KafkaBroker(home);
        ConnectorConfig.LocalEndpoints endpoints = new ConnectorConfig.LocalEndpoints(
                ConnectorConfig.MARIADB_CONNECTOR_CLASS,
                "127.0.0.1",
                MariaDbServer.PORT,
                System.getenv().getOrDefault("DEBEZIUM_PASSWORD", "debezium-local"),
                "disable",
                broker.bootstrapServers(),
                KafkaAccess.clientSecurity(KafkaAccess.RELAY));
        return new StackInfrastructure(
                "local processes (MariaDB, Kafka and Kafka Connect JVMs)",
                new MariaDbServer(home),
                broker,
                new LocalConnectJvm(home, endpoints.bootstrapServers(), endpoints.kafkaSecurity()),
                endpoints);
    }
}

package id.go.kemensos.returnee.testsupport.containers;

import id.go.kemensos.returnee.infra.kafka.KafkaAccess;
import id.go.kemensos.returnee.infra.kafka.KafkaBroker;
import id.go.kemensos.returnee.infra.stack.StackBroker;
import java.time.Duration;
import java.util.stream.Collectors;
import org.apache.kafka.common.Uuid;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;

/**
 * The broker of docker-compose's image, with the local broker's settings (KafkaBroker.serverProperties: KRaft, SCRAM
 * logins, ACLs enforced) and a second SCRAM listener the Connect container reaches it at; its storage is formatted
 * with every principal's credential, as the local broker's is.
 */
final class KafkaContainerBroker implements StackBroker {

    static final String NETWORK_ALIAS = "kafka";
    private static final String CONFIG = "/tmp/server.properties";

    private final GenericContainer<?> container;

    KafkaContainerBroker(ComposeFile compose, Network network) {
        String properties = KafkaBroker.serverProperties(
                "/tmp/kraft-data", "0.0.0.0", NETWORK_ALIAS + ":" + KafkaBroker.NETWORK_PORT);
        this.container = new GenericContainer<>(compose.image("apache/kafka"))
                .withNetwork(network)
                .withNetworkAliases(NETWORK_ALIAS)
                .withCopyToContainer(Transferable.of(properties), CONFIG)
                .withCommand("sh", "-c", startCommand())
                .withCreateContainerCmdModifier(FixedHostPort.publish(KafkaBroker.PORT, KafkaBroker.PORT))
                .waitingFor(
                        Wait.forLogMessage(".*Kafka Server started.*", 1).withStartupTimeout(Duration.ofMinutes(2)));
    }

    /** Formats the storage with every principal's SCRAM credential, then runs the broker. */
    static String startCommand() {
        String credentials = KafkaAccess.formatScramArguments().stream()
                .map(argument -> "'" + argument + "'")
                .collect(Collectors.joining(" "));
        return "/opt/kafka/bin/kafka-storage.sh format --ignore-formatted --cluster-id " + Uuid.randomUuid()
                + " --config " + CONFIG + " " + credentials + " && exec /opt/kafka/bin/kafka-server-start.sh "
                + CONFIG;
    }

    /** Where the Connect container reaches it. */
    static String networkBootstrapServers() {
        return NETWORK_ALIAS + ":" + KafkaBroker.NETWORK_PORT;
    }

    @Override
    public void start() {
        container.start();
    }

    @Override
    public String bootstrapServers() {
        return "127.0.0.1:" + KafkaBroker.PORT;
    }

    @Override
    public void close() {
        container.stop();
    }
}

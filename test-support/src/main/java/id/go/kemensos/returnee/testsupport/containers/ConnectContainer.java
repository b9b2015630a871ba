package id.go.kemensos.returnee.testsupport.containers;

import com.github.dockerjava.api.DockerClient;
import id.go.kemensos.returnee.infra.connect.ConnectImageVariables;
import id.go.kemensos.returnee.infra.connect.ConnectWorkerRuntime;
import id.go.kemensos.returnee.infra.connect.KafkaConnectWorker;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * The Connect worker as docker-compose runs it: Debezium's image (with its MySQL connector and the outbox
 * EventRouter), production's worker settings as the image's variables, its REST API published on the local worker's
 * port. Stopped (SIGTERM), killed (SIGKILL) and started again as the same container, so its restarts are a process's.
 */
final class ConnectContainer implements ConnectWorkerRuntime {

    static final int CONTAINER_PORT = 8083;

    private final String image;
    private final Network network;
    private final String bootstrapServers;
    private final Map<String, Object> kafkaSecurity;
    private GenericContainer<?> container;

    /**
     * @param bootstrapServers where the broker is reached from inside the container network
     * @param kafkaSecurity    the relay's Kafka login
     */
    ConnectContainer(ComposeFile compose, Network network, String bootstrapServers, Map<String, Object> kafkaSecurity) {
        this.image = compose.image("quay.io/debezium/connect");
        this.network = network;
        this.bootstrapServers = bootstrapServers;
        this.kafkaSecurity = Map.copyOf(kafkaSecurity);
    }

    /** The container's variables: production's settings on the one broker, and the host name it advertises. */
    static Map<String, String> environment(
            Properties production, String bootstrapServers, Map<String, Object> kafkaSecurity) {
        Properties settings = KafkaConnectWorker.onOneBroker(production, bootstrapServers, kafkaSecurity);
        settings.setProperty("rest.advertised.host.name", "connect");
        Map<String, String> environment = new TreeMap<>();
        settings.stringPropertyNames()
                .forEach(key -> environment.put(ConnectImageVariables.variable(key), settings.getProperty(key)));
        return environment;
    }

    @Override
    public synchronized void launch(Properties production) {
        if (container == null) {
            container = new GenericContainer<>(image)
                    .withNetwork(network)
                    .withNetworkAliases("connect")
                    .withEnv(environment(production, bootstrapServers, kafkaSecurity))
                    .withCreateContainerCmdModifier(FixedHostPort.publish(KafkaConnectWorker.PORT, CONTAINER_PORT))
                    .waitingFor(Wait.forHttp("/connectors")
                            .forPort(CONTAINER_PORT)
                            .withStartupTimeout(Duration.ofMinutes(3)));
            container.start();
        } else {
            docker().startContainerCmd(container.getContainerId()).exec(); // KafkaConnectWorker waits for its API
        }
    }

    @Override
    public synchronized boolean isAlive() {
        if (container == null || container.getContainerId() == null) {
            return false;
        }
        Boolean running = docker().inspectContainerCmd(container.getContainerId())
                .exec()
                .getState()
                .getRunning();
        return Boolean.TRUE.equals(running);
    }

    @Override
    public synchronized void stop() {
        if (isAlive()) {
            docker().stopContainerCmd(container.getContainerId())
                    .withTimeout(30)
                    .exec();
        }
    }

    @Override
    public synchronized void kill() {
        if (isAlive()) {
            docker().killContainerCmd(container.getContainerId())
                    .withSignal("KILL")
                    .exec();
        }
    }

    @Override
    public String logLocation() {
        return container == null ? "the connect container (not started)" : "docker logs " + container.getContainerId();
    }

    private static DockerClient docker() {
        return DockerClientFactory.instance().client();
    }
}

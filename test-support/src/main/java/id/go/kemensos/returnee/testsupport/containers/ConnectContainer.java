package id.go.kemensos.returnee.testsupport.containers;

import com.github.dockerjava.api.DockerClient;
import id.go.kemensos.returnee.infra.connect.ConnectWorkerRuntime;
import id.go.kemensos.returnee.infra.connect.KafkaConnectWorker;
import java.time.Duration;
import java.util.Locale;
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

    /** The image's own names for some settings; any other setting x.y is CONNECT_X_Y (as compose writes them). */
    static final Map<String, String> IMAGE_NAMES = Map.ofEntries(
            Map.entry("bootstrap.servers", "BOOTSTRAP_SERVERS"),
            Map.entry("group.id", "GROUP_ID"),
            Map.entry("config.storage.topic", "CONFIG_STORAGE_TOPIC"),
            Map.entry("offset.storage.topic", "OFFSET_STORAGE_TOPIC"),
            Map.entry("status.storage.topic", "STATUS_STORAGE_TOPIC"),
            Map.entry("config.storage.replication.factor", "CONFIG_STORAGE_REPLICATION_FACTOR"),
            Map.entry("offset.storage.replication.factor", "OFFSET_STORAGE_REPLICATION_FACTOR"),
            Map.entry("status.storage.replication.factor", "STATUS_STORAGE_REPLICATION_FACTOR"),
            Map.entry("key.converter", "KEY_CONVERTER"),
            Map.entry("value.converter", "VALUE_CONVERTER"),
            Map.entry("offset.flush.interval.ms", "OFFSET_FLUSH_INTERVAL_MS"));

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

    /** The container's variables: production's settings and where it runs (broker, one replica, the relay's login). */
    static Map<String, String> environment(
            Properties production, String bootstrapServers, Map<String, Object> kafkaSecurity) {
        Properties settings = new Properties();
        settings.putAll(production);
        settings.setProperty("bootstrap.servers", bootstrapServers);
        for (String topic : new String[] {"config", "offset", "status"}) {
            settings.setProperty(topic + ".storage.replication.factor", "1");
        }
        settings.setProperty("rest.advertised.host.name", "connect");
        kafkaSecurity.forEach((k, v) -> {
            for (String prefix : new String[] {"", "producer.", "consumer.", "admin."}) {
                settings.setProperty(prefix + k, String.valueOf(v));
            }
        });
        Map<String, String> environment = new TreeMap<>();
        settings.stringPropertyNames().forEach(key -> environment.put(variable(key), settings.getProperty(key)));
        return environment;
    }

    static String variable(String setting) {
        String own = IMAGE_NAMES.get(setting);
        return own != null ? own : "CONNECT_" + setting.toUpperCase(Locale.ROOT).replace('.', '_');
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

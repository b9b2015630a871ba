package id.go.kemensos.returnee.infra.kafka;

import id.go.kemensos.returnee.infra.stack.ManagedProcess;
import id.go.kemensos.returnee.infra.stack.PlatformHome;
import id.go.kemensos.returnee.infra.stack.StackBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Kafka broker in KRaft combined mode (broker and controller, one node), run in its own JVM from the artifacts
 * that infra/kafka-broker copies, with its data under work/kafka. Internal topics have replication factor and min ISR
 * 1. Clients (and the broker itself, as {@code admin}) log in with SASL/SCRAM-SHA-512 on 9092, and only the ACLs of
 * {@link KafkaAccess} allow anything: every principal's credential is seeded when the storage is formatted and set
 * again at every start (a principal added later works on an existing data dir too).
 */
public final class KafkaBroker implements StackBroker {

    public static final int PORT = 9092;
    /** A broker in a container: the listener other containers (the Connect worker) reach it at. */
    public static final int NETWORK_PORT = 19092;

    private static final int CONTROLLER_PORT = 9093;
    private static final Logger log = LoggerFactory.getLogger(KafkaBroker.class);

    private final PlatformHome home;
    private ManagedProcess process;

    public KafkaBroker(PlatformHome home) {
        this.home = home;
    }

    @Override
    public String bootstrapServers() {
        return "127.0.0.1:" + PORT;
    }

    /** Starts the broker, or adopts one already listening (another JVM of this project started it). */
    @Override
    public void start() {
        if (ManagedProcess.isListening(PORT)) {
            log.info("Kafka already listening on {}; using it", PORT);
            awaitReady(Duration.ofSeconds(60));
            KafkaAccess.upsertCredentials(bootstrapServers());
            return;
        }
        Path libs = home.brokerLibs();
        if (!Files.isDirectory(libs)) {
            throw new IllegalStateException("The broker's classpath " + libs
                    + " is missing; build it first: ./mvnw -pl infra/kafka-broker package");
        }
        Path dir = home.workDir("kafka");
        Path data = dir.resolve("data");
        Path config = writeServerProperties(dir, data);
        String classpath = libs + "/*";
        if (!Files.exists(data.resolve("meta.properties"))) {
            log.info("Formatting new KRaft storage at {}", data);
            List<String> format = new ArrayList<>(List.of(
                    java(),
                    "-cp",
                    classpath,
                    "-Dlog4j2.configurationFile=" + libs.resolve("broker-log4j2.yaml"),
                    "-Dkafka.logs.dir=" + dir,
                    "kafka.tools.StorageTool",
                    "format",
                    "--cluster-id",
                    Uuid.randomUuid().toString(),
                    "--config",
                    config.toString(),
                    "--ignore-formatted"));
            format.addAll(
                    KafkaAccess.formatScramArguments()); // the broker's own login (admin) must exist before it starts
            ManagedProcess.run("kafka-storage format", format, dir, dir.resolve("format.log"), Duration.ofMinutes(2));
        }
        process = ManagedProcess.start(
                "Kafka broker",
                List.of(
                        java(),
                        // One broker with a few dozen partitions: half of Kafka's default heap, and 250 MiB less of
                        // the stack's resident memory (the page cache holds the log, not the heap).
                        "-Xms256m",
                        "-Xmx512m",
                        "-XX:+UseG1GC",
                        "-Dkafka.logs.dir=" + dir,
                        "-Dlog4j2.configurationFile=" + libs.resolve("broker-log4j2.yaml"),
                        "-cp",
                        classpath,
                        "kafka.Kafka",
                        config.toString()),
                dir,
                dir.resolve("broker.out"));
        try {
            process.awaitPort(PORT, Duration.ofSeconds(90));
            awaitReady(Duration.ofSeconds(90));
            KafkaAccess.upsertCredentials(bootstrapServers());
        } catch (RuntimeException e) {
            close(); // the stack stops only what started: a broker that cannot be used is stopped here
            throw e;
        }
        log.info("Kafka broker ready on {} (data {})", bootstrapServers(), data);
    }

    private Path writeServerProperties(Path dir, Path data) {
        Path file = dir.resolve("server.properties");
        try {
            Files.writeString(file, serverProperties(data.toString(), "127.0.0.1", null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /**
     * The broker's settings, this JVM's and a container's alike.
     *
     * @param bindHost         where the client listener (advertised as 127.0.0.1:{@value #PORT}) listens
     * @param networkAdvertised for a broker in a container, the host:port of a second SCRAM listener (port
     *                         {@value #NETWORK_PORT}) that other containers reach it at; null for none
     */
    public static String serverProperties(String data, String bindHost, String networkAdvertised) {
        String scram = KafkaAccess.MECHANISM.toLowerCase(java.util.Locale.ROOT);
        String brokerLogin = KafkaAccess.jaasConfig(KafkaAccess.ADMIN, KafkaAccess.localPassword(KafkaAccess.ADMIN));
        String network = networkAdvertised == null ? "" : ",NETWORK://0.0.0.0:" + NETWORK_PORT;
        return String.join(
                "\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + CONTROLLER_PORT,
                "listeners=SASL_PLAINTEXT://" + bindHost + ":" + PORT + ",CONTROLLER://127.0.0.1:" + CONTROLLER_PORT
                        + network,
                "advertised.listeners=SASL_PLAINTEXT://127.0.0.1:" + PORT
                        + (networkAdvertised == null ? "" : ",NETWORK://" + networkAdvertised),
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=SASL_PLAINTEXT",
                "listener.security.protocol.map=SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT"
                        + (networkAdvertised == null ? "" : ",NETWORK:SASL_PLAINTEXT"),
                "sasl.enabled.mechanisms=" + KafkaAccess.MECHANISM,
                "sasl.mechanism.inter.broker.protocol=" + KafkaAccess.MECHANISM,
                // The broker logs in to its own client listener as admin (SCRAM credentials live in the metadata log).
                "listener.name.sasl_plaintext." + scram + ".sasl.jaas.config=" + brokerLogin,
                networkAdvertised == null ? "" : "listener.name.network." + scram + ".sasl.jaas.config=" + brokerLogin,
                "authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer",
                "allow.everyone.if.no.acl.found=false",
                // The CONTROLLER listener stays PLAINTEXT (KRaft controllers cannot check SCRAM, whose credentials are
                // in the
                // metadata they serve), so the broker half of this node reaches its controller half as User:ANONYMOUS
                // and
                // needs cluster actions there: ANONYMOUS is a super user. Only the controller listener yields ANONYMOUS
                // (the
                // client listener requires a SCRAM login), and it is bound to 127.0.0.1.
                "super.users=User:" + KafkaAccess.ADMIN + ";User:ANONYMOUS",
                "log.dirs=" + data,
                "num.partitions=6",
                "auto.create.topics.enable=false",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=12",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                // Aborts a killed relay's timed-out transaction within a second of its timeout, not ten.
                "transaction.abort.timed.out.transaction.cleanup.interval.ms=1000",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "log.retention.hours=-1",
                "");
    }

    private void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        Instant refusedSince = null;
        try (Admin admin = Admin.create(KafkaAccess.asAdmin(
                bootstrapServers(),
                Map.of(
                        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                        5000,
                        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                        5000)))) {
            while (true) {
                try {
                    if (!admin.describeCluster()
                            .nodes()
                            .get(5, TimeUnit.SECONDS)
                            .isEmpty()) {
                        return;
                    }
                } catch (Exception e) {
                    // Refused for some seconds on end (not just while the broker loads its metadata): no such
                    // credential.
                    refusedSince = e.getCause() instanceof SaslAuthenticationException
                            ? (refusedSince == null ? Instant.now() : refusedSince)
                            : null;
                    if (refusedSince != null && Instant.now().isAfter(refusedSince.plusSeconds(10))) {
                        throw new IllegalStateException(
                                "Kafka refuses the admin login: its data in " + home.workDir("kafka")
                                        + " was formatted before Kafka had principals; delete work/ (or "
                                        + "work/kafka) for a fresh stack");
                    }
                    if (Instant.now().isAfter(deadline)) {
                        throw new IllegalStateException("Kafka broker not ready after " + timeout, e);
                    }
                }
                ManagedProcess.pause(Duration.ofMillis(200));
            }
        }
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    @Override
    public void close() {
        if (process != null) {
            process.stop(Duration.ofSeconds(60));
            process = null;
        }
    }
}

package id.go.kemensos.returnee.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.kemensos.returnee.contracts.Topics;
import id.go.kemensos.returnee.infra.kafka.KafkaAccess;
import id.go.kemensos.returnee.infra.stack.ManagedProcess;
import id.go.kemensos.returnee.infra.stack.PlatformHome;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The production cluster's node, as docker-compose runs it: infra/production/kafka/broker.sh started on a real broker
 * (the Maven artifacts of the local stack's, behind the bin/ scripts the apache/kafka image has), with certificates
 * made here by keytool, then the compose jobs' topics.sh and acls.sh as admin. Clients get in only over TLS with
 * their SCRAM login, each principal only where KafkaAccess lets it, and the controller listener wants a certificate.
 */
class ProductionKafkaClusterIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String TLS_PASSWORD = "tlsSecret20261206";

    private static Path dir;
    private static Path secrets;
    private static int clientPort;
    private static int controllerPort;
    private static ManagedProcess broker;
    private static final Map<String, String> passwords = new HashMap<>();

    @BeforeAll
    static void startTheNodeAndRunTheJobs() throws Exception {
        PlatformHome home = PlatformHome.locate();
        dir = Files.createTempDirectory("production-kafka");
        secrets = Files.createDirectories(dir.resolve("secrets"));
        clientPort = freePort();
        controllerPort = freePort();
        makeCertificates();
        write("kafka_tls_password", TLS_PASSWORD);
        write("kafka_broker_password", "broker" + "Pw1");
        for (String principal : KafkaAccess.principals()) {
            String password = principal + "Pw" + principal.length();
            passwords.put(principal, password);
            write(principal + "_kafka_password", password);
        }
        Path kafkaHome = imageBin(home);
        Path scripts = home.root().resolve("infra/production/kafka");

        ProcessBuilder node = script(scripts.resolve("broker.sh"), kafkaHome);
        node.environment()
                .putAll(Map.of(
                        "KAFKA_NODE_ID", "1",
                        "KAFKA_CONTROLLER_QUORUM_VOTERS", "1@localhost:" + controllerPort,
                        "KAFKA_ADVERTISED_HOST", "localhost",
                        "CLUSTER_ID", org.apache.kafka.common.Uuid.randomUuid().toString(),
                        "KAFKA_DATA_DIR", dir.resolve("data").toString(),
                        "KAFKA_CONFIG_FILE",
                                dir.resolve("config/broker.properties").toString(),
                        "KAFKA_CLIENT_PORT", String.valueOf(clientPort),
                        "KAFKA_CONTROLLER_PORT", String.valueOf(controllerPort)));
        broker = ManagedProcess.start("production Kafka node", node, dir, dir.resolve("broker.log"));
        broker.awaitPort(clientPort, PATIENCE);

        for (String job : List.of("topics.sh", "acls.sh")) {
            ProcessBuilder run = script(scripts.resolve(job), kafkaHome);
            run.environment().put("KAFKA_BOOTSTRAP", "localhost:" + clientPort);
            ManagedProcess.run(job, run, dir, dir.resolve(job + ".log"), Duration.ofMinutes(5));
        }
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.stop(Duration.ofSeconds(20));
        }
    }

    @Test
    void theJobsMadeTheTopicsKeptForeverAndGaveEveryAcl() throws Exception {
        try (Admin admin = Admin.create(client(KafkaAccess.ADMIN, passwords.get(KafkaAccess.ADMIN)))) {
            Set<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            for (String events : Topics.allEventTopics()) {
                assertThat(topics).contains(events, Topics.deadLetterOf(events));
            }
            ConfigResource ledger = new ConfigResource(ConfigResource.Type.TOPIC, "registration.events");
            Config config = admin.describeConfigs(List.of(ledger))
                    .all()
                    .get(30, TimeUnit.SECONDS)
                    .get(ledger);
            assertThat(config.get("retention.ms").value()).isEqualTo("-1");
            assertThat(admin.describeAcls(AclBindingFilter.ANY).values().get(30, TimeUnit.SECONDS))
                    .as("every ACL of KafkaAccess, nothing more")
                    .containsExactlyInAnyOrderElementsOf(KafkaAccess.acls());
        }
        assertThat(Files.readString(dir.resolve("acls.sh.log")))
                .contains("Kafka ACLs in place: " + KafkaAccess.acls().size());
    }

    @Test
    void aServiceReadsWhatItConsumesAndWritesNoEventTopic() throws Exception {
        Map<String, Object> consumer = client("registration", passwords.get("registration"));
        consumer.putAll(Map.of(
                ConsumerConfig.GROUP_ID_CONFIG,
                "registration",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest"));
        try (KafkaConsumer<String, String> registration = new KafkaConsumer<>(consumer)) {
            registration.subscribe(List.of("eligibility.events"));
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (registration.assignment().isEmpty() && System.nanoTime() < deadline) {
                registration.poll(Duration.ofSeconds(1));
            }
            assertThat(registration.assignment())
                    .as("it joined its group and read its topic")
                    .isNotEmpty();
        }

        assertThatThrownBy(() -> send("registration", "disbursement.events"))
                .as("a service never writes an event topic")
                .hasRootCauseInstanceOf(TopicAuthorizationException.class);
        send(KafkaAccess.RELAY, "registration.events"); // the relay does
    }

    @Test
    void withoutTlsOrWithAWrongPasswordNobodyGetsIn() throws Exception {
        assertThatThrownBy(() -> describeCluster(client("registration", "not-the-password")))
                .hasRootCauseInstanceOf(SaslAuthenticationException.class);

        Map<String, Object> plain = client("registration", passwords.get("registration"));
        plain.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        assertThatThrownBy(() -> describeCluster(plain))
                .as("the client listener speaks TLS only")
                .isInstanceOf(Exception.class);

        // The controller listener checks the caller's certificate: a client with none is refused in the handshake.
        SSLContext tls = SSLContext.getInstance("TLS");
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(caTrustStore());
        tls.init(null, trust.getTrustManagers(), null);
        assertThatThrownBy(() -> {
                    try (SSLSocket socket =
                            (SSLSocket) tls.getSocketFactory().createSocket("localhost", controllerPort)) {
                        socket.setSoTimeout(10_000);
                        socket.startHandshake();
                        // TLS 1.3 reports a refused client certificate on the first read, not in the handshake.
                        socket.getOutputStream().write(new byte[] {0, 0, 0, 1, 0});
                        socket.getOutputStream().flush();
                        int read = socket.getInputStream().read();
                        throw new IOException("the controller answered " + read);
                    }
                })
                // the refusal's alert, or the connection already closed under our write: refused either way
                .isInstanceOfAny(javax.net.ssl.SSLException.class, java.net.SocketException.class);
    }

    private static void describeCluster(Map<String, Object> config) throws Exception {
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 8000);
        try (Admin admin = Admin.create(config)) {
            admin.describeCluster().nodes().get(15, TimeUnit.SECONDS);
        }
    }

    private static void send(String principal, String topic) throws ExecutionException, InterruptedException {
        Map<String, Object> config = client(principal, passwords.get(principal));
        config.putAll(Map.of(
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>(topic, "k", "{}")).get();
        }
    }

    /** A client of the node as a service is configured in docker-compose: SASL_SSL, SCRAM, the cluster's CA. */
    private static Map<String, Object> client(String principal, String password) {
        Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + clientPort);
        config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL");
        config.put(SaslConfigs.SASL_MECHANISM, KafkaAccess.MECHANISM);
        config.put(SaslConfigs.SASL_JAAS_CONFIG, KafkaAccess.jaasConfig(principal, password));
        config.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PEM");
        config.put(
                SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG,
                secrets.resolve("kafka_ca").toString());
        return config;
    }

    /**
     * The distribution's bin/ scripts that the apache/kafka image has, over the local broker's artifacts (as
     * kafka-run-class.sh runs them).
     */
    private static Path imageBin(PlatformHome home) throws IOException {
        Path kafkaHome = Files.createDirectories(dir.resolve("kafka-home/bin")).getParent();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path libs = home.brokerLibs();
        Map<String, String> tools = Map.of(
                "kafka-storage.sh", "kafka.tools.StorageTool",
                "kafka-server-start.sh", "kafka.Kafka",
                "kafka-topics.sh", "org.apache.kafka.tools.TopicCommand",
                "kafka-configs.sh", "kafka.admin.ConfigCommand",
                "kafka-acls.sh", "org.apache.kafka.tools.AclCommand");
        Path archives = Files.createDirectories(dir.resolve("cds"));
        for (Map.Entry<String, String> tool : tools.entrySet()) {
            // The topics and ACL scripts start some sixty tool JVMs: each tool's classes are archived by its first run
            // and mapped by the next (the image's own start-up is not what this test is about).
            Path archive = archives.resolve(tool.getKey() + ".jsa");
            String heap = tool.getValue().equals("kafka.Kafka")
                    ? "-Xmx512m"
                    : "-Xmx128m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xlog:disable -Xlog:all=error:stderr"
                            + " $(test -f " + archive + " && echo -XX:SharedArchiveFile=" + archive
                            + " || echo -XX:ArchiveClassesAtExit=" + archive + ")";
            Path script = kafkaHome.resolve("bin").resolve(tool.getKey());
            Files.writeString(
                    script,
                    "#!/bin/sh\nexec " + java + " " + heap + " -Dlog4j2.configurationFile="
                            + libs.resolve("broker-log4j2.yaml") + " -Dkafka.logs.dir=" + dir + " -cp '" + libs + "/*' "
                            + tool.getValue() + " \"$@\"\n");
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return kafkaHome;
    }

    private static ProcessBuilder script(Path script, Path kafkaHome) {
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString());
        builder.environment().put("KAFKA_HOME", kafkaHome.toString());
        builder.environment().put("KAFKA_SECRETS_DIR", secrets.toString());
        builder.environment().put("KAFKA_REPLICATION_FACTOR", "1");
        builder.environment().put("KAFKA_MIN_INSYNC_REPLICAS", "1");
        return builder;
    }

    /** A CA of the cluster's own, and this node's key with a certificate it signed for the name clients use. */
    private static void makeCertificates() throws Exception {
        String ca = secrets.resolve("kafka_ca").toString();
        String node = secrets.resolve("kafka_keystore.p12").toString();
        String store = " -storetype PKCS12 -storepass " + TLS_PASSWORD;
        keytool("-genkeypair -alias ca -keyalg RSA -keysize 2048 -dname CN=returnee-kafka-ca -ext bc:c -validity 30"
                + " -keystore ca.p12" + store);
        keytool("-exportcert -rfc -alias ca -keystore ca.p12 -file " + ca + store);
        keytool("-genkeypair -alias node -keyalg RSA -keysize 2048 -dname CN=localhost -validity 30 -keystore " + node
                + store);
        keytool("-certreq -alias node -file node.csr -keystore " + node + store);
        keytool("-gencert -alias ca -keystore ca.p12 -infile node.csr -outfile node.crt -rfc -validity 30"
                + " -ext san=dns:localhost,ip:127.0.0.1 -ext eku=serverAuth,clientAuth" + store);
        keytool("-importcert -noprompt -alias ca -file " + ca + " -keystore " + node + store);
        keytool("-importcert -noprompt -alias node -file node.crt -keystore " + node + store);
    }

    /** keytool with these arguments (no argument here holds a space). */
    private static void keytool(String arguments) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments.split(" ")));
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as("keytool " + arguments + ": " + output).isZero();
    }

    private static KeyStore caTrustStore() throws Exception {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (InputStream pem = Files.newInputStream(secrets.resolve("kafka_ca"))) {
            Certificate ca = CertificateFactory.getInstance("X.509").generateCertificate(pem);
            store.setCertificateEntry("ca", ca);
        }
        return store;
    }

    private static void write(String secret, String value) throws IOException {
        Files.writeString(secrets.resolve(secret), value + "\n");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

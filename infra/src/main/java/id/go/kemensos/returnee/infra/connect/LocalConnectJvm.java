package id.go.kemensos.returnee.infra.connect;

import id.go.kemensos.returnee.infra.stack.ManagedProcess;
import id.go.kemensos.returnee.infra.stack.PlatformHome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The Connect worker in its own JVM, from the artifacts of infra/kafka-connect, with Debezium's MariaDB connector and
 * the outbox EventRouter on its plugin path (infra/debezium-plugin).
 */
public final class LocalConnectJvm implements ConnectWorkerRuntime {

    private final PlatformHome home;
    private final String bootstrapServers;
    private final Map<String, Object> kafkaSecurity;
    private ManagedProcess process;

    /** @param kafkaSecurity the relay's Kafka login (security.protocol, sasl.*) */
    public LocalConnectJvm(PlatformHome home, String bootstrapServers, Map<String, Object> kafkaSecurity) {
        this.home = home;
        this.bootstrapServers = bootstrapServers;
        this.kafkaSecurity = Map.copyOf(kafkaSecurity);
    }

    @Override
    public void launch(Properties production) {
        Path libs = home.connectLibs();
        Path plugins = home.connectPlugins();
        for (Path needed : List.of(libs, plugins)) {
            if (!Files.isDirectory(needed)) {
                throw new IllegalStateException("Kafka Connect's " + needed
                        + " is missing; build it first: ./mvnw -pl infra/kafka-connect,infra/debezium-plugin package");
            }
        }
        Path dir = home.workDir("connect");
        Path properties = write(dir, workerProperties(production, plugins));
        process = ManagedProcess.start(
                "Kafka Connect worker",
                List.of(
                        java(),
                        // A long-running relay gets the full JIT and the default collector; in the CDC benchmark it
                        // moved the same share of the JDBC floor as with C1 and the serial collector (41 and 40 %).
                        "-Xms256m",
                        "-Xmx512m",
                        "-Dkafka.logs.dir=" + dir,
                        "-Dlog4j2.configurationFile=" + libs.resolve("connect-log4j2.yaml"),
                        "-cp",
                        libs + "/*",
                        "org.apache.kafka.connect.cli.ConnectDistributed",
                        properties.toString()),
                dir,
                dir.resolve("connect.out"));
    }

    /** Production's worker settings and what differs where this one runs. */
    Properties workerProperties(Properties production, Path plugins) {
        Properties p = KafkaConnectWorker.onOneBroker(production, bootstrapServers, kafkaSecurity);
        p.setProperty("listeners", KafkaConnectWorker.baseUrl());
        p.setProperty("rest.advertised.host.name", "127.0.0.1");
        p.setProperty("rest.advertised.port", String.valueOf(KafkaConnectWorker.PORT));
        p.setProperty("plugin.path", plugins.toAbsolutePath().toString());
        return p;
    }

    private static Path write(Path dir, Properties properties) {
        Path file = dir.resolve("worker.properties");
        StringBuilder text = new StringBuilder("# Written by LocalConnectJvm at each start; edit infra/connect.\n");
        new TreeMap<>(properties)
                .forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
        return file;
    }

    @Override
    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    @Override
    public void stop() {
        if (process != null) {
            process.stop(Duration.ofSeconds(30));
            process = null;
        }
    }

    @Override
    public void kill() {
        if (process != null) {
            process.kill();
            process = null;
        }
    }

    @Override
    public String logLocation() {
        return home.work().resolve("connect").toString();
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}

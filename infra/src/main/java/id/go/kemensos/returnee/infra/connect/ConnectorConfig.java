package id.go.kemensos.returnee.infra.connect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One outbox connector as production's Kafka Connect takes it ({@code infra/connect/*-outbox.json}), and the
 * same configuration for the local worker: only the keys in {@link #LOCAL_OVERRIDES} differ, each for the reason given
 * there; routing, converters, the EventRouter and everything else are used as they are.
 */
public record ConnectorConfig(String name, Map<String, String> config) {

    /**
     * The local MariaDB speaks the binlog protocol of the MariaDB connector; production MySQL 8 uses the MySQL
     * connector.
     */
    public static final String MARIADB_CONNECTOR_CLASS = "io.debezium.connector.mariadb.MariaDbConnector";

    /**
     * What the local worker sets differently from production, and nothing else (ConnectorConfigTest holds it to this):
     * the connector class (MariaDB, above); the database's host, port and password (production reads the password from
     * a secrets file); TLS off to the local database; and where the schema history's Kafka clients connect and how
     * they log in (production's brokers over TLS with the cluster's CA, the local broker's SCRAM login as the relay
     * without TLS); and where the connector's first start reads from (below).
     */
    public static final List<String> LOCAL_OVERRIDES = List.of(
            "connector.class",
            "database.hostname",
            "database.port",
            "database.password",
            "database.ssl.mode",
            "snapshot.mode",
            "schema.history.internal.kafka.bootstrap.servers",
            "schema.history.internal.producer.security.protocol",
            "schema.history.internal.producer.sasl.jaas.config",
            "schema.history.internal.consumer.security.protocol",
            "schema.history.internal.consumer.sasl.jaas.config",
            "schema.history.internal.producer.ssl.truststore.type",
            "schema.history.internal.producer.ssl.truststore.location",
            "schema.history.internal.consumer.ssl.truststore.type",
            "schema.history.internal.consumer.ssl.truststore.location");

    public static ConnectorConfig read(Path file) {
        JsonNode root = JsonMapper.builder().build().readTree(file.toFile());
        Map<String, String> config = new LinkedHashMap<>();
        root.required("config")
                .properties()
                .forEach(e -> config.put(e.getKey(), e.getValue().asString()));
        return new ConnectorConfig(root.required("name").asString(), config);
    }

    /** Every {@code *-outbox.json} of a directory, by name. */
    public static List<ConnectorConfig> readAll(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            List<ConnectorConfig> found = files.filter(
                            f -> f.getFileName().toString().endsWith("-outbox.json"))
                    .sorted()
                    .map(ConnectorConfig::read)
                    .toList();
            if (found.isEmpty()) {
                throw new IllegalStateException("No *-outbox.json connector configurations in " + dir);
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ConnectorConfig {
        config = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(config));
    }

    public String get(String key) {
        return config.get(key);
    }

    /** The configuration the local worker is given for this connector, starting where the file says. */
    public Map<String, String> forLocalWorker(LocalEndpoints local) {
        return forLocalWorker(local, false);
    }

    /**
     * @param wholeBinlog the database's binlog still holds its whole history (it was made with the stack), so that the
     *     connector's first start may read it from the beginning
     */
    public Map<String, String> forLocalWorker(LocalEndpoints local, boolean wholeBinlog) {
        Map<String, String> p = new LinkedHashMap<>(config);
        p.put("connector.class", local.connectorClass());
        p.put("database.hostname", local.databaseHost());
        p.put("database.port", String.valueOf(local.databasePort()));
        p.put("database.password", local.databasePassword());
        if (local.databaseSslMode() != null) {
            p.put("database.ssl.mode", local.databaseSslMode());
        }
        if (wholeBinlog) {
            // The connector's first start reads the binlog from the beginning and learns each outbox from its CREATE
            // TABLE. Production's no_data takes the tables' structure at that moment, as the relay's user may see them;
            // an outbox a service had made but not yet granted the relay (its migrations still running) is then
            // unknown, and its first row stops the task.
            p.put("snapshot.mode", "never");
        }
        p.put("schema.history.internal.kafka.bootstrap.servers", local.bootstrapServers());
        for (String client : new String[] {"producer.", "consumer."}) {
            // The local broker speaks SASL without TLS: production's CA file is not there, nor needed.
            p.remove("schema.history.internal." + client + "ssl.truststore.type");
            p.remove("schema.history.internal." + client + "ssl.truststore.location");
            local.kafkaSecurity().forEach((k, v) -> p.put("schema.history.internal." + client + k, String.valueOf(v)));
        }
        return p;
    }

    /**
     * @param connectorClass {@link #MARIADB_CONNECTOR_CLASS} for the local MariaDB; production's own for MySQL
     * @param databaseSslMode "disable" for the local MariaDB, which has no certificate; null keeps production's
     * @param kafkaSecurity  the Kafka login of the relay's clients (security.protocol, sasl.*)
     */
    public record LocalEndpoints(
            String connectorClass,
            String databaseHost,
            int databasePort,
            String databasePassword,
            String databaseSslMode,
            String bootstrapServers,
            Map<String, Object> kafkaSecurity) {

        public LocalEndpoints {
            kafkaSecurity = Map.copyOf(kafkaSecurity);
        }
    }
}

package id.go.kemensos.returnee.infra.relay;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One outbox connector as Kafka Connect takes it in production ({@code infra/connect/<service>-outbox.json}), turned
 * into the Debezium embedded engine's properties for the local stack. Only the keys that name production endpoints,
 * credentials and storage are overridden, and each override is listed here; routing, converters and the EventRouter
 * settings are used as they are.
 */
public record ConnectorConfig(String name, Map<String, String> config) {

    /**
     * The local MariaDB speaks the binlog protocol of the MariaDB connector; production MySQL 8 uses the MySQL
     * connector.
     */
    static final String LOCAL_CONNECTOR_CLASS = "io.debezium.connector.mariadb.MariaDbConnector";

    public static ConnectorConfig read(Path file) {
        JsonNode root = JsonMapper.builder().build().readTree(file.toFile());
        Map<String, String> config = new LinkedHashMap<>();
        root.required("config")
                .properties()
                .forEach(e -> config.put(e.getKey(), e.getValue().asString()));
        return new ConnectorConfig(root.required("name").asString(), config);
    }

    public String get(String key) {
        return config.get(key);
    }

    /**
     * Engine properties for the local stack: local database endpoint, offsets and schema history in files under
     * work/relay.
     */
    public Properties forLocalStack(LocalEndpoints local) {
        Properties p = new Properties();
        config.forEach((k, v) -> {
            if (!k.startsWith("schema.history.internal.kafka.")) {
                p.setProperty(k, v);
            }
        });
        p.setProperty("name", name);
        p.setProperty("connector.class", LOCAL_CONNECTOR_CLASS);
        p.setProperty("database.hostname", local.databaseHost());
        p.setProperty("database.port", String.valueOf(local.databasePort()));
        p.setProperty("database.password", local.databasePassword());
        p.setProperty("database.ssl.mode", "disable");
        p.setProperty("bootstrap.servers", local.bootstrapServers());
        // Any Kafka client the engine makes from its configuration logs in as the relay too (as Connect's worker
        // would).
        local.kafkaSecurity().forEach((k, v) -> {
            for (String prefix : new String[] {"", "producer.", "admin.", "consumer."}) {
                p.setProperty(prefix + k, String.valueOf(v));
            }
        });
        p.setProperty("offset.storage", "org.apache.kafka.connect.storage.FileOffsetBackingStore");
        p.setProperty(
                "offset.storage.file.filename",
                local.stateDir().resolve(name + ".offsets").toString());
        // Offsets are also committed on every clean stop; this bounds what a crash re-emits (consumers deduplicate).
        p.setProperty("offset.flush.interval.ms", "1000");
        p.setProperty("schema.history.internal", "io.debezium.storage.file.history.FileSchemaHistory");
        p.setProperty(
                "schema.history.internal.file.filename",
                local.stateDir().resolve(name + ".schema-history").toString());
        return p;
    }

    /** @param kafkaSecurity the Kafka login of the relay's clients (security.protocol, sasl.*) */
    public record LocalEndpoints(
            String databaseHost,
            int databasePort,
            String databasePassword,
            String bootstrapServers,
            Map<String, Object> kafkaSecurity,
            Path stateDir) {

        public LocalEndpoints {
            kafkaSecurity = Map.copyOf(kafkaSecurity);
        }
    }
}

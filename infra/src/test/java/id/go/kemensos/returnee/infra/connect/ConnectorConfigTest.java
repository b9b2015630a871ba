package id.go.kemensos.returnee.infra.connect;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kemensos.returnee.infra.kafka.KafkaAccess;
import id.go.kemensos.returnee.infra.launcher.PlatformService;
import id.go.kemensos.returnee.infra.stack.PlatformHome;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The connector JSONs and worker.properties of infra/connect are production's configuration; the local worker runs
 * them with the listed overrides and nothing else.
 */
class ConnectorConfigTest {

    private static final ConnectorConfig.LocalEndpoints LOCAL = new ConnectorConfig.LocalEndpoints(
            ConnectorConfig.MARIADB_CONNECTOR_CLASS,
            "127.0.0.1",
            3307,
            "secret",
            "disable",
            "127.0.0.1:9092",
            KafkaAccess.clientSecurity(KafkaAccess.RELAY));

    private static List<ConnectorConfig> connectors() {
        return ConnectorConfig.readAll(PlatformHome.locate().connectorConfigs());
    }

    /**
     * One connector reads the binlog once for every service's outbox (six connectors each decoded all of it); the
     * EventRouter routes each row by its aggregate type, whichever table it came from.
     */
    @Test
    void oneConnectorRelaysEveryServicesOutbox() {
        List<ConnectorConfig> connectors = connectors();

        assertThat(connectors).extracting(ConnectorConfig::name).containsExactly(KafkaAccess.OUTBOX_CONNECTOR);
        ConnectorConfig relay = connectors.get(0);
        List<String> schemas = KafkaAccess.services().stream()
                .map(service -> PlatformService.ofPrincipal(service).schema())
                .toList();
        assertThat(relay.get("database.include.list").split(",")).containsExactlyInAnyOrderElementsOf(schemas);
        assertThat(relay.get("table.include.list").split(","))
                .containsExactlyInAnyOrderElementsOf(
                        schemas.stream().map(schema -> schema + ".outbox_event").toList());
        assertThat(relay.get("transforms.outbox.type")).isEqualTo("io.debezium.transforms.outbox.EventRouter");
        assertThat(relay.get("transforms.outbox.route.by.field")).isEqualTo("aggregatetype");
        assertThat(relay.get("transforms.outbox.route.topic.replacement")).isEqualTo("${routedByValue}.events");
        assertThat(relay.get("transforms.outbox.table.field.event.key")).isEqualTo("aggregateid");
        // String converters: the JSON payload column reaches Kafka as it is, never JSON-encoded a second time.
        assertThat(relay.get("value.converter")).isEqualTo("org.apache.kafka.connect.storage.StringConverter");
        assertThat(relay.get("snapshot.mode")).isEqualTo("no_data");
        // Locally the whole binlog, from the database's creation: no outbox unknown for want of its grant.
        assertThat(relay.forLocalWorker(LOCAL, true).get("snapshot.mode")).isEqualTo("never");
        assertThat(relay.forLocalWorker(LOCAL, false).get("snapshot.mode")).isEqualTo("no_data");
    }

    @Test
    void eachLocalConnectorDiffersFromItsFileInTheListedOverridesOnly() {
        for (ConnectorConfig file : connectors()) {
            Map<String, String> local = file.forLocalWorker(LOCAL, true); // a fresh stack's

            Set<String> differing = new TreeSet<>();
            for (String key : union(file.config().keySet(), local.keySet())) {
                if (!java.util.Objects.equals(file.get(key), local.get(key))) {
                    differing.add(key);
                }
            }
            assertThat(differing).as(file.name()).isEqualTo(new TreeSet<>(ConnectorConfig.LOCAL_OVERRIDES));
        }
    }

    @Test
    void theOverridesPointAtTheLocalDatabaseAndBrokerAsTheRelay() {
        ConnectorConfig relay = connectors().get(0);

        Map<String, String> local = relay.forLocalWorker(LOCAL);

        assertThat(local.get("connector.class")).isEqualTo("io.debezium.connector.mariadb.MariaDbConnector");
        assertThat(local.get("database.port")).isEqualTo("3307");
        assertThat(local.get("database.password")).isEqualTo("secret");
        assertThat(local.get("schema.history.internal.kafka.bootstrap.servers")).isEqualTo("127.0.0.1:9092");
        assertThat(local.get("schema.history.internal.producer.sasl.jaas.config"))
                .contains("username=\"relay\"");
        assertThat(local.get("schema.history.internal.kafka.topic"))
                .isEqualTo("connect.schema-history.platform-outbox");
        assertThat(local.get("transforms.outbox.table.fields.additional.placement"))
                .isEqualTo(relay.get("transforms.outbox.table.fields.additional.placement"))
                .contains("type:header:ce_type", "ce_time:header", "content_type:header:content-type");
    }

    @Test
    void theLocalWorkerRunsProductionsWorkerSettingsPlusWhereItRuns() {
        PlatformHome home = PlatformHome.locate();
        Properties production = KafkaConnectWorker.productionWorkerProperties(home.connectorConfigs());
        Properties local = new LocalConnectJvm(home, LOCAL.bootstrapServers(), LOCAL.kafkaSecurity())
                .workerProperties(production, Path.of("/plugins"));

        for (String key : production.stringPropertyNames()) {
            assertThat(local.getProperty(key)).as(key).isEqualTo(production.getProperty(key));
        }
        Set<String> added = new TreeSet<>(local.stringPropertyNames());
        added.removeAll(production.stringPropertyNames());
        assertThat(added)
                .allMatch(
                        k -> Set.of(
                                                "bootstrap.servers",
                                                "listeners",
                                                "rest.advertised.host.name",
                                                "rest.advertised.port",
                                                "plugin.path",
                                                "config.storage.replication.factor",
                                                "offset.storage.replication.factor",
                                                "status.storage.replication.factor")
                                        .contains(k)
                                || k.matches("((producer|consumer|admin)\\.)?(security\\.protocol|sasl\\..*)"),
                        "only where it runs and its login");
        assertThat(local.getProperty("listeners")).isEqualTo("http://127.0.0.1:" + KafkaConnectWorker.PORT);
        assertThat(local.getProperty("admin.sasl.jaas.config")).contains("username=\"relay\"");
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}

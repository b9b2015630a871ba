package id.go.kemensos.returnee.infra.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kemensos.returnee.infra.stack.PlatformHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The production cluster's scripts (infra/production/kafka) grant and log in what {@link KafkaAccess} says, and
 * docker-compose runs every node with them: no listener without TLS and SASL, every principal's secret mounted.
 * ProductionKafkaClusterIT runs the same scripts on a real broker.
 */
class ProductionKafkaFilesTest {

    private static final Path ROOT = PlatformHome.locate().root();

    @Test
    void theAclScriptGrantsExactlyWhatKafkaAccessGrants() throws IOException {
        Path file = ROOT.resolve(AclScript.PATH);
        String expected = AclScript.render();
        String actual = Files.readString(file);
        if (!actual.equals(expected)) {
            Path fresh = Files.writeString(ROOT.resolve("infra/target/acls.sh"), expected);
            assertThat(actual)
                    .as(AclScript.PATH + " no longer says what KafkaAccess grants: copy " + fresh + " over it")
                    .isEqualTo(expected);
        }
        assertThat(Files.isExecutable(file)).isTrue();
    }

    @Test
    void everyNodeSeedsEveryPrincipalsLogin() throws IOException {
        String broker = Files.readString(ROOT.resolve("infra/production/kafka/broker.sh"));
        Matcher principals = Pattern.compile("PRINCIPALS=\\(([a-z ]+)\\)").matcher(broker);
        assertThat(principals.find()).isTrue();
        assertThat(Arrays.asList(principals.group(1).split(" "))).isEqualTo(KafkaAccess.principals());
        assertThat(broker)
                .contains("listener.security.protocol.map=SASL_SSL:SASL_SSL,CONTROLLER:SSL")
                .contains("allow.everyone.if.no.acl.found=false")
                .contains("super.users=User:broker;User:" + KafkaAccess.ADMIN)
                .contains("sasl.enabled.mechanisms=" + KafkaAccess.MECHANISM)
                .contains("listener.name.controller.ssl.client.auth=required")
                .doesNotContain("PLAINTEXT");
    }

    @Test
    void composeRunsEveryNodeWithTheScriptAndItsSecrets() throws IOException {
        String compose = Files.readString(ROOT.resolve("infra/docker-compose.yml"));
        assertThat(compose).doesNotContain("PLAINTEXT").contains("entrypoint: [\"/opt/returnee-kafka/broker.sh\"]");
        for (int node = 1; node <= 3; node++) {
            Matcher block = Pattern.compile("(?s)\n  kafka-" + node + ":\n(.*?)\n  [a-z#]")
                    .matcher(compose);
            assertThat(block.find()).as("kafka-" + node).isTrue();
            String definition = block.group(1);
            assertThat(definition)
                    .as("kafka-" + node)
                    .contains("KAFKA_NODE_ID: " + node)
                    .contains("KAFKA_ADVERTISED_HOST: kafka-" + node)
                    .contains("{ source: kafka_" + node + "_keystore, target: kafka_keystore.p12 }")
                    .contains("./production/kafka:/opt/returnee-kafka:ro");
            for (String secret : new String[] {"kafka_ca", "kafka_tls_password", "kafka_broker_password"}) {
                assertThat(definition).as("kafka-" + node).containsPattern("\\b" + secret + "\\b");
            }
            for (String principal : KafkaAccess.principals()) {
                String secret = principal + "_kafka_password";
                assertThat(definition).as("kafka-" + node).containsPattern("\\b" + secret + "\\b");
                assertThat(compose).contains("  " + secret + ": { file: ./production/secrets/");
            }
        }
        assertThat(compose)
                .contains("command: [/opt/returnee-kafka/topics.sh]")
                .contains("command: [/opt/returnee-kafka/acls.sh]");
    }
}

package id.go.kemensos.returnee.infra.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kemensos.returnee.infra.stack.PlatformHome;
import java.io.IOException;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docker-compose gives each service the Kafka principal that {@link KafkaAccess} grants its topics, with a password
 * from a secret of its own: a service logging in as another (or without a secret) would read what it must not, or
 * nothing.
 */
class ComposeKafkaUsersTest {

    @Test
    void everyServiceLogsInAsItsOwnPrincipalWithItsOwnSecret() throws IOException {
        String compose = Files.readString(PlatformHome.locate().root().resolve("infra/docker-compose.yml"));
        for (String service : KafkaAccess.services()) {
            Matcher block = Pattern.compile("(?s)\n  " + service + "-service:\n(.*?)(\n  [a-z]|\n\n)")
                    .matcher(compose);
            assertThat(block.find())
                    .as(service + "-service in docker-compose.yml")
                    .isTrue();
            String definition = block.group(1);
            assertThat(definition)
                    .as(service)
                    .containsPattern("KAFKA_USER: " + service + "\\b")
                    .contains("KAFKA_PASSWORD_FILE: /run/secrets/" + service + "_kafka_password")
                    // the secrets as a flow list, or as a block list of one per line
                    .containsPattern("secrets: \\[[^]]*\\b" + service + "_kafka_password\\b|\n\\s+- " + service
                            + "_kafka_password\n");
            assertThat(compose)
                    .as("the secret is declared")
                    .contains("  " + service + "_kafka_password: { file: ./production/secrets/" + service
                            + "_kafka_password }");
        }
        assertThat(compose)
                .as("services reach the brokers over TLS with SASL by default")
                .contains("KAFKA_SECURITY_PROTOCOL: ${KAFKA_SECURITY_PROTOCOL:-SASL_SSL}");
    }
}

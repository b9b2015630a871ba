package id.go.kemensos.returnee.infra.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kemensos.returnee.contracts.Topics;
import id.go.kemensos.returnee.infra.stack.PlatformHome;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docker-compose's {@code topics} job (infra/production/kafka/topics.sh) is the production twin of
 * {@link TopicProvisioner}: it must make every event topic the contracts name and keep each forever, also a topic that
 * existed before it ran.
 */
class ComposeTopicsTest {

    @Test
    void composeMakesEveryEventTopicAndKeepsItForeverAlsoWhenItExisted() throws IOException {
        String command = Files.readString(PlatformHome.locate().root().resolve("infra/production/kafka/topics.sh"));

        Matcher loop = Pattern.compile("for t in ([a-z. ]+); do").matcher(command);
        assertThat(loop.find()).as(command).isTrue();
        assertThat(Arrays.stream(loop.group(1).trim().split(" +"))
                        .map(service -> service + ".events")
                        .sorted()
                        .toList())
                .isEqualTo(Topics.allEventTopics());
        assertThat(command).contains("for topic in $t.events $t.events.dlt");

        // The create command, up to the first line that does not go on with a backslash.
        Matcher create =
                Pattern.compile("(?s)--create --if-not-exists(.*?[^\\\\])\n").matcher(command);
        Matcher alter = Pattern.compile("(?s)kafka-configs\\.sh.*?--alter --entity-type topics --entity-name "
                        + "\"\\$topic\"\\s*\\\\?\\s*--add-config (\\S+)")
                .matcher(command);
        assertThat(create.find()).as(command).isTrue();
        assertThat(alter.find())
                .as("existing topics are altered too: " + command)
                .isTrue();
        for (Map.Entry<String, String> kept : Topics.KEPT_FOREVER.entrySet()) {
            assertThat(create.group(1)).contains("--config " + kept.getKey() + "=" + kept.getValue());
            assertThat(alter.group(1).split(",")).contains(kept.getKey() + "=" + kept.getValue());
        }
    }
}

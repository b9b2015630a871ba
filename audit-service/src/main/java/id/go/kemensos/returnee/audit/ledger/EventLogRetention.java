package id.go.kemensos.returnee.audit.ledger;

import id.go.kemensos.returnee.contracts.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * Reads the broker's configuration of every event topic: the event log is the audit record only if no topic deletes or
 * compacts what it holds (retention.ms and retention.bytes -1, cleanup.policy delete).
 */
@Component
public class EventLogRetention {

    private final KafkaProperties kafka;
    private final Pattern eventTopics;

    public EventLogRetention(KafkaProperties kafka) {
        this.kafka = kafka;
        this.eventTopics = Pattern.compile(".*\\.events"); // audit.events, with the ledger's seals, too
    }

    public record TopicRetention(
            String topic, String retentionMs, String retentionBytes, String cleanupPolicy, boolean keptForever) {}

    public List<TopicRetention> check() {
        try (Admin admin = Admin.create(kafka.buildAdminProperties())) {
            List<ConfigResource> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                    .filter(t -> eventTopics.matcher(t).matches())
                    .sorted()
                    .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t))
                    .toList();
            Map<ConfigResource, Config> configs =
                    admin.describeConfigs(topics).all().get(30, TimeUnit.SECONDS);
            List<TopicRetention> result = new ArrayList<>();
            for (ConfigResource topic : topics) {
                Config config = configs.get(topic);
                boolean keptForever =
                        Topics.unlikeKeptForever(name -> value(config, name)).isEmpty();
                result.add(new TopicRetention(
                        topic.name(),
                        value(config, TopicConfig.RETENTION_MS_CONFIG),
                        value(config, TopicConfig.RETENTION_BYTES_CONFIG),
                        value(config, TopicConfig.CLEANUP_POLICY_CONFIG),
                        keptForever));
            }
            return result;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(
                    "Cannot read the event topics' configuration from Kafka: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted reading the topics' configuration", e);
        }
    }

    private static String value(Config config, String name) {
        ConfigEntry entry = config == null ? null : config.get(name);
        return entry == null ? null : entry.value();
    }
}

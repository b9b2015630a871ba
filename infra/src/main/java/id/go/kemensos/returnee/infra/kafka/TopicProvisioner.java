package id.go.kemensos.returnee.infra.kafka;

import id.go.kemensos.returnee.contracts.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates every event topic and its dead-letter topic up front, then waits until every partition has a leader:
 * producing to a brand-new topic before that once stalled an idempotent producer for two minutes. The {@code *.events}
 * topics are the audit log and are kept forever ({@code retention.ms=-1}); so are their dead letters, until someone
 * replays them. A topic that already exists with a retention that deletes (made by hand, or by an older version) is set
 * to keep forever too, with a warning: records already deleted cannot come back, but no more are lost.
 */
public final class TopicProvisioner {

    private static final Logger log = LoggerFactory.getLogger(TopicProvisioner.class);

    private final String bootstrapServers;
    private final int partitions;
    private final short replicationFactor;

    public TopicProvisioner(String bootstrapServers, int partitions, short replicationFactor) {
        this.bootstrapServers = bootstrapServers;
        this.partitions = partitions;
        this.replicationFactor = replicationFactor;
    }

    public static List<String> platformTopics() {
        List<String> topics = new ArrayList<>();
        for (String events : Topics.allEventTopics()) {
            topics.add(events);
            topics.add(Topics.deadLetterOf(events));
        }
        return topics;
    }

    public void provision() {
        List<String> topics = platformTopics();
        try (Admin admin = Admin.create(KafkaAccess.asAdmin(bootstrapServers))) {
            for (String topic : topics) {
                try {
                    admin.createTopics(List.of(
                                    new NewTopic(topic, partitions, replicationFactor).configs(Topics.KEPT_FOREVER)))
                            .all()
                            .get(30, TimeUnit.SECONDS);
                    log.info("Created topic {} ({} partitions, kept forever)", topic, partitions);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Cannot create topic " + topic, e.getCause());
                    }
                }
            }
            awaitLeaders(admin, topics, Duration.ofSeconds(60));
            keepForever(admin, topics);
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "Cannot read or change the topics' configuration: "
                            + e.getCause().getMessage(),
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while provisioning topics", e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Timed out provisioning topics", e);
        }
    }

    /** Sets, topic by topic, what differs from {@link Topics#KEPT_FOREVER}. */
    private static void keepForever(Admin admin, List<String> topics)
            throws InterruptedException, ExecutionException, java.util.concurrent.TimeoutException {
        List<ConfigResource> resources = topics.stream()
                .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t))
                .toList();
        Map<ConfigResource, Config> configs =
                admin.describeConfigs(resources).all().get(30, TimeUnit.SECONDS);
        Map<ConfigResource, Collection<AlterConfigOp>> changes = new LinkedHashMap<>();
        for (ConfigResource topic : resources) {
            Map<String, String> unlike = Topics.unlikeKeptForever(name -> {
                ConfigEntry entry = configs.get(topic).get(name);
                return entry == null ? null : entry.value();
            });
            if (!unlike.isEmpty()) {
                changes.put(
                        topic,
                        unlike.keySet().stream()
                                .map(name -> new AlterConfigOp(
                                        new ConfigEntry(name, Topics.KEPT_FOREVER.get(name)), AlterConfigOp.OpType.SET))
                                .toList());
                log.warn(
                        "Topic {} did not keep its records forever ({}): set to {}",
                        topic.name(),
                        String.join(
                                ", ",
                                unlike.entrySet().stream().map(Object::toString).toList()),
                        new TreeMap<>(Topics.KEPT_FOREVER));
            }
        }
        if (!changes.isEmpty()) {
            admin.incrementalAlterConfigs(changes).all().get(30, TimeUnit.SECONDS);
        }
    }

    private static void awaitLeaders(Admin admin, List<String> topics, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            try {
                Map<String, TopicDescription> described =
                        admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS);
                boolean allLed = described.values().stream()
                        .allMatch(d -> d.partitions().stream()
                                .allMatch(p -> p.leader() != null && !p.leader().isEmpty()));
                if (allLed) {
                    return;
                }
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                log.debug("Topics not described yet: {}", e.getMessage());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(
                        "Topics " + topics + " have partitions without a leader after " + timeout);
            }
            Thread.sleep(100);
        }
    }
}

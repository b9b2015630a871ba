package id.go.kemensos.returnee.infra.kafka;

import id.go.kemensos.returnee.contracts.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Creates every event topic and its dead-letter topic up front, then waits until every partition has a leader: producing to
 * a brand-new topic before that once stalled an idempotent producer for two minutes. The {@code *.events} topics are the
 * audit log and are kept forever ({@code retention.ms=-1}); so are their dead letters, until someone replays them.
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
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            for (String topic : topics) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, partitions, replicationFactor).configs(Topics.KEPT_FOREVER)))
                            .all().get(30, TimeUnit.SECONDS);
                    log.info("Created topic {} ({} partitions, kept forever)", topic, partitions);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Cannot create topic " + topic, e.getCause());
                    }
                }
            }
            awaitLeaders(admin, topics, Duration.ofSeconds(60));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while provisioning topics", e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Timed out provisioning topics", e);
        }
    }

    private static void awaitLeaders(Admin admin, List<String> topics, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            try {
                Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS);
                boolean allLed = described.values().stream()
                        .allMatch(d -> d.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty()));
                if (allLed) {
                    return;
                }
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                log.debug("Topics not described yet: {}", e.getMessage());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Topics " + topics + " have partitions without a leader after " + timeout);
            }
            Thread.sleep(100);
        }
    }
}

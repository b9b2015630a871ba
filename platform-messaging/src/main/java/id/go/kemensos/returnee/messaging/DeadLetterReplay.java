package id.go.kemensos.returnee.messaging;

import id.go.kemensos.returnee.contracts.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Replays this service's dead letters of one topic through the same listener that failed them, once the cause is fixed.
 * Only records that this service's consumer group dead-lettered are taken (a dead-letter topic is shared by every group
 * that consumes the topic). Progress is kept as the committed offsets of the group {@code <group>.dlt-replay}; a record
 * that fails again stops the replay there, so nothing is skipped. Handlers are idempotent, so a replayed event that was
 * in fact already applied has no second effect.
 */
public class DeadLetterReplay implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterReplay.class);
    private static final Duration READ_LIMIT = Duration.ofMinutes(2);

    private final KafkaListenerEndpointRegistry listeners;
    private final KafkaProperties kafka;
    private final Map<String, KafkaConsumer<String, byte[]>> readers = new HashMap<>(); // counting, by group

    public DeadLetterReplay(KafkaListenerEndpointRegistry listeners, KafkaProperties kafka) {
        this.listeners = listeners;
        this.kafka = kafka;
    }

    /**
     * @param unreplayable malformed records, which fail the same way every time; stepped over, and left in the
     * dead-letter topic for inspection
     * @param stoppedAt    the dead letter that failed again for another reason; the next replay starts there
     */
    public record Result(
            String topic,
            String consumerGroup,
            int replayed,
            int unreplayable,
            int otherGroups,
            String stoppedAt,
            String failure) {}

    /**
     * Dead letters of this service not yet replayed, per consumed topic. Asked every refresh of the gauges, so it reads
     * with one client per consumer group, kept open: a new client logs in to the broker each time (SCRAM's thousands
     * of hash rounds), which had been a fifth of an idle service's CPU.
     */
    public synchronized Map<String, Long> pending() {
        Map<String, Long> pending = new LinkedHashMap<>();
        for (MessageListenerContainer container : listeners.getListenerContainers()) {
            for (String topic : topicsOf(container)) {
                pending.merge(topic, waiting(topic, container.getGroupId()), Long::sum);
            }
        }
        return pending;
    }

    /** Reads the group's dead letters of the topic from where its replays have come to, without committing. */
    private long waiting(String topic, String group) {
        KafkaConsumer<String, byte[]> reader = readers.computeIfAbsent(group, g -> consumer(g, kafka));
        try {
            List<TopicPartition> partitions = partitionsOf(reader, Topics.deadLetterOf(topic));
            reader.assign(partitions);
            Map<TopicPartition, OffsetAndMetadata> replayedTo = reader.committed(new HashSet<>(partitions));
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata from = replayedTo.get(partition);
                if (from == null) {
                    reader.seekToBeginning(List.of(partition));
                } else {
                    reader.seek(partition, from.offset());
                }
            }
            long[] waiting = {0};
            readToEnd(reader, partitions, dead -> {
                if (deadLetteredBy(group, dead)) {
                    waiting[0]++;
                }
                return true;
            });
            return waiting[0];
        } catch (RuntimeException e) {
            readers.remove(group);
            reader.close(Duration.ofSeconds(2)); // the next refresh starts afresh
            throw e;
        }
    }

    public Result replay(String topic) {
        MessageListenerContainer container = listeners.getListenerContainers().stream()
                .filter(c -> List.of(topicsOf(c)).contains(topic))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("This service does not consume " + topic));
        return replay(topic, container);
    }

    @SuppressWarnings("unchecked")
    private Result replay(String topic, MessageListenerContainer container) {
        String group = container.getGroupId();
        Object listening = container.getContainerProperties().getMessageListener();
        // The adapters implement only the forms with acknowledgment and consumer; the services' listeners take batches.
        java.util.function.Consumer<ConsumerRecord<String, byte[]>> listener = listening
                        instanceof BatchMessageListener<?, ?> batch
                ? record -> ((BatchMessageListener<String, byte[]>) batch).onMessage(List.of(record), null, null)
                : record -> ((MessageListener<String, byte[]>) listening).onMessage(record, null, null);
        String deadLetterTopic = Topics.deadLetterOf(topic);
        int[] replayed = {0};
        int[] unreplayable = {0};
        int[] otherGroups = {0};
        String[] stoppedAt = {null};
        String[] failure = {null};
        try (KafkaConsumer<String, byte[]> consumer = consumer(group, kafka)) {
            List<TopicPartition> partitions = partitionsOf(consumer, deadLetterTopic);
            consumer.assign(partitions);
            Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
            readToEnd(consumer, partitions, dead -> {
                if (!deadLetteredBy(group, dead)) {
                    otherGroups[0]++;
                } else {
                    try {
                        listener.accept(original(dead, topic));
                        replayed[0]++;
                    } catch (RuntimeException e) {
                        if (!isMalformed(e)) {
                            stoppedAt[0] = dead.topic() + "-" + dead.partition() + "@" + dead.offset();
                            failure[0] = e.getMessage();
                            return false;
                        }
                        unreplayable[0]++;
                    }
                }
                done.put(new TopicPartition(dead.topic(), dead.partition()), new OffsetAndMetadata(dead.offset() + 1));
                return true;
            });
            if (!done.isEmpty()) {
                consumer.commitSync(done);
            }
        }
        if (stoppedAt[0] != null) {
            log.warn("Replay of {} stopped at {}: {}", deadLetterTopic, stoppedAt[0], failure[0]);
        } else {
            log.info("Replayed {} dead letters of {} for {}", replayed[0], topic, group);
        }
        return new Result(topic, group, replayed[0], unreplayable[0], otherGroups[0], stoppedAt[0], failure[0]);
    }

    /**
     * Hands each record up to the partitions' ends as they were on entry to {@code each}, until it answers false. Gives
     * up after {@link #READ_LIMIT}: a broker gone mid-read would otherwise leave it polling for good (and the count
     * holding its lock).
     */
    private static void readToEnd(
            KafkaConsumer<String, byte[]> consumer,
            List<TopicPartition> partitions,
            Predicate<ConsumerRecord<String, byte[]>> each) {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        long giveUpAt = System.nanoTime() + READ_LIMIT.toNanos();
        while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
            if (System.nanoTime() > giveUpAt) {
                throw new IllegalStateException("Dead letters not read to their end within " + READ_LIMIT
                        + " (is the broker there?); nothing after them was taken");
            }
            for (ConsumerRecord<String, byte[]> dead : consumer.poll(Duration.ofMillis(500))) {
                if (dead.offset() < end.get(new TopicPartition(dead.topic(), dead.partition())) && !each.test(dead)) {
                    return;
                }
            }
        }
    }

    private static List<TopicPartition> partitionsOf(KafkaConsumer<?, ?> consumer, String topic) {
        return consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .toList();
    }

    /** A client of the group's replay progress ({@code <group>.dlt-replay}), assigned partitions, never subscribed. */
    private static KafkaConsumer<String, byte[]> consumer(String group, KafkaProperties kafka) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group + ".dlt-replay");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    @Override
    public synchronized void close() {
        readers.values().forEach(reader -> reader.close(Duration.ofSeconds(2)));
        readers.clear();
    }

    /** Whether this group's listener dead-lettered the record (a dead-letter topic is shared by every group). */
    private static boolean deadLetteredBy(String group, ConsumerRecord<?, ?> dead) {
        return group.equals(text(dead, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP).orElse(null));
    }

    private static boolean isMalformed(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MalformedEventException) {
                return true;
            }
        }
        return false;
    }

    /**
     * The record as it was on the original topic, so the handler sees the same position and headers as the first time.
     */
    private static ConsumerRecord<String, byte[]> original(ConsumerRecord<String, byte[]> dead, String topic) {
        int partition = number(dead, KafkaHeaders.DLT_ORIGINAL_PARTITION)
                .map(ByteBuffer::getInt)
                .orElse(dead.partition());
        long offset = number(dead, KafkaHeaders.DLT_ORIGINAL_OFFSET)
                .map(ByteBuffer::getLong)
                .orElse(-1L);
        return new ConsumerRecord<>(
                topic,
                partition,
                offset,
                dead.timestamp(),
                TimestampType.CREATE_TIME,
                dead.serializedKeySize(),
                dead.serializedValueSize(),
                dead.key(),
                dead.value(),
                dead.headers(),
                Optional.empty());
    }

    private static Optional<ByteBuffer> number(ConsumerRecord<?, ?> record, String header) {
        Header h = record.headers().lastHeader(header);
        return h == null ? Optional.empty() : Optional.of(ByteBuffer.wrap(h.value()));
    }

    private static Optional<String> text(ConsumerRecord<?, ?> record, String header) {
        Header h = record.headers().lastHeader(header);
        return h == null ? Optional.empty() : Optional.of(new String(h.value(), StandardCharsets.UTF_8));
    }

    private static String[] topicsOf(MessageListenerContainer container) {
        String[] topics = container.getContainerProperties().getTopics();
        return topics == null ? new String[0] : topics;
    }
}

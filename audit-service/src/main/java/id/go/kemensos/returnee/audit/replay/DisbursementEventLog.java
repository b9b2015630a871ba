package id.go.kemensos.returnee.audit.replay;

import id.go.kemensos.returnee.audit.TopicFromStart;
import id.go.kemensos.returnee.contracts.EventCatalog;
import id.go.kemensos.returnee.contracts.EventType;
import id.go.kemensos.returnee.contracts.PlatformEvent;
import id.go.kemensos.returnee.contracts.disbursement.DisbursementTopics;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads disbursement.events from its first offset to the end it had when the reading began, outside any consumer group (a
 * replay moves nobody's offsets), and folds the payment events. Events after {@code asOf} are left out.
 *
 * <p>One thread fetches; each partition is decoded and folded by one of a few fold threads, always the same one, so that a
 * person's events (one key, one partition) are folded in their order. The folds are merged at the end.
 */
@Component
public class DisbursementEventLog {

    private static final Logger log = LoggerFactory.getLogger(DisbursementEventLog.class);
    private static final String CE_TYPE = "ce_type";
    private static final String CE_ID = "ce_id";
    private static final String CE_TIME = "ce_time";

    private final TopicFromStart topicFromStart;
    private final JsonMapper json;
    /** A reader per payload type, built once: looking the deserializer up on every call costs as much as reading. */
    private final Map<Class<?>, ObjectReader> readers = new ConcurrentHashMap<>();
    // The fetching thread keeps a core busy too: on 2 cores one fold thread did as well as two (1,000,000 events: 114k/176k
    // events/s cold/warm against 87k-113k/155k-181k), the broker sharing the same CPU.
    private final int foldThreads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors() - 1));

    public DisbursementEventLog(TopicFromStart topicFromStart, JsonMapper json) {
        this.topicFromStart = topicFromStart;
        this.json = json.rebuild().addModule(EventTimes.module()).build();
    }

    /** What one pass read: every record up to these end offsets, how many were after asOf, how many could not be read. */
    public record Pass(Map<Integer, Long> endOffsets, long records, long afterAsOf, long unreadable, long setupMillis, long finishMillis) {
    }

    public Pass read(Instant asOf, PaymentHistory history) {
        return read(DisbursementTopics.EVENTS, asOf, history);
    }

    Pass read(String topic, Instant asOf, PaymentHistory history) {
        Map<String, Object> tuning = Map.of(
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000,
                ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024,
                ConsumerConfig.RECEIVE_BUFFER_CONFIG, 4 * 1024 * 1024,
                ConsumerConfig.CHECK_CRCS_CONFIG, false);
        Fold[] folds = new Fold[foldThreads];
        ExecutorService[] threads = new ExecutorService[foldThreads];
        for (int i = 0; i < foldThreads; i++) {
            folds[i] = new Fold(new PaymentHistory(), asOf);
            threads[i] = Executors.newSingleThreadExecutor(r -> new Thread(r, "replay-fold"));
        }
        long[] records = {0};
        List<Future<?>> pending = new ArrayList<>();
        try {
            TopicFromStart.Read read = topicFromStart.read(topic, tuning, (partition, mine) -> {
                records[0] += mine.size();
                Fold fold = folds[partition.partition() % foldThreads];
                pending.add(threads[partition.partition() % foldThreads].submit(() -> fold.apply(mine)));
                // Surface a failed fold at once, and keep the fetcher at most a few polls ahead of the folds: records waiting
                // in memory survive young collections, and copying them was most of the garbage collector's work.
                while (!pending.isEmpty() && (pending.get(0).isDone() || pending.size() > 2 * foldThreads)) {
                    await(pending.remove(0));
                }
            });
            for (Future<?> f : pending) {
                await(f);
            }
            long afterAsOf = 0, unreadable = 0;
            long folded = System.nanoTime();
            for (Fold fold : folds) {
                history.merge(fold.history);
                afterAsOf += fold.afterAsOf.get();
                unreadable += fold.unreadable.get();
            }
            history.finish();
            return new Pass(read.endOffsets(), records[0], afterAsOf, unreadable, read.setupMillis(), (System.nanoTime() - folded) / 1_000_000);
        } finally {
            for (ExecutorService thread : threads) {
                thread.shutdownNow();
            }
        }
    }

    private static void await(Future<?> fold) {
        try {
            fold.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while replaying", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("A replay fold failed: " + e.getCause(), e.getCause());
        }
    }

    /** One fold thread's share: its partitions' events, decoded and applied in order. */
    private final class Fold {

        final PaymentHistory history;
        final Instant asOf;
        final AtomicLong afterAsOf = new AtomicLong();
        final AtomicLong unreadable = new AtomicLong();

        Fold(PaymentHistory history, Instant asOf) {
            this.history = history;
            this.asOf = asOf;
        }

        void apply(List<ConsumerRecord<byte[], byte[]>> records) {
            for (ConsumerRecord<byte[], byte[]> record : records) {
                apply(record);
            }
        }

        private void apply(ConsumerRecord<byte[], byte[]> record) {
            // Binary mode, as the outbox relay writes it: the attributes are headers (read in one pass), the value is the data.
            String type = null, id = null, time = null;
            // Kafka decodes each header's key when asked for it: stop as soon as the three needed are found.
            for (Header header : record.headers()) {
                switch (header.key()) {
                    case CE_TYPE -> type = text(header);
                    case CE_ID -> id = text(header);
                    case CE_TIME -> time = text(header);
                    default -> { }
                }
                if (type != null && id != null && time != null) {
                    break;
                }
            }
            if (type == null) {
                applyStructured(record); // structured mode, or no CloudEvent at all
                return;
            }
            EventType known = EventCatalog.byType(type).orElse(null);
            if (known == null || !PaymentHistory.FOLDED.contains(known.payload())) {
                return;
            }
            try {
                Instant at = time == null ? Instant.ofEpochMilli(record.timestamp()) : EventTimes.parse(time);
                apply(UUID.fromString(id), known, record.value(), at, record);
            } catch (RuntimeException e) {
                unreadable(record, e);
            }
        }

        private void applyStructured(ConsumerRecord<byte[], byte[]> record) {
            CloudEvent event;
            try {
                event = KafkaMessageFactory.createReader(record).toEvent();
            } catch (RuntimeException e) {
                unreadable(record, e);
                return;
            }
            EventType type = EventCatalog.byType(event.getType()).orElse(null);
            if (type == null || !PaymentHistory.FOLDED.contains(type.payload())) {
                return;
            }
            Instant at = event.getTime() == null ? Instant.ofEpochMilli(record.timestamp()) : event.getTime().toInstant();
            try {
                apply(UUID.fromString(event.getId()), type, event.getData() == null ? null : event.getData().toBytes(), at, record);
            } catch (RuntimeException e) {
                unreadable(record, e);
            }
        }

        private void apply(UUID eventId, EventType type, byte[] data, Instant at, ConsumerRecord<byte[], byte[]> record) {
            if (asOf != null && at.isAfter(asOf)) {
                afterAsOf.incrementAndGet();
                return;
            }
            PlatformEvent payload = readers.computeIfAbsent(type.payload(), json::readerFor).readValue(data);
            history.apply(eventId, payload, at);
        }

        private void unreadable(ConsumerRecord<byte[], byte[]> record, RuntimeException e) {
            unreadable.incrementAndGet();
            log.warn("Record {}-{}@{} cannot be replayed (the audit ledger keeps it as it came): {}", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
        }
    }

    private static String text(Header header) {
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}

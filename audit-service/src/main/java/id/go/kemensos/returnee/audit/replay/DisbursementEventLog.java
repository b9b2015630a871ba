package id.go.kemensos.returnee.audit.replay;

import id.go.kemensos.returnee.audit.TopicFromStart;
import id.go.kemensos.returnee.contracts.EventCatalog;
import id.go.kemensos.returnee.contracts.EventType;
import id.go.kemensos.returnee.contracts.PlatformEvent;
import id.go.kemensos.returnee.contracts.disbursement.DisbursementTopics;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads disbursement.events from its first offset to the end it had when the reading began, outside any consumer group
 * (a replay moves nobody's offsets), and folds the payment events. Events after {@code asOf} are left out.
 *
 * <p>One thread fetches; each partition is decoded and folded by one of a few fold threads, always the same one, so
 * that a person's events (one key, one partition) are folded in their order. The folds are merged at the end.
 */
@Component
public class DisbursementEventLog {

    private static final Logger log = LoggerFactory.getLogger(DisbursementEventLog.class);
    private static final String CE_TYPE = "ce_type";
    private static final String CE_ID = "ce_id";
    private static final String CE_TIME = "ce_time";

    private static final int RECORDS_AHEAD = 100_000;

    private final TopicFromStart topicFromStart;
    private final JsonMapper json;
    /**
     * A reader per payload type folded, built when the service starts: looking the deserializer up on every call costs
     * as much as reading, and building them all took a fresh JVM's first replay a few hundred milliseconds.
     */
    private final Map<Class<?>, ObjectReader> readers;
    // The fetching thread keeps a core busy too: on 2 cores one fold thread did as well as two (1,000,000 events:
    // 114k/176k
    // events/s cold/warm against 87k-113k/155k-181k), the broker sharing the same CPU.
    private final int foldThreads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors() - 1));

    public DisbursementEventLog(TopicFromStart topicFromStart, JsonMapper json) {
        this.topicFromStart = topicFromStart;
        // Its own mapper, with buffers recycled per thread: releasing them to the service's shared concurrent pool when
        // each
        // parser closed was a fifth of the folding. Newer events may carry fields this version does not know: read past
        // them.
        JsonFactory factory = json.tokenStreamFactory()
                .rebuild()
                .recyclerPool(JsonRecyclerPools.threadLocalPool())
                .build();
        this.json = JsonMapper.builder(factory)
                .addModule(EventTimes.module())
                .addModule(new RecordConstructors())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        Map<Class<?>, ObjectReader> byType = new HashMap<>();
        for (Class<?> type : PaymentHistory.FOLDED) {
            byType.put(type, this.json.readerFor(type));
        }
        this.readers = Map.copyOf(byType);
    }

    /**
     * What one pass read: every record up to these end offsets, how many were after asOf, how many could not be read.
     */
    public record Pass(
            Map<Integer, Long> endOffsets,
            long records,
            long afterAsOf,
            long unreadable,
            long setupMillis,
            long finishMillis) {}

    public Pass read(Instant asOf, PaymentHistory history) {
        return read(DisbursementTopics.EVENTS, asOf, history);
    }

    Pass read(String topic, Instant asOf, PaymentHistory history) {
        Map<String, Object> tuning = Map.of(
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000,
                ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 16 * 1024 * 1024,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024,
                ConsumerConfig.RECEIVE_BUFFER_CONFIG, 4 * 1024 * 1024,
                ConsumerConfig.CHECK_CRCS_CONFIG, false);
        Fold[] folds = new Fold[foldThreads];
        ExecutorService[] threads = new ExecutorService[foldThreads];
        for (int i = 0; i < foldThreads; i++) {
            threads[i] = Executors.newSingleThreadExecutor(r -> new Thread(r, "replay-fold"));
        }
        long[] records = {0};
        ArrayDeque<Share> pending = new ArrayDeque<>();
        long[] ahead = {0};
        try {
            TopicFromStart.Read read = topicFromStart.read(
                    topic,
                    tuning,
                    toRead -> {
                        for (int i = 0; i < foldThreads; i++) {
                            folds[i] = new Fold(new PaymentHistory(toRead / foldThreads), asOf);
                        }
                    },
                    (partition, mine) -> {
                        records[0] += mine.size();
                        Fold fold = folds[partition.partition() % foldThreads];
                        pending.add(new Share(
                                threads[partition.partition() % foldThreads].submit(() -> fold.apply(mine)),
                                mine.size()));
                        ahead[0] += mine.size();
                        // Surface a failed fold at once, and let the fetcher run ahead of the folds by a bounded number
                        // of records. Far
                        // enough that the consumer asks the broker for more while the folds work (two polls ahead, the
                        // folds waited for
                        // the broker a third of the time: 1,000,000 events 170,000-240,000 events/s against
                        // 120,000-200,000); not so
                        // far that the records waiting fill the young generation, each collection copying them.
                        while (!pending.isEmpty() && (pending.peek().fold().isDone() || ahead[0] > RECORDS_AHEAD)) {
                            Share done = pending.poll();
                            ahead[0] -= done.records();
                            await(done.fold());
                        }
                    });
            for (Share share : pending) {
                await(share.fold());
            }
            long afterAsOf = 0, unreadable = 0;
            long folded = System.nanoTime();
            for (Fold fold : folds) {
                history.merge(fold.history);
                afterAsOf += fold.afterAsOf.get();
                unreadable += fold.unreadable.get();
            }
            history.finish();
            return new Pass(
                    read.endOffsets(),
                    records[0],
                    afterAsOf,
                    unreadable,
                    read.setupMillis(),
                    (System.nanoTime() - folded) / 1_000_000);
        } finally {
            for (ExecutorService thread : threads) {
                thread.shutdownNow();
            }
        }
    }

    /** Records handed to a fold thread and not yet folded. */
    private record Share(Future<?> fold, int records) {}

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
            // Binary mode, as the outbox relay writes it: the attributes are headers (read in one pass), the value is
            // the data.
            String type = null, id = null, time = null;
            // Kafka decodes each header's key when asked for it: stop as soon as the three needed are found. Compared
            // with
            // equals, not a switch: a switch hashes every fresh key first, equals turns most away on their length.
            for (Header header : record.headers()) {
                String key = header.key();
                if (CE_TYPE.equals(key)) {
                    type = text(header);
                } else if (CE_ID.equals(key)) {
                    id = text(header);
                } else if (CE_TIME.equals(key)) {
                    time = text(header);
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
            Instant at = event.getTime() == null
                    ? Instant.ofEpochMilli(record.timestamp())
                    : event.getTime().toInstant();
            try {
                apply(
                        UUID.fromString(event.getId()),
                        type,
                        event.getData() == null ? null : event.getData().toBytes(),
                        at,
                        record);
            } catch (RuntimeException e) {
                unreadable(record, e);
            }
        }

        private void apply(
                UUID eventId, EventType type, byte[] data, Instant at, ConsumerRecord<byte[], byte[]> record) {
            if (asOf != null && at.isAfter(asOf)) {
                afterAsOf.incrementAndGet();
                return;
            }
            PlatformEvent payload = readers.get(type.payload()).readValue(data);
            history.apply(eventId, payload, at);
        }

        private void unreadable(ConsumerRecord<byte[], byte[]> record, RuntimeException e) {
            unreadable.incrementAndGet();
            log.warn(
                    "Record {}-{}@{} cannot be replayed (the audit ledger keeps it as it came): {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    e.getMessage());
        }
    }

    private static String text(Header header) {
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}

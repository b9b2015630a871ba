package id.go.kemensos.returnee.audit.ledger;

import id.go.kemensos.returnee.audit.AuditProperties;
import id.go.kemensos.returnee.audit.TopicFromStart;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongFunction;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * Compares the ledger with the topics it is built from, read again from their first offsets: each record becomes the
 * row it would be (LedgerRecords, as the ledger consumer makes it) and is compared byte for byte with the row of its
 * event id.
 */
@Component
public class LedgerAgainstKafka {

    private final TopicFromStart topics;
    private final LedgerRecords records;
    private final AuditLedger ledger;
    private final KafkaProperties kafka;
    private final Pattern ledgerTopics;

    LedgerAgainstKafka(
            TopicFromStart topics,
            LedgerRecords records,
            AuditLedger ledger,
            KafkaProperties kafka,
            AuditProperties properties) {
        this.topics = topics;
        this.records = records;
        this.ledger = ledger;
        this.kafka = kafka;
        this.ledgerTopics = Pattern.compile(properties.topicPattern());
    }

    public KafkaComparison compare() {
        // The head first: every row up to it stems from a record that is on Kafka by the time the topics are read after
        // it.
        AuditLedger.Head head = ledger.head();
        Map<String, AuditEntry> onKafka = new HashMap<>();
        long read = 0;
        Set<String> names = topicNames();
        for (String topic : names) {
            long[] count = {0};
            topics.read(topic, Map.of(), (partition, batch) -> {
                for (ConsumerRecord<byte[], byte[]> record : batch) {
                    count[0]++;
                    AuditEntry entry = records.read(withTextKey(record));
                    onKafka.putIfAbsent(
                            entry.eventId(),
                            entry); // a redelivered event counts once, at its first offset, as in the ledger
                }
            });
            read += count[0];
        }
        return compare(read, onKafka, names, after -> ledger.pageAfter(after, head.seq()));
    }

    /** @param onKafka the records as rows, by event id (their first occurrence); consumed */
    static KafkaComparison compare(
            long recordsRead,
            Map<String, AuditEntry> onKafka,
            Set<String> topicsRead,
            LongFunction<List<AuditEntry>> pagesAfter) {
        List<KafkaComparison.Difference> differences = new ArrayList<>();
        Map<String, Long> reach = new HashMap<>(); // per topic partition, the highest offset the ledger holds
        long compared = 0;
        List<AuditEntry> page = pagesAfter.apply(0);
        while (!page.isEmpty()) {
            for (AuditEntry row : page) {
                if (!topicsRead.contains(row.topic())) {
                    continue; // a topic no longer read into the ledger, or gone from Kafka: nothing to compare with
                }
                compared++;
                reach.merge(row.topic() + "/" + row.partition(), row.offset(), Math::max);
                AuditEntry record = onKafka.remove(row.eventId());
                if (record == null) {
                    differences.add(new KafkaComparison.Difference(
                            row.seq(),
                            KafkaComparison.Kind.NOT_ON_KAFKA,
                            row.eventId(),
                            row.topic(),
                            row.partition(),
                            row.offset(),
                            "no record on Kafka has this event id"));
                } else if (!Arrays.equals(atSeq(record, row.seq()).canonicalBytes(), row.canonicalBytes())) {
                    differences.add(new KafkaComparison.Difference(
                            row.seq(),
                            KafkaComparison.Kind.UNLIKE_KAFKA,
                            row.eventId(),
                            row.topic(),
                            row.partition(),
                            row.offset(),
                            "differs from the record at " + record.topic() + "-" + record.partition() + "@"
                                    + record.offset() + " in " + String.join(", ", fieldsThatDiffer(record, row))));
                }
            }
            page = pagesAfter.apply(page.get(page.size() - 1).seq());
        }
        long notYetAppended = 0;
        for (AuditEntry record : onKafka.values()) {
            Long ledgerReach = reach.get(record.topic() + "/" + record.partition());
            if (ledgerReach != null && record.offset() < ledgerReach) {
                differences.add(new KafkaComparison.Difference(
                        null,
                        KafkaComparison.Kind.MISSING_FROM_LEDGER,
                        record.eventId(),
                        record.topic(),
                        record.partition(),
                        record.offset(),
                        "on Kafka before the ledger's last row of its partition (offset " + ledgerReach
                                + "), not in the ledger"));
            } else {
                notYetAppended++;
            }
        }
        differences.sort(
                Comparator.comparing(KafkaComparison.Difference::seq, Comparator.nullsLast(Comparator.naturalOrder())));
        return KafkaComparison.of(recordsRead, compared, notYetAppended, differences);
    }

    private static AuditEntry atSeq(AuditEntry e, long seq) {
        return new AuditEntry(
                seq,
                e.eventId(),
                e.topic(),
                e.partition(),
                e.offset(),
                e.key(),
                e.type(),
                e.source(),
                e.subject(),
                e.time(),
                e.data(),
                null,
                null);
    }

    private static List<String> fieldsThatDiffer(AuditEntry kafka, AuditEntry row) {
        List<String> fields = new ArrayList<>();
        compare(
                fields,
                "position",
                kafka.topic() + "-" + kafka.partition() + "@" + kafka.offset(),
                row.topic() + "-" + row.partition() + "@" + row.offset());
        compare(fields, "key", kafka.key(), row.key());
        compare(fields, "type", kafka.type(), row.type());
        compare(fields, "source", kafka.source(), row.source());
        compare(fields, "subject", kafka.subject(), row.subject());
        compare(fields, "time", kafka.time(), row.time());
        compare(fields, "data", kafka.data(), row.data());
        return fields;
    }

    private static void compare(List<String> fields, String name, Object kafka, Object row) {
        if (!Objects.equals(kafka, row)) {
            fields.add(name);
        }
    }

    private Set<String> topicNames() {
        try (Admin admin = Admin.create(kafka.buildAdminProperties())) {
            Set<String> names = new TreeSet<>();
            for (String name : admin.listTopics().names().get(30, TimeUnit.SECONDS)) {
                if (ledgerTopics.matcher(name).matches()) {
                    names.add(name);
                }
            }
            return names;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot list the topics on Kafka: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted listing the topics", e);
        }
    }

    /** The record as the ledger consumer receives it: its key as text. */
    private static ConsumerRecord<String, byte[]> withTextKey(ConsumerRecord<byte[], byte[]> r) {
        return new ConsumerRecord<>(
                r.topic(),
                r.partition(),
                r.offset(),
                r.timestamp(),
                r.timestampType(),
                r.serializedKeySize(),
                r.serializedValueSize(),
                r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8),
                r.value(),
                r.headers(),
                r.leaderEpoch());
    }
}

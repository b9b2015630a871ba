package id.go.kemensos.returnee.audit.ledger;

import id.go.kemensos.returnee.audit.AuditProperties;
import id.go.kemensos.returnee.contracts.audit.AuditLedgerSealed;
import id.go.kemensos.returnee.contracts.audit.AuditTopics;
import id.go.kemensos.returnee.messaging.Outbox;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Seals the chain: at intervals, when rows were appended, the head (row and hash) is published to audit.events through the
 * outbox. Kafka keeps it forever, outside the ledger's database: whoever rewrites the ledger, recomputing every hash and the
 * head, still cannot match the seals already published, and verification compares them.
 */
@Service
public class LedgerSeals {

    private static final Logger log = LoggerFactory.getLogger(LedgerSeals.class);

    private final JdbcTemplate jdbc;
    private final AuditLedger ledger;
    private final Outbox outbox;
    private final Clock clock;
    private final KafkaProperties kafka;
    private final JsonMapper json;
    private final boolean command;

    public LedgerSeals(JdbcTemplate jdbc, AuditLedger ledger, Outbox outbox, Clock clock, KafkaProperties kafka, JsonMapper json,
                       AuditProperties properties) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.outbox = outbox;
        this.clock = clock;
        this.kafka = kafka;
        this.json = json;
        this.command = properties.command() != null;
    }

    @Scheduled(fixedDelayString = "${audit.seal-interval}", initialDelayString = "${audit.seal-interval}")
    @Transactional // seal() called from here does not pass through the proxy
    public void sealOnSchedule() {
        if (!command) { // a verify or replay command only reads
            seal();
        }
    }

    /** Publishes the head if it moved since the last seal. */
    @Transactional
    public void seal() {
        AuditLedger.Head head = ledger.lockedHead();
        Long last = jdbc.queryForObject("SELECT MAX(seq) FROM audit_seal", Long.class);
        if (head.seq() == 0 || (last != null && last >= head.seq())) {
            return;
        }
        AuditLedgerSealed seal = new AuditLedgerSealed(head.seq(), head.hash(), clock.instant());
        jdbc.update("INSERT INTO audit_seal (seq, hash, sealed_at) VALUES (?, ?, ?)", seal.seq(), seal.hash(), Timestamp.from(seal.sealedAt()));
        outbox.append(seal);
        log.info("Ledger sealed at row {} ({})", seal.seq(), seal.hash());
    }

    /** Every seal on Kafka, by row: the copies verification trusts. */
    public Map<Long, AuditLedgerSealed> published() {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        Map<Long, AuditLedgerSealed> seals = new TreeMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(AuditTopics.EVENTS, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    try {
                        CloudEvent event = KafkaMessageFactory.createReader(record).toEvent();
                        if (AuditLedgerSealed.EVENT_TYPE.type().equals(event.getType()) && event.getData() != null) {
                            AuditLedgerSealed seal = json.readValue(event.getData().toBytes(), AuditLedgerSealed.class);
                            seals.putIfAbsent(seal.seq(), seal); // the first seal of a row is the one that counts
                        }
                    } catch (RuntimeException e) {
                        log.warn("Record {}-{}@{} on {} is not a ledger seal: {}", record.topic(), record.partition(), record.offset(),
                                AuditTopics.EVENTS, e.getMessage());
                    }
                }
            }
        }
        return seals;
    }
}

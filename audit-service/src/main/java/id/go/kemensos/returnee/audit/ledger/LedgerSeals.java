package id.go.kemensos.returnee.audit.ledger;

import id.go.kemensos.returnee.audit.AuditProperties;
import id.go.kemensos.returnee.audit.TopicFromStart;
import id.go.kemensos.returnee.contracts.audit.AuditLedgerSealed;
import id.go.kemensos.returnee.contracts.audit.AuditTopics;
import id.go.kemensos.returnee.messaging.Outbox;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seals the chain: at intervals, when rows were appended, the head (row and hash) is published to audit.events through
 * the outbox. Kafka keeps it forever, outside the ledger's database: whoever rewrites the ledger, recomputing every
 * hash and the head, still cannot match the seals already published, and verification compares them.
 */
@Service
public class LedgerSeals {

    private static final Logger log = LoggerFactory.getLogger(LedgerSeals.class);

    private final JdbcTemplate jdbc;
    private final AuditLedger ledger;
    private final Outbox outbox;
    private final Clock clock;
    private final TopicFromStart topicFromStart;
    private final JsonMapper json;
    private final boolean command;

    public LedgerSeals(
            JdbcTemplate jdbc,
            AuditLedger ledger,
            Outbox outbox,
            Clock clock,
            TopicFromStart topicFromStart,
            JsonMapper json,
            AuditProperties properties) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.outbox = outbox;
        this.clock = clock;
        this.topicFromStart = topicFromStart;
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
        jdbc.update(
                "INSERT INTO audit_seal (seq, hash, sealed_at) VALUES (?, ?, ?)",
                seal.seq(),
                seal.hash(),
                Timestamp.from(seal.sealedAt()));
        outbox.append(seal);
        log.info("Ledger sealed at row {} ({})", seal.seq(), seal.hash());
    }

    /** Every seal on Kafka, by row: the copies verification trusts. */
    public Map<Long, AuditLedgerSealed> published() {
        Map<Long, AuditLedgerSealed> seals = new TreeMap<>();
        topicFromStart.read(AuditTopics.EVENTS, Map.of(), (partition, records) -> {
            for (ConsumerRecord<byte[], byte[]> record : records) {
                try {
                    CloudEvent event = KafkaMessageFactory.createReader(record).toEvent();
                    if (AuditLedgerSealed.EVENT_TYPE.type().equals(event.getType()) && event.getData() != null) {
                        AuditLedgerSealed seal = json.readValue(event.getData().toBytes(), AuditLedgerSealed.class);
                        seals.putIfAbsent(seal.seq(), seal); // the first seal of a row is the one that counts
                    }
                } catch (RuntimeException e) {
                    log.warn(
                            "Record {}-{}@{} on {} is not a ledger seal: {}",
                            record.topic(),
                            record.partition(),
                            record.offset(),
                            AuditTopics.EVENTS,
                            e.getMessage());
                }
            }
        });
        return seals;
    }
}

package id.go.kemensos.returnee.audit.ledger;

import id.go.kemensos.returnee.audit.DatabaseTimes;
import id.go.kemensos.returnee.contracts.EventCatalog;
import id.go.kemensos.returnee.contracts.PlatformEvent;
import id.go.kemensos.returnee.contracts.access.PersonalDataAccessed;
import id.go.kemensos.returnee.contracts.disbursement.PaymentBatchPrepared;
import id.go.kemensos.returnee.contracts.disbursement.PaymentEvent;
import id.go.kemensos.returnee.contracts.disbursement.PaymentReissued;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Appends to the hash-chained ledger and reads it back. */
@Service
public class AuditLedger {

    private static final Logger log = LoggerFactory.getLogger(AuditLedger.class);
    private static final int ID_QUERY_CHUNK = 500;

    private static final int PAGE = 5_000;

    public static final RowMapper<AuditEntry> ENTRY = (rs, n) -> {
        Timestamp time = rs.getTimestamp("event_time");
        return new AuditEntry(
                rs.getLong("seq"),
                rs.getString("event_id"),
                rs.getString("topic"),
                rs.getInt("kafka_partition"),
                rs.getLong("kafka_offset"),
                rs.getString("record_key"),
                rs.getString("type"),
                rs.getString("source"),
                rs.getString("subject"),
                time == null ? null : time.toInstant(),
                rs.getString("data"),
                rs.getString("prev_hash"),
                rs.getString("hash"));
    };

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final Clock clock;

    public AuditLedger(JdbcTemplate jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Appends the records not in the ledger yet (a redelivered event id is skipped), in the given order, under the lock
     * of the chain's head. Returns how many were appended.
     */
    @Transactional
    public int append(List<AuditEntry> records) {
        Head head = lockedHead();
        long seq = head.seq();
        String hash = head.hash();
        Map<String, AuditEntry> fresh = new LinkedHashMap<>();
        for (AuditEntry record : records) {
            fresh.putIfAbsent(record.eventId(), record);
        }
        fresh.keySet().removeAll(known(new ArrayList<>(fresh.keySet())));
        if (fresh.isEmpty()) {
            return 0;
        }
        List<Object[]> rows = new ArrayList<>(fresh.size());
        List<Object[]> refs = new ArrayList<>();
        List<Object[]> accesses = new ArrayList<>();
        Timestamp now = Timestamp.from(clock.instant());
        for (AuditEntry record : fresh.values()) {
            seq++;
            AuditEntry entry = new AuditEntry(
                            seq,
                            record.eventId(),
                            record.topic(),
                            record.partition(),
                            record.offset(),
                            record.key(),
                            record.type(),
                            record.source(),
                            record.subject(),
                            record.time(),
                            record.data(),
                            null,
                            null)
                    .withChain(hash);
            hash = entry.hash();
            rows.add(new Object[] {
                entry.seq(),
                entry.eventId(),
                entry.topic(),
                entry.partition(),
                entry.offset(),
                entry.key(),
                entry.type(),
                entry.source(),
                entry.subject(),
                DatabaseTimes.microseconds(entry.time()) /* the hash covers the microseconds */,
                entry.data(),
                entry.prevHash(),
                entry.hash(),
                now
            });
            Optional<PlatformEvent> event = decoded(entry);
            for (UUID payment : paymentsMentioned(event)) {
                refs.add(new Object[] {payment.toString(), entry.seq()});
            }
            if (event.orElse(null) instanceof PersonalDataAccessed access) {
                accesses.add(new Object[] {access.officer(), Timestamp.from(access.at()), entry.seq()});
            }
        }
        jdbc.batchUpdate("""
                INSERT INTO audit_entry (seq, event_id, topic, kafka_partition, kafka_offset, record_key, type, source,
                    subject, event_time,
                    data, prev_hash, hash, appended_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        if (!refs.isEmpty()) {
            jdbc.batchUpdate("INSERT IGNORE INTO audit_payment_ref (payment_id, seq) VALUES (?, ?)", refs);
        }
        if (!accesses.isEmpty()) {
            jdbc.batchUpdate("INSERT IGNORE INTO audit_access_ref (officer, at, seq) VALUES (?, ?, ?)", accesses);
        }
        jdbc.update("UPDATE audit_chain_head SET seq = ?, hash = ? WHERE id = 1", seq, hash);
        return rows.size();
    }

    /** The ledger rows about one subject (a beneficiary, a batch), in ledger order. */
    public List<AuditEntry> bySubject(String subject) {
        return jdbc.query("SELECT * FROM audit_entry WHERE subject = ? ORDER BY seq", ENTRY, subject);
    }

    /** The ledger rows that mention a payment: its own events and the batches it was in. */
    public List<AuditEntry> byPayment(UUID paymentId) {
        return jdbc.query(
                "SELECT e.* FROM audit_payment_ref r JOIN audit_entry e ON e.seq = r.seq WHERE r.payment_id = ? "
                        + "ORDER BY e.seq",
                ENTRY,
                paymentId.toString());
    }

    /**
     * The next page of rows after {@code after}, up to {@code upTo} (a head read before), in order: for walking the
     * whole ledger.
     */
    public List<AuditEntry> pageAfter(long after, long upTo) {
        return jdbc.query(
                "SELECT * FROM audit_entry WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT " + PAGE, ENTRY, after, upTo);
    }

    public Optional<AuditEntry> bySeq(long seq) {
        return jdbc.query("SELECT * FROM audit_entry WHERE seq = ?", ENTRY, seq).stream()
                .findFirst();
    }

    public Head head() {
        return jdbc.queryForObject("SELECT seq, hash FROM audit_chain_head WHERE id = 1", HEAD);
    }

    /**
     * The head, locked until the transaction ends: every append and every seal takes this lock, so the chain has one
     * order.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Head lockedHead() {
        return jdbc.queryForObject("SELECT seq, hash FROM audit_chain_head WHERE id = 1 FOR UPDATE", HEAD);
    }

    private static final RowMapper<Head> HEAD = (rs, n) -> new Head(rs.getLong("seq"), rs.getString("hash"));

    public record Head(long seq, String hash) {}

    /** The event decoded into its contract, when the platform knows its type. */
    public Optional<PlatformEvent> payload(AuditEntry entry) {
        return EventCatalog.byType(entry.type()).map(type -> json.readValue(entry.data(), type.payload()));
    }

    /** The ledger rows recording what one officer read or exported, in ledger order, optionally within [from, to). */
    public List<AuditEntry> accessesBy(String officer, Instant from, Instant to) {
        return jdbc.query(
                "SELECT e.* FROM audit_access_ref r JOIN audit_entry e ON e.seq = r.seq WHERE r.officer = ? AND "
                        + "r.at >= ? AND r.at < ? ORDER BY e.seq",
                ENTRY,
                officer,
                Timestamp.from(from),
                Timestamp.from(to));
    }

    /**
     * The ledger rows recording reads and exports within [from, to), everyone's, in ledger order (at most
     * {@code limit}).
     */
    public List<AuditEntry> accessesBetween(Instant from, Instant to, int limit) {
        return jdbc.query(
                "SELECT e.* FROM audit_access_ref r JOIN audit_entry e ON e.seq = r.seq WHERE r.at >= ? AND r.at < ? "
                        + "ORDER BY e.seq LIMIT ?",
                ENTRY,
                Timestamp.from(from),
                Timestamp.from(to),
                limit);
    }

    private Optional<PlatformEvent> decoded(AuditEntry entry) {
        try {
            return payload(entry);
        } catch (RuntimeException e) {
            // The row is kept as it came; it just cannot be found by payment or officer.
            log.warn("Ledger row {} ({}) does not match its contract: {}", entry.seq(), entry.type(), e.getMessage());
            return Optional.empty();
        }
    }

    private static Set<UUID> paymentsMentioned(Optional<PlatformEvent> decoded) {
        Set<UUID> payments = new HashSet<>();
        decoded.ifPresent(event -> {
            if (event instanceof PaymentEvent p) {
                payments.add(p.paymentId());
            }
            if (event instanceof PaymentReissued r) {
                payments.add(r.newPaymentId());
            }
            if (event instanceof PaymentBatchPrepared b) {
                payments.addAll(b.paymentIds());
            }
        });
        return payments;
    }

    private Set<String> known(List<String> eventIds) {
        Set<String> known = new HashSet<>();
        for (int from = 0; from < eventIds.size(); from += ID_QUERY_CHUNK) {
            List<String> chunk = eventIds.subList(from, Math.min(eventIds.size(), from + ID_QUERY_CHUNK));
            String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            known.addAll(jdbc.queryForList(
                    "SELECT event_id FROM audit_entry WHERE event_id IN (" + marks + ")",
                    String.class,
                    chunk.toArray()));
        }
        return known;
    }
}

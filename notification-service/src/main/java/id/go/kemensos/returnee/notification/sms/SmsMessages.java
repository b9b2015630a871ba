package id.go.kemensos.returnee.notification.sms;

import id.go.kemensos.returnee.contracts.MaskedValues;
import id.go.kemensos.returnee.contracts.PlatformEvent;
import id.go.kemensos.returnee.contracts.notification.SmsDelivered;
import id.go.kemensos.returnee.contracts.notification.SmsFailed;
import id.go.kemensos.returnee.contracts.notification.SmsSent;
import id.go.kemensos.returnee.contracts.notification.SmsWithheld;
import id.go.kemensos.returnee.messaging.CommitBatch;
import id.go.kemensos.returnee.messaging.Outbox;
import id.go.kemensos.returnee.messaging.TimeOrderedIds;
import id.go.kemensos.returnee.notification.NotificationProperties;
import id.go.kemensos.returnee.notification.contact.ContactDirectory;
import id.go.kemensos.returnee.notification.contact.SealedContacts;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Queued messages and their transitions QUEUED → SENT → DELIVERED | FAILED (or QUEUED → WITHHELD when the person opts
 * out), each with its outbox event; the receipt that ends a sent message comes from the gateway's callback or, when
 * that is overdue, from asking the gateway.
 */
@Repository
public class SmsMessages {

    private static final String QUEUE = """
            INSERT IGNORE INTO sms_message (message_id, beneficiary_id, template, source_event_id, params, state,
                next_attempt_at, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, 'QUEUED', ?, ?, ?)""";
    private static final String DUE = """
            SELECT m.message_id, m.beneficiary_id, m.template, m.source_event_id, m.params, m.attempts, m.created_at,
                   c.personal_data, c.language, c.opted_out, c.opted_out_changed_at, c.province_code, c.regency_code
            FROM sms_message m JOIN contact c ON c.beneficiary_id = m.beneficiary_id
            WHERE m.state = 'QUEUED' AND m.next_attempt_at <= ?
            ORDER BY m.next_attempt_at
            LIMIT ? FOR UPDATE SKIP LOCKED""";
    /**
     * Messages locked by their ids alone: a condition on the state would let the optimiser range over the state index
     * and lock its gaps, where the consumer queues new messages and the dispatcher claims them (deadlocks seen).
     */
    private static final String LOCK_BY_ID =
            "SELECT message_id, state, %s FROM sms_message WHERE message_id IN (:ids) ORDER BY message_id FOR UPDATE";

    private static final TypeReference<Map<String, String>> PARAMS = new TypeReference<>() {};
    private static final Duration MAX_RECEIPT_WAIT = Duration.ofDays(1);
    private static final Logger log = LoggerFactory.getLogger(SmsMessages.class);

    private final JdbcTemplate jdbc;
    private final Outbox outbox;
    private final JsonMapper json;
    private final Clock clock;
    private final NotificationProperties.Dispatch settings;

    private final SealedContacts contacts;
    /** The messages the current transaction queues, written when it commits. */
    private final CommitBatch<Object[]> queued;

    private final NamedParameterJdbcTemplate named;

    SmsMessages(
            JdbcTemplate jdbc,
            Outbox outbox,
            JsonMapper json,
            Clock clock,
            NotificationProperties properties,
            SealedContacts contacts) {
        this.contacts = contacts;
        this.jdbc = jdbc;
        this.queued = new CommitBatch<>(rows -> jdbc.batchUpdate(QUEUE, rows));
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
        this.settings = properties.dispatch();
    }

    /**
     * Queues a message for a person, once per (person, template, source event) whatever redeliveries happen. The
     * message is written with the rest of its transaction's when it commits (a consumer's poll queues many): nothing in
     * that transaction needs to see it, since whether it may go (opted out, no phone, erased, even by an event later in
     * the same poll) is decided when it comes due.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void queue(
            UUID beneficiaryId, SmsTemplate template, UUID sourceEventId, Map<String, String> params, Instant now) {
        queued.add(new Object[] {
            TimeOrderedIds.next().toString(),
            beneficiaryId.toString(),
            template.name(),
            sourceEventId.toString(),
            json.writeValueAsString(params),
            Timestamp.from(now),
            Timestamp.from(now),
            Timestamp.from(now)
        });
    }

    /**
     * Opted out now, or the opt-out changed after the message was queued: then it was queued while the person was
     * opted out (an opt-out after it withholds it at once), and opting back in does not send it.
     */
    static boolean optedOutSinceQueued(Map<String, Object> row) {
        if (Boolean.TRUE.equals(row.get("opted_out"))) {
            return true;
        }
        Object changed = row.get("opted_out_changed_at");
        Object queued = row.get("created_at");
        return changed != null && queued != null && toInstant(changed).isAfter(toInstant(queued));
    }

    private static Instant toInstant(Object column) {
        return column instanceof LocalDateTime local
                ? local.toInstant(ZoneOffset.UTC)
                : ((Timestamp) column).toInstant();
    }

    /**
     * Whether any message is due: a look without locks, outside a transaction, so that an idle dispatch round is one
     * statement rather than a claiming transaction of four round trips.
     */
    public boolean anyDue() {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM sms_message WHERE state = 'QUEUED' AND next_attempt_at <= ?)",
                Boolean.class,
                Timestamp.from(clock.instant())));
    }

    /**
     * Claims due messages: their next attempt moves out by the retry delay, a lease that also paces retries. A message
     * to a person erased meanwhile, registered without a phone, or opted out (now, or when it was queued), is withheld
     * instead, with that reason.
     */
    @Transactional
    public List<PendingSms> claimDue(int limit) {
        Instant now = clock.instant();
        List<Map<String, Object>> rows = jdbc.queryForList(DUE, Timestamp.from(now), limit);
        contacts.loadKeys(rows.stream()
                .map(r -> UUID.fromString((String) r.get("beneficiary_id")))
                .toList());
        List<PendingSms> due = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            UUID messageId = UUID.fromString((String) r.get("message_id"));
            UUID beneficiaryId = UUID.fromString((String) r.get("beneficiary_id"));
            Optional<SealedContacts.Contact> contact = contacts.open(beneficiaryId, (String) r.get("personal_data"));
            String cannotSend = contact.isEmpty()
                    ? SealedContacts.ERASED
                    : contact.get().phoneE164() == null
                            ? ContactDirectory.NO_PHONE
                            : optedOutSinceQueued(r) ? ContactDirectory.OPTED_OUT : null;
            if (cannotSend != null) {
                withhold(
                        messageId,
                        beneficiaryId,
                        (String) r.get("template"),
                        UUID.fromString((String) r.get("source_event_id")),
                        cannotSend,
                        now);
                continue;
            }
            Map<String, String> params = new HashMap<>(json.readValue((String) r.get("params"), PARAMS));
            // A claim code is kept sealed with the message and opened only to be sent.
            String sealedCode = params.remove(SmsQueue.SEALED_CLAIM_CODE);
            if (sealedCode != null) {
                contacts.openClaimCode(beneficiaryId, sealedCode).ifPresent(code -> params.put("code", code));
            }
            due.add(new PendingSms(
                    messageId,
                    beneficiaryId,
                    SmsTemplate.valueOf((String) r.get("template")),
                    UUID.fromString((String) r.get("source_event_id")),
                    params,
                    ((Number) r.get("attempts")).intValue() + 1,
                    contact.get().fullName(),
                    contact.get().phoneE164(),
                    (String) r.get("language"),
                    (String) r.get("province_code"),
                    (String) r.get("regency_code")));
        }
        if (due.isEmpty()) {
            return due;
        }
        // One round trip for the round's leases (a JDBC batch), not one per message.
        jdbc.batchUpdate(
                "UPDATE sms_message SET attempts = attempts + 1, next_attempt_at = ?, updated_at = ? WHERE message_id = ?",
                due.stream()
                        .map(sms -> new Object[] {
                            Timestamp.from(now.plus(settings.retryDelay())),
                            Timestamp.from(now),
                            sms.messageId().toString()
                        })
                        .toList());
        return due;
    }

    /**
     * Records the messages the gateway accepted, in one transaction: each becomes SENT with its {@link SmsSent}, and a
     * receipt that came before this is applied. Also for a message withheld while its send was under way: the gateway
     * took it, so it was sent all the same.
     */
    @Transactional
    public void markSent(List<SentSms> sent) {
        if (sent.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Map<String, SentSms> byId = new HashMap<>();
        sent.forEach(s -> byId.put(s.sms().messageId().toString(), s));
        List<SentSms> sending = new ArrayList<>();
        List<DeliveryReceipt> early = new ArrayList<>();
        named.query(
                LOCK_BY_ID.formatted("receipt_status, receipt_at"), Map.of("ids", byId.keySet()), (RowCallbackHandler)
                        rs -> {
                            if (!List.of("QUEUED", "WITHHELD").contains(rs.getString("state"))) {
                                return;
                            }
                            SentSms s = byId.get(rs.getString("message_id"));
                            sending.add(s);
                            if (rs.getString("receipt_status") != null) {
                                early.add(new DeliveryReceipt(
                                        s.sms().messageId(),
                                        rs.getString("receipt_status"),
                                        rs.getTimestamp("receipt_at").toInstant()));
                            }
                        });
        if (sending.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(
                """
                        UPDATE sms_message SET state = 'SENT', gateway_message_id = ?, segments = ?, updated_at = ?,
                            receipt_check_at = ?
                        WHERE message_id = ?""",
                sending.stream()
                        .map(s -> new Object[] {
                            s.gatewayMessageId(),
                            s.segments(),
                            Timestamp.from(now),
                            Timestamp.from(now.plus(settings.receiptWait())),
                            s.sms().messageId().toString()
                        })
                        .toList());
        outbox.appendAll(sending.stream()
                .map(s -> new SmsSent(
                        s.sms().messageId(),
                        s.sms().beneficiaryId(),
                        s.sms().template().name(),
                        s.sms().sourceEventId(),
                        MaskedValues.lastFour(s.sms().phoneE164()),
                        s.gatewayMessageId(),
                        s.segments(),
                        now))
                .toList());
        if (!early.isEmpty()) {
            applyReceipts(early);
        }
    }

    /** A message the gateway accepted: its id there and the segments it bills. */
    public record SentSms(PendingSms sms, String gatewayMessageId, int segments) {}

    /**
     * Withholds the person's queued messages for good (they opted out): each becomes WITHHELD with an
     * {@link SmsWithheld} event, and is not sent if they opt back in. A message under lease (its send under way, or
     * waiting to retry) is left to the lease: the gateway may have it already, and then it was sent, not withheld;
     * otherwise it comes due again and {@link #claimDue} withholds it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void withholdQueued(UUID beneficiaryId, String reason) {
        Instant now = clock.instant();
        jdbc.query(
                "SELECT message_id, template, source_event_id FROM sms_message WHERE beneficiary_id = ? AND state "
                        + "= 'QUEUED' AND NOT (attempts > 0 AND next_attempt_at > ?) FOR UPDATE",
                (RowCallbackHandler) rs -> withhold(
                        UUID.fromString(rs.getString("message_id")),
                        beneficiaryId,
                        rs.getString("template"),
                        UUID.fromString(rs.getString("source_event_id")),
                        reason,
                        now),
                beneficiaryId.toString(),
                Timestamp.from(now));
    }

    /** Withholds one queued message (its row already written): WITHHELD, with its event. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void withhold(
            UUID messageId, UUID beneficiaryId, String template, UUID sourceEventId, String reason, Instant at) {
        if (jdbc.update(
                        "UPDATE sms_message SET state = 'WITHHELD', last_error = ?, updated_at = ? WHERE "
                                + "message_id = ? AND state = 'QUEUED'",
                        truncate(reason),
                        Timestamp.from(at),
                        messageId.toString())
                == 1) {
            outbox.append(new SmsWithheld(messageId, beneficiaryId, template, sourceEventId, truncate(reason), at));
        }
    }

    /** Records a failed attempt; the message fails for good after the last attempt or on a permanent refusal. */
    @Transactional
    public void markAttemptFailed(PendingSms sms, String reason, boolean permanent) {
        Instant now = clock.instant();
        boolean last = permanent || sms.attempt() >= settings.maxAttempts();
        jdbc.update(
                "UPDATE sms_message SET last_error = ?, updated_at = ?" + (last ? ", state = 'FAILED'" : "")
                        + " WHERE message_id = ? AND state = 'QUEUED'",
                truncate(reason),
                Timestamp.from(now),
                sms.messageId().toString());
        if (last) {
            outbox.append(new SmsFailed(
                    sms.messageId(),
                    sms.beneficiaryId(),
                    sms.template().name(),
                    sms.sourceEventId(),
                    MaskedValues.lastFour(sms.phoneE164()),
                    truncate(reason),
                    now));
        }
    }

    /**
     * Claims sent messages whose receipt is overdue, to be asked for at the gateway: each one's next check moves out
     * (twice as far each time, at most a day), a lease like {@link #claimDue}'s. After the last check a message is no
     * longer asked for; it stays SENT, noted as without a receipt.
     */
    @Transactional
    public List<OverdueReceipt> claimOverdueReceipts(int limit) {
        Instant now = clock.instant();
        List<OverdueReceipt> overdue = jdbc.query(
                """
                        SELECT message_id, gateway_message_id, receipt_checks FROM sms_message
                        WHERE state = 'SENT' AND receipt_check_at <= ? ORDER BY receipt_check_at LIMIT ? FOR UPDATE SKIP LOCKED""",
                (rs, n) -> new OverdueReceipt(
                        UUID.fromString(rs.getString("message_id")),
                        rs.getString("gateway_message_id"),
                        rs.getInt("receipt_checks") + 1),
                Timestamp.from(now),
                limit);
        List<OverdueReceipt> toAsk = new ArrayList<>();
        for (OverdueReceipt receipt : overdue) {
            if (receipt.check() > settings.receiptChecks()) {
                jdbc.update(
                        "UPDATE sms_message SET receipt_check_at = NULL, last_error = ? WHERE message_id = ?",
                        "no delivery receipt after " + settings.receiptChecks() + " checks",
                        receipt.messageId().toString());
                log.warn(
                        "SMS {} ({}): no delivery receipt after {} checks; no longer asked for",
                        receipt.messageId(),
                        receipt.gatewayMessageId(),
                        settings.receiptChecks());
                continue;
            }
            Duration wait = settings.receiptWait().multipliedBy(1L << Math.min(receipt.check(), 20));
            jdbc.update(
                    "UPDATE sms_message SET receipt_checks = ?, receipt_check_at = ? WHERE message_id = ?",
                    receipt.check(),
                    Timestamp.from(now.plus(wait.compareTo(MAX_RECEIPT_WAIT) > 0 ? MAX_RECEIPT_WAIT : wait)),
                    receipt.messageId().toString());
            toAsk.add(receipt);
        }
        return toAsk;
    }

    /** A sent message whose receipt is asked for; {@code check} counts from 1. */
    public record OverdueReceipt(UUID messageId, String gatewayMessageId, int check) {}

    /**
     * Delivery receipts, in one transaction: DELIVERED, or FAILED (the handset never got it). A receipt for a message
     * not yet recorded as sent is kept and applied by {@link #markSent}; a repeated or late receipt changes nothing.
     */
    @Transactional
    public void recordReceipts(List<DeliveryReceipt> receipts) {
        if (receipts.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Map<String, DeliveryReceipt> byId = new HashMap<>();
        receipts.forEach(r -> byId.put(r.messageId().toString(), r.at() == null ? r.at(now) : r));
        List<DeliveryReceipt> early = new ArrayList<>();
        List<DeliveryReceipt> sent = new ArrayList<>();
        named.query(LOCK_BY_ID.formatted("NULL"), Map.of("ids", byId.keySet()), (RowCallbackHandler) rs -> {
            DeliveryReceipt receipt = byId.get(rs.getString("message_id"));
            switch (rs.getString("state")) {
                case "QUEUED" -> early.add(receipt);
                case "SENT" -> sent.add(receipt);
                default -> {} // final already, or withheld: a late or repeated receipt changes nothing
            }
        });
        jdbc.batchUpdate(
                "UPDATE sms_message SET receipt_status = ?, receipt_at = ? WHERE message_id = ?",
                early.stream()
                        .map(r -> new Object[] {
                            r.status(), Timestamp.from(r.at()), r.messageId().toString()
                        })
                        .toList());
        if (!sent.isEmpty()) {
            applyReceipts(sent);
        }
    }

    /** A gateway's receipt of a message: its final status and when the handset got it (null: not said). */
    public record DeliveryReceipt(UUID messageId, String status, Instant at) {

        DeliveryReceipt at(Instant when) {
            return new DeliveryReceipt(messageId, status, when);
        }
    }

    /** Ends SENT messages (their rows locked by the caller) as their receipts say, each with its event. */
    private void applyReceipts(List<DeliveryReceipt> receipts) {
        Instant now = clock.instant();
        Map<String, DeliveryReceipt> byId = new HashMap<>();
        receipts.forEach(r -> byId.put(r.messageId().toString(), r));
        List<PlatformEvent> events = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        named.query(
                "SELECT m.message_id, m.beneficiary_id, m.template, m.source_event_id, m.gateway_message_id, "
                        + "c.phone_masked FROM sms_message m LEFT JOIN contact c ON c.beneficiary_id = m.beneficiary_id "
                        + "WHERE m.message_id IN (:ids) AND m.state = 'SENT'",
                Map.of("ids", byId.keySet()),
                (RowCallbackHandler) rs -> {
                    DeliveryReceipt receipt = byId.get(rs.getString("message_id"));
                    UUID beneficiaryId = UUID.fromString(rs.getString("beneficiary_id"));
                    UUID sourceEventId = UUID.fromString(rs.getString("source_event_id"));
                    boolean delivered = "DELIVERED".equals(receipt.status());
                    String error = delivered ? null : "not delivered: " + receipt.status();
                    updates.add(new Object[] {
                        delivered ? "DELIVERED" : "FAILED",
                        Timestamp.from(now),
                        error,
                        receipt.messageId().toString()
                    });
                    events.add(
                            delivered
                                    ? new SmsDelivered(
                                            receipt.messageId(),
                                            beneficiaryId,
                                            rs.getString("template"),
                                            sourceEventId,
                                            rs.getString("gateway_message_id"),
                                            receipt.at())
                                    : new SmsFailed(
                                            receipt.messageId(),
                                            beneficiaryId,
                                            rs.getString("template"),
                                            sourceEventId,
                                            rs.getString("phone_masked"),
                                            error,
                                            now));
                });
        jdbc.batchUpdate(
                "UPDATE sms_message SET state = ?, updated_at = ?, last_error = ?, receipt_check_at = NULL WHERE "
                        + "message_id = ?",
                updates);
        outbox.appendAll(events);
    }

    /** How many messages are in each state, for the engineer on call ({@code platform_sms}). */
    public Map<String, Long> countByState() {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query("SELECT state, COUNT(*) AS messages FROM sms_message GROUP BY state", (RowCallbackHandler)
                rs -> counts.put(rs.getString("state"), rs.getLong("messages")));
        return counts;
    }

    /**
     * Messages by province and where they stand (QUEUED, SENT, DELIVERED or FAILED as the gateway reported, WITHHELD):
     * counts only, for the dashboards. One province, or all when null.
     */
    public List<Map<String, Object>> countByProvince(String provinceCode) {
        String where = provinceCode == null ? "" : " WHERE c.province_code = ?";
        Object[] args = provinceCode == null ? new Object[0] : new Object[] {provinceCode};
        return jdbc.queryForList(
                "SELECT c.province_code, m.state, COUNT(*) AS messages FROM sms_message m "
                        + "LEFT JOIN contact c ON c.beneficiary_id = m.beneficiary_id" + where
                        + " GROUP BY c.province_code, m.state ORDER BY c.province_code, m.state",
                args);
    }

    private static String truncate(String reason) {
        return reason == null || reason.length() <= 300 ? reason : reason.substring(0, 300);
    }

    public record PendingSms(
            UUID messageId,
            UUID beneficiaryId,
            SmsTemplate template,
            UUID sourceEventId,
            Map<String, String> params,
            int attempt,
            String fullName,
            String phoneE164,
            String language,
            String provinceCode,
            String regencyCode) {}
}

package id.go.kemensos.returnee.audit.ledger;

import id.go.kemensos.returnee.contracts.registration.PersonalDataErased;
import id.go.kemensos.returnee.privacy.PersonalDataCipher;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Appends every record of every event topic to the ledger, a poll's worth per transaction. One consumer thread reads
 * all topics, so the chain has a single writer; its offsets are committed only after the batch is in the ledger, and a
 * batch that fails is retried (LedgerConfiguration) rather than skipped: the audit log must not lose a record.
 */
@Component
class LedgerListener {

    private static final Logger log = LoggerFactory.getLogger(LedgerListener.class);

    private static final String ERASED = PersonalDataErased.EVENT_TYPE.type();

    private final LedgerRecords records;
    private final AuditLedger ledger;
    private final PersonalDataCipher cipher;

    LedgerListener(LedgerRecords records, AuditLedger ledger, PersonalDataCipher cipher) {
        this.records = records;
        this.ledger = ledger;
        this.cipher = cipher;
    }

    @KafkaListener(
            id = "audit-ledger",
            topicPattern = "${audit.topic-pattern}",
            groupId = "audit",
            containerFactory = "ledgerListenerFactory")
    void onRecords(List<ConsumerRecord<String, byte[]>> batch) {
        int appended = ledger.append(batch.stream().map(records::read).toList());
        if (appended < batch.size()) {
            log.debug("{} of {} records were already in the ledger", batch.size() - appended, batch.size());
        }
        // An erased person's key, if held unwrapped for the auditors' views, is dropped as soon as the erasure is
        // recorded.
        batch.stream()
                .filter(r -> r.key() != null && ERASED.equals(type(r)))
                .forEach(r -> cipher.forgetKey(UUID.fromString(r.key())));
    }

    private static String type(ConsumerRecord<String, byte[]> record) {
        Header type = record.headers().lastHeader("ce_type");
        return type == null ? null : new String(type.value(), StandardCharsets.UTF_8);
    }
}

package id.go.kemensos.returnee.audit.ledger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Appends every record of every event topic to the ledger, a poll's worth per transaction. One consumer thread reads all
 * topics, so the chain has a single writer; its offsets are committed only after the batch is in the ledger, and a batch that
 * fails is retried (LedgerConfiguration) rather than skipped: the audit log must not lose a record.
 */
@Component
class LedgerListener {

    private static final Logger log = LoggerFactory.getLogger(LedgerListener.class);

    private final LedgerRecords records;
    private final AuditLedger ledger;

    LedgerListener(LedgerRecords records, AuditLedger ledger) {
        this.records = records;
        this.ledger = ledger;
    }

    @KafkaListener(id = "audit-ledger", topicPattern = "${audit.topic-pattern}", groupId = "audit", containerFactory = "ledgerListenerFactory")
    void onRecords(List<ConsumerRecord<String, byte[]>> batch) {
        int appended = ledger.append(batch.stream().map(records::read).toList());
        if (appended < batch.size()) {
            log.debug("{} of {} records were already in the ledger", batch.size() - appended, batch.size());
        }
    }
}

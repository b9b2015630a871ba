package id.go.kemensos.returnee.disbursement.ledger;

import id.go.kemensos.returnee.contracts.eligibility.EligibilityTopics;
import id.go.kemensos.returnee.messaging.IncomingEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class EligibilityEventsListener {

    private final IncomingEvents events;
    private final PaymentLedger ledger;

    EligibilityEventsListener(IncomingEvents events, PaymentLedger ledger) {
        this.events = events;
        this.ledger = ledger;
    }

    @KafkaListener(id = "disbursement-eligibility", topics = EligibilityTopics.EVENTS, groupId = "disbursement")
    void on(ConsumerRecord<String, byte[]> record) {
        ledger.onEligibilityEvent(events.read(record));
    }
}

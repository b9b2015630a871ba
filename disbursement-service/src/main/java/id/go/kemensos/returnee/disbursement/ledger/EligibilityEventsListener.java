package id.go.kemensos.returnee.disbursement.ledger;

import id.go.kemensos.returnee.contracts.eligibility.DecisionOverridden;
import id.go.kemensos.returnee.contracts.eligibility.EligibilityDecided;
import id.go.kemensos.returnee.contracts.eligibility.EligibilityEvent;
import id.go.kemensos.returnee.contracts.eligibility.EligibilityTopics;
import id.go.kemensos.returnee.messaging.EventHandlers;
import id.go.kemensos.returnee.messaging.EventInbox;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class EligibilityEventsListener {

    private final EventInbox inbox;
    private final EventHandlers<EligibilityEvent> handlers;

    EligibilityEventsListener(EventInbox inbox, PaymentLedger ledger) {
        this.inbox = inbox;
        this.handlers = EventHandlers.of(PaymentLedger.CONSUMER, EligibilityEvent.class)
                .on(EligibilityDecided.class, ledger::onDecided)
                .on(DecisionOverridden.class, ledger::onOverridden);
    }

    @KafkaListener(id = "disbursement-eligibility", topics = EligibilityTopics.EVENTS, groupId = "disbursement")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        inbox.deliverAll(records, handlers);
    }
}

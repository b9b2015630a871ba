package id.go.kemensos.returnee.eligibility.decision;

import id.go.kemensos.returnee.contracts.disbursement.DisbursementEvent;
import id.go.kemensos.returnee.contracts.disbursement.DisbursementTopics;
import id.go.kemensos.returnee.contracts.disbursement.PaymentSettled;
import id.go.kemensos.returnee.messaging.EventHandlers;
import id.go.kemensos.returnee.messaging.EventInbox;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class DisbursementEventsListener {

    private final EventInbox inbox;
    private final EventHandlers<DisbursementEvent> handlers;

    DisbursementEventsListener(EventInbox inbox, EligibilityDecisions decisions) {
        this.inbox = inbox;
        this.handlers = EventHandlers.of(EligibilityDecisions.PAYMENTS_CONSUMER, DisbursementEvent.class)
                .on(PaymentSettled.class, decisions::onPaymentSettled);
    }

    @KafkaListener(id = "eligibility-disbursement", topics = DisbursementTopics.EVENTS, groupId = "eligibility")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        inbox.deliverAll(records, handlers);
    }
}

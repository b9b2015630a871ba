package id.go.kemensos.returnee.casework.cases;

import id.go.kemensos.returnee.contracts.disbursement.DisbursementEvent;
import id.go.kemensos.returnee.contracts.disbursement.DisbursementTopics;
import id.go.kemensos.returnee.contracts.disbursement.PaymentSettled;
import id.go.kemensos.returnee.messaging.EventHandlers;
import id.go.kemensos.returnee.messaging.EventInbox;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Payments credited: a grant offer is delivered by its program's payment. */
@Component
class DisbursementEventsListener {

    private final EventInbox inbox;
    private final EventHandlers<DisbursementEvent> handlers;

    DisbursementEventsListener(EventInbox inbox, Casework casework) {
        this.inbox = inbox;
        this.handlers = EventHandlers.of(Casework.PAYMENTS_CONSUMER, DisbursementEvent.class)
                .on(PaymentSettled.class, casework::onPaymentSettled);
    }

    @KafkaListener(id = "case-disbursement", topics = DisbursementTopics.EVENTS, groupId = "case")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        inbox.deliverAll(records, handlers);
    }
}

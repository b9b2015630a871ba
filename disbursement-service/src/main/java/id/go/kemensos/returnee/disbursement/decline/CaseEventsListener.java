package id.go.kemensos.returnee.disbursement.decline;

import id.go.kemensos.returnee.contracts.casework.CaseEvent;
import id.go.kemensos.returnee.contracts.casework.CaseTopics;
import id.go.kemensos.returnee.contracts.casework.GrantDeclined;
import id.go.kemensos.returnee.messaging.EventHandlers;
import id.go.kemensos.returnee.messaging.EventInbox;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Grants people declined, from case-service. */
@Component
class CaseEventsListener {

    private final EventInbox inbox;
    private final EventHandlers<CaseEvent> handlers;

    CaseEventsListener(EventInbox inbox, GrantCancellation cancellation) {
        this.inbox = inbox;
        // A decline is kept once and a cancelled payment is not cancelled again: a redelivery changes nothing.
        this.handlers = EventHandlers.of(GrantCancellation.CONSUMER, CaseEvent.class)
                .on(GrantDeclined.class, cancellation::onGrantDeclined)
                .idempotent();
    }

    @KafkaListener(id = "disbursement-case", topics = CaseTopics.EVENTS, groupId = "disbursement")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        inbox.deliverAll(records, handlers);
    }
}

package id.go.kemensos.returnee.registration.assignment;

import id.go.kemensos.returnee.contracts.casework.CaseEvent;
import id.go.kemensos.returnee.contracts.casework.CaseOpened;
import id.go.kemensos.returnee.contracts.casework.CaseReassigned;
import id.go.kemensos.returnee.contracts.casework.CaseTopics;
import id.go.kemensos.returnee.messaging.EventHandlers;
import id.go.kemensos.returnee.messaging.EventInbox;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Who follows each person's case, from case-service. */
@Component
class CaseEventsListener {

    private final EventInbox inbox;
    private final EventHandlers<CaseEvent> handlers;

    CaseEventsListener(EventInbox inbox, CaseAssignments assignments) {
        this.inbox = inbox;
        // The assignment is written whole each time: a redelivery changes nothing.
        this.handlers = EventHandlers.of(CaseAssignments.CONSUMER, CaseEvent.class)
                .on(CaseOpened.class, assignments::onCaseOpened)
                .on(CaseReassigned.class, assignments::onCaseReassigned)
                .idempotent();
    }

    @KafkaListener(id = "registration-cases", topics = CaseTopics.EVENTS, groupId = "registration")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        inbox.deliverAll(records, handlers);
    }
}

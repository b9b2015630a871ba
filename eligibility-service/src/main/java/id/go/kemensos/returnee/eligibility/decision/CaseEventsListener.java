package id.go.kemensos.returnee.eligibility.decision;

import id.go.kemensos.returnee.contracts.casework.CaseEvent;
import id.go.kemensos.returnee.contracts.casework.CaseTopics;
import id.go.kemensos.returnee.contracts.casework.GrievanceReceived;
import id.go.kemensos.returnee.messaging.EventHandlers;
import id.go.kemensos.returnee.messaging.EventInbox;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Requests to review a refusal, from case-service's grievances. */
@Component
class CaseEventsListener {

    private final EventInbox inbox;
    private final EventHandlers<CaseEvent> handlers;

    CaseEventsListener(EventInbox inbox, EligibilityDecisions decisions) {
        this.inbox = inbox;
        this.handlers = EventHandlers.of(EligibilityDecisions.CASES_CONSUMER, CaseEvent.class)
                .on(GrievanceReceived.class, decisions::onGrievance)
                .idempotent();
    }

    @KafkaListener(id = "eligibility-case", topics = CaseTopics.EVENTS, groupId = "eligibility")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        inbox.deliverAll(records, handlers);
    }
}

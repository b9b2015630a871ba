package id.go.kemensos.returnee.casework.cases;

import id.go.kemensos.returnee.contracts.eligibility.DecisionOverridden;
import id.go.kemensos.returnee.contracts.eligibility.EligibilityDecided;
import id.go.kemensos.returnee.contracts.eligibility.EligibilityEvent;
import id.go.kemensos.returnee.contracts.eligibility.EligibilityTopics;
import id.go.kemensos.returnee.contracts.eligibility.ProtectionDecided;
import id.go.kemensos.returnee.contracts.eligibility.ProtectionDecisionOverridden;
import id.go.kemensos.returnee.messaging.EventHandlers;
import id.go.kemensos.returnee.messaging.EventInbox;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Decisions under every law and program, the restricted ones included: what a person is entitled to. */
@Component
class DecisionEventsListener {

    private final EventInbox inbox;
    private final EventHandlers<EligibilityEvent> handlers;

    DecisionEventsListener(EventInbox inbox, Casework casework) {
        this.inbox = inbox;
        this.handlers = EventHandlers.of(Casework.DECISIONS_CONSUMER, EligibilityEvent.class)
                .on(EligibilityDecided.class, casework::onDecided)
                .on(DecisionOverridden.class, casework::onOverridden)
                .on(ProtectionDecided.class, casework::onProtectionDecided)
                .on(ProtectionDecisionOverridden.class, casework::onProtectionOverridden);
    }

    @KafkaListener(
            id = "case-eligibility",
            topics = {EligibilityTopics.EVENTS, EligibilityTopics.PROTECTION_EVENTS},
            groupId = "case")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        inbox.deliverAll(records, handlers);
    }
}

package id.go.kemensos.returnee.casework.cases;

import id.go.kemensos.returnee.casework.grievance.Grievances;
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

/**
 * Decisions under every law and program, the restricted ones included: what a person is entitled to, the refusals they
 * may ask to have reviewed, and the rulings that settle such requests.
 */
@Component
class DecisionEventsListener {

    private final EventInbox inbox;
    private final EventHandlers<EligibilityEvent> handlers;

    DecisionEventsListener(EventInbox inbox, Casework casework, Grievances grievances) {
        this.inbox = inbox;
        this.handlers = EventHandlers.of(Casework.DECISIONS_CONSUMER, EligibilityEvent.class)
                .on(EligibilityDecided.class, d -> {
                    casework.onDecided(d);
                    grievances.onDecided(d, false);
                })
                .on(DecisionOverridden.class, o -> {
                    casework.onOverridden(o);
                    grievances.onOverridden(o);
                })
                .on(ProtectionDecided.class, p -> {
                    casework.onProtectionDecided(p);
                    grievances.onDecided(p.decision(), true);
                })
                .on(ProtectionDecisionOverridden.class, p -> {
                    casework.onProtectionOverridden(p);
                    grievances.onOverridden(p.override());
                });
    }

    @KafkaListener(
            id = "case-eligibility",
            topics = {EligibilityTopics.EVENTS, EligibilityTopics.PROTECTION_EVENTS},
            groupId = "case")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        inbox.deliverAll(records, handlers);
    }
}

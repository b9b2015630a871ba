package id.go.kemensos.returnee.eligibility.decision;

import id.go.kemensos.returnee.contracts.registration.RegistrationTopics;
import id.go.kemensos.returnee.messaging.IncomingEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class RegistrationEventsListener {

    private final IncomingEvents events;
    private final EligibilityDecisions decisions;

    RegistrationEventsListener(IncomingEvents events, EligibilityDecisions decisions) {
        this.events = events;
        this.decisions = decisions;
    }

    @KafkaListener(id = "eligibility-registration", topics = RegistrationTopics.EVENTS, groupId = "eligibility")
    void on(ConsumerRecord<String, byte[]> record) {
        decisions.onRegistrationEvent(events.read(record));
    }
}

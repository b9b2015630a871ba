package id.go.kemensos.returnee.casework.cases;

import id.go.kemensos.returnee.contracts.registration.PersonalDataErased;
import id.go.kemensos.returnee.contracts.registration.RegistrationEvent;
import id.go.kemensos.returnee.contracts.registration.RegistrationTopics;
import id.go.kemensos.returnee.messaging.EventHandlers;
import id.go.kemensos.returnee.messaging.EventInbox;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Erasures: officers' notes about the person are cleared; the case's facts stay, keyed by a pseudonymous id. */
@Component
class RegistrationEventsListener {

    private final EventInbox inbox;
    private final EventHandlers<RegistrationEvent> handlers;

    RegistrationEventsListener(EventInbox inbox, Casework casework) {
        this.inbox = inbox;
        this.handlers = EventHandlers.of(Casework.REGISTRATION_CONSUMER, RegistrationEvent.class)
                .on(PersonalDataErased.class, casework::onErased);
    }

    @KafkaListener(id = "case-registration", topics = RegistrationTopics.EVENTS, groupId = "case")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        inbox.deliverAll(records, handlers);
    }
}

package id.go.kemensos.returnee.casework.cases;

import id.go.kemensos.returnee.casework.grievance.Grievances;
import id.go.kemensos.returnee.contracts.registration.PersonalDataErased;
import id.go.kemensos.returnee.contracts.registration.RegistrationEvent;
import id.go.kemensos.returnee.contracts.registration.RegistrationTopics;
import id.go.kemensos.returnee.contracts.registration.ReturneeRegistered;
import id.go.kemensos.returnee.messaging.EventHandlers;
import id.go.kemensos.returnee.messaging.EventInbox;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Where each person lives (region codes only), for grievances from anyone registered; erasures: officers' notes about
 * the person are cleared, the case's facts stay, keyed by a pseudonymous id.
 */
@Component
class RegistrationEventsListener {

    private final EventInbox inbox;
    private final EventHandlers<RegistrationEvent> handlers;

    RegistrationEventsListener(EventInbox inbox, Casework casework, Grievances grievances) {
        this.inbox = inbox;
        this.handlers = EventHandlers.of(Casework.REGISTRATION_CONSUMER, RegistrationEvent.class)
                .on(ReturneeRegistered.class, grievances::onRegistered)
                .on(PersonalDataErased.class, e -> {
                    casework.onErased(e);
                    grievances.onErased(e);
                });
    }

    @KafkaListener(id = "case-registration", topics = RegistrationTopics.EVENTS, groupId = "case")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        inbox.deliverAll(records, handlers);
    }
}

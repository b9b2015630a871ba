package id.go.kemensos.returnee.disbursement.payee;

import id.go.kemensos.returnee.contracts.registration.PersonalDataErased;
import id.go.kemensos.returnee.contracts.registration.RegistrationEvent;
import id.go.kemensos.returnee.contracts.registration.RegistrationTopics;
import id.go.kemensos.returnee.contracts.registration.ReturneeRegistered;
import id.go.kemensos.returnee.contracts.registration.ReturneeUpdated;
import id.go.kemensos.returnee.messaging.EventHandlers;
import id.go.kemensos.returnee.messaging.EventInbox;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class RegistrationEventsListener {

    private final EventInbox inbox;
    private final EventHandlers<RegistrationEvent> handlers;

    RegistrationEventsListener(EventInbox inbox, PayeeProjection payees, PayeeSeal seal) {
        this.inbox = inbox;
        this.handlers = EventHandlers.of(PayeeProjection.CONSUMER, RegistrationEvent.class)
                .beforeEachPoll(events -> seal.loadKeys(RegistrationEvent.peopleSealed(events)))
                .on(ReturneeRegistered.class, payees::registered)
                .on(ReturneeUpdated.class, payees::updated)
                .on(PersonalDataErased.class, payees::erased);
    }

    @KafkaListener(id = "disbursement-registration", topics = RegistrationTopics.EVENTS, groupId = "disbursement")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        inbox.deliverAll(records, handlers);
    }
}

package id.go.kemensos.returnee.eligibility.decision;

import id.go.kemensos.returnee.contracts.registration.PersonalDataErased;
import id.go.kemensos.returnee.contracts.registration.RegistrationEvent;
import id.go.kemensos.returnee.contracts.registration.RegistrationTopics;
import id.go.kemensos.returnee.contracts.registration.ReturneeRegistered;
import id.go.kemensos.returnee.contracts.registration.ReturneeUpdated;
import id.go.kemensos.returnee.messaging.EventHandlers;
import id.go.kemensos.returnee.messaging.EventInbox;
import id.go.kemensos.returnee.privacy.PersonalDataCipher;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class RegistrationEventsListener {

    private final EventInbox inbox;
    private final EventHandlers<RegistrationEvent> handlers;

    RegistrationEventsListener(EventInbox inbox, EligibilityDecisions decisions, PersonalDataCipher cipher) {
        this.inbox = inbox;
        this.handlers = EventHandlers.of(EligibilityDecisions.CONSUMER, RegistrationEvent.class)
                .beforeEachPoll(events -> cipher.loadKeys(RegistrationEvent.peopleSealed(events)))
                .onWithEventId(ReturneeRegistered.class, decisions::onRegistered)
                .onWithEventId(ReturneeUpdated.class, decisions::onUpdated)
                .on(PersonalDataErased.class, decisions::onErased);
    }

    @KafkaListener(id = "eligibility-registration", topics = RegistrationTopics.EVENTS, groupId = "eligibility")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        inbox.deliverAll(records, handlers);
    }
}

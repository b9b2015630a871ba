package id.go.kemensos.returnee.disbursement.payee;

import id.go.kemensos.returnee.contracts.registration.RegistrationTopics;
import id.go.kemensos.returnee.messaging.IncomingEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class RegistrationEventsListener {

    private final IncomingEvents events;
    private final PayeeProjection payees;

    RegistrationEventsListener(IncomingEvents events, PayeeProjection payees) {
        this.events = events;
        this.payees = payees;
    }

    @KafkaListener(id = "disbursement-registration", topics = RegistrationTopics.EVENTS, groupId = "disbursement")
    void on(ConsumerRecord<String, byte[]> record) {
        payees.onRegistrationEvent(events.read(record));
    }
}

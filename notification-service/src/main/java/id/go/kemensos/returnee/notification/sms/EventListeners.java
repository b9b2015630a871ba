package id.go.kemensos.returnee.notification.sms;

import id.go.kemensos.returnee.contracts.disbursement.DisbursementTopics;
import id.go.kemensos.returnee.contracts.eligibility.EligibilityTopics;
import id.go.kemensos.returnee.contracts.registration.RegistrationTopics;
import id.go.kemensos.returnee.messaging.IncomingEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class EventListeners {

    private final IncomingEvents events;
    private final SmsQueue queue;

    EventListeners(IncomingEvents events, SmsQueue queue) {
        this.events = events;
        this.queue = queue;
    }

    @KafkaListener(id = "notification-registration", topics = RegistrationTopics.EVENTS, groupId = "notification")
    void onRegistration(ConsumerRecord<String, byte[]> record) {
        queue.onRegistrationEvent(events.read(record));
    }

    @KafkaListener(id = "notification-eligibility", topics = EligibilityTopics.EVENTS, groupId = "notification")
    void onEligibility(ConsumerRecord<String, byte[]> record) {
        queue.onEligibilityEvent(events.read(record));
    }

    @KafkaListener(id = "notification-disbursement", topics = DisbursementTopics.EVENTS, groupId = "notification")
    void onDisbursement(ConsumerRecord<String, byte[]> record) {
        queue.onDisbursementEvent(events.read(record));
    }
}

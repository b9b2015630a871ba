package id.go.kemensos.returnee.registration.progress;

import id.go.kemensos.returnee.contracts.disbursement.DisbursementTopics;
import id.go.kemensos.returnee.contracts.eligibility.EligibilityTopics;
import id.go.kemensos.returnee.messaging.IncomingEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class DownstreamEventsListener {

    private final IncomingEvents events;
    private final ReturneeProgress progress;

    DownstreamEventsListener(IncomingEvents events, ReturneeProgress progress) {
        this.events = events;
        this.progress = progress;
    }

    @KafkaListener(id = "registration-progress", topics = {EligibilityTopics.EVENTS, DisbursementTopics.EVENTS}, groupId = "registration")
    void on(ConsumerRecord<String, byte[]> record) {
        progress.on(events.read(record));
    }
}

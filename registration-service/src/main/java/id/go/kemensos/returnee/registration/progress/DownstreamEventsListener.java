package id.go.kemensos.returnee.registration.progress;

import id.go.kemensos.returnee.contracts.PlatformEvent;
import id.go.kemensos.returnee.contracts.disbursement.DisbursementTopics;
import id.go.kemensos.returnee.contracts.eligibility.EligibilityTopics;
import id.go.kemensos.returnee.messaging.EventHandlers;
import id.go.kemensos.returnee.messaging.EventInbox;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class DownstreamEventsListener {

    private final EventInbox inbox;
    private final EventHandlers<PlatformEvent> handlers;

    DownstreamEventsListener(EventInbox inbox, ReturneeProgress progress) {
        this.inbox = inbox;
        this.handlers = progress.handlers();
    }

    @KafkaListener(
            id = "registration-progress",
            topics = {EligibilityTopics.EVENTS, DisbursementTopics.EVENTS},
            groupId = "registration")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        inbox.deliverAll(records, handlers);
    }
}

package id.go.kemensos.returnee.eligibility.decision;

import id.go.kemensos.returnee.contracts.disbursement.DisbursementTopics;
import id.go.kemensos.returnee.messaging.IncomingEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Settled payments: a grant paid for a program year is never decided again for that year. */
@Component
class DisbursementEventsListener {

    private final IncomingEvents events;
    private final EligibilityDecisions decisions;

    DisbursementEventsListener(IncomingEvents events, EligibilityDecisions decisions) {
        this.events = events;
        this.decisions = decisions;
    }

    @KafkaListener(id = "eligibility-disbursement", topics = DisbursementTopics.EVENTS, groupId = "eligibility")
    void on(ConsumerRecord<String, byte[]> record) {
        decisions.onDisbursementEvent(events.read(record));
    }
}

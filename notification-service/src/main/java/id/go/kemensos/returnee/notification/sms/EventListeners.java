package id.go.kemensos.returnee.notification.sms;

import id.go.kemensos.returnee.contracts.casework.CaseEvent;
import id.go.kemensos.returnee.contracts.casework.CaseOpened;
import id.go.kemensos.returnee.contracts.casework.CaseTopics;
import id.go.kemensos.returnee.contracts.casework.GrievanceReceived;
import id.go.kemensos.returnee.contracts.casework.GrievanceResolved;
import id.go.kemensos.returnee.contracts.casework.ReferralMade;
import id.go.kemensos.returnee.contracts.disbursement.CashClaimExpired;
import id.go.kemensos.returnee.contracts.disbursement.CashClaimIssued;
import id.go.kemensos.returnee.contracts.disbursement.CollectiveAccountOpened;
import id.go.kemensos.returnee.contracts.disbursement.DisbursementEvent;
import id.go.kemensos.returnee.contracts.disbursement.DisbursementTopics;
import id.go.kemensos.returnee.contracts.disbursement.PaymentFailed;
import id.go.kemensos.returnee.contracts.disbursement.PaymentReturned;
import id.go.kemensos.returnee.contracts.disbursement.PaymentSettled;
import id.go.kemensos.returnee.contracts.eligibility.DecisionOverridden;
import id.go.kemensos.returnee.contracts.eligibility.EligibilityDecided;
import id.go.kemensos.returnee.contracts.eligibility.EligibilityEvent;
import id.go.kemensos.returnee.contracts.eligibility.EligibilityTopics;
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
class EventListeners {

    private final EventInbox inbox;
    private final EventHandlers<RegistrationEvent> registration;
    private final EventHandlers<EligibilityEvent> eligibility;
    private final EventHandlers<DisbursementEvent> disbursement;
    private final EventHandlers<CaseEvent> cases;

    EventListeners(EventInbox inbox, SmsQueue queue, PersonalDataCipher cipher) {
        this.inbox = inbox;
        this.registration = EventHandlers.of(SmsQueue.REGISTRATION_CONSUMER, RegistrationEvent.class)
                .beforeEachPoll(events -> cipher.loadKeys(RegistrationEvent.peopleSealed(events)))
                .onWithEventId(ReturneeRegistered.class, queue::onRegistered)
                .on(ReturneeUpdated.class, queue::onUpdated)
                .on(PersonalDataErased.class, queue::onErased);
        this.eligibility = EventHandlers.of(SmsQueue.ELIGIBILITY_CONSUMER, EligibilityEvent.class)
                .onWithEventId(EligibilityDecided.class, queue::onDecided)
                .onWithEventId(DecisionOverridden.class, queue::onOverridden);
        this.disbursement = EventHandlers.of(SmsQueue.DISBURSEMENT_CONSUMER, DisbursementEvent.class)
                .onWithEventId(PaymentSettled.class, queue::onSettled)
                .onWithEventId(PaymentFailed.class, queue::onFailed)
                .onWithEventId(PaymentReturned.class, queue::onReturned)
                .onWithEventId(CashClaimIssued.class, queue::onCashIssued)
                .onWithEventId(CashClaimExpired.class, queue::onCashExpired)
                .onWithEventId(CollectiveAccountOpened.class, queue::onAccountOpened);
        this.cases = EventHandlers.of(SmsQueue.CASE_CONSUMER, CaseEvent.class)
                .onWithEventId(CaseOpened.class, queue::onCaseOpened)
                .onWithEventId(ReferralMade.class, queue::onReferralMade)
                .onWithEventId(GrievanceReceived.class, queue::onGrievanceReceived)
                .onWithEventId(GrievanceResolved.class, queue::onGrievanceResolved);
    }

    @KafkaListener(id = "notification-registration", topics = RegistrationTopics.EVENTS, groupId = "notification")
    void onRegistration(List<ConsumerRecord<String, byte[]>> records) {
        inbox.deliverAll(records, registration);
    }

    @KafkaListener(id = "notification-eligibility", topics = EligibilityTopics.EVENTS, groupId = "notification")
    void onEligibility(List<ConsumerRecord<String, byte[]>> records) {
        inbox.deliverAll(records, eligibility);
    }

    @KafkaListener(id = "notification-case", topics = CaseTopics.EVENTS, groupId = "notification")
    void onCase(List<ConsumerRecord<String, byte[]>> records) {
        inbox.deliverAll(records, cases);
    }

    @KafkaListener(id = "notification-disbursement", topics = DisbursementTopics.EVENTS, groupId = "notification")
    void onDisbursement(List<ConsumerRecord<String, byte[]>> records) {
        inbox.deliverAll(records, disbursement);
    }
}

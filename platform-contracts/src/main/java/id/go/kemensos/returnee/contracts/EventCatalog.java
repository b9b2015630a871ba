package id.go.kemensos.returnee.contracts;

import id.go.kemensos.returnee.contracts.access.PersonalDataAccessed;
import id.go.kemensos.returnee.contracts.audit.AuditLedgerSealed;
import id.go.kemensos.returnee.contracts.casework.CaseOpened;
import id.go.kemensos.returnee.contracts.casework.CaseReassigned;
import id.go.kemensos.returnee.contracts.casework.FollowUpRecorded;
import id.go.kemensos.returnee.contracts.casework.GrantDeclined;
import id.go.kemensos.returnee.contracts.casework.GrantPaid;
import id.go.kemensos.returnee.contracts.casework.GrievanceReceived;
import id.go.kemensos.returnee.contracts.casework.GrievanceResolved;
import id.go.kemensos.returnee.contracts.casework.NeedsAssessed;
import id.go.kemensos.returnee.contracts.casework.OfferAnswered;
import id.go.kemensos.returnee.contracts.casework.PlanActionAdded;
import id.go.kemensos.returnee.contracts.casework.PlanActionClosed;
import id.go.kemensos.returnee.contracts.casework.ProtectedCaseStep;
import id.go.kemensos.returnee.contracts.casework.ReferralMade;
import id.go.kemensos.returnee.contracts.casework.ReferralOutcomeRecorded;
import id.go.kemensos.returnee.contracts.casework.ServiceReferred;
import id.go.kemensos.returnee.contracts.casework.ServicesOffered;
import id.go.kemensos.returnee.contracts.disbursement.BudgetCeilingSet;
import id.go.kemensos.returnee.contracts.disbursement.CashClaimExpired;
import id.go.kemensos.returnee.contracts.disbursement.CashClaimIssued;
import id.go.kemensos.returnee.contracts.disbursement.CollectiveAccountOpened;
import id.go.kemensos.returnee.contracts.disbursement.PaymentAccountChecked;
import id.go.kemensos.returnee.contracts.disbursement.PaymentApproved;
import id.go.kemensos.returnee.contracts.disbursement.PaymentAwaitingBudget;
import id.go.kemensos.returnee.contracts.disbursement.PaymentBatchDecided;
import id.go.kemensos.returnee.contracts.disbursement.PaymentBatchPrepared;
import id.go.kemensos.returnee.contracts.disbursement.PaymentCancelled;
import id.go.kemensos.returnee.contracts.disbursement.PaymentFailed;
import id.go.kemensos.returnee.contracts.disbursement.PaymentReissued;
import id.go.kemensos.returnee.contracts.disbursement.PaymentReturned;
import id.go.kemensos.returnee.contracts.disbursement.PaymentScheduled;
import id.go.kemensos.returnee.contracts.disbursement.PaymentSent;
import id.go.kemensos.returnee.contracts.disbursement.PaymentSettled;
import id.go.kemensos.returnee.contracts.disbursement.ReconciliationCompleted;
import id.go.kemensos.returnee.contracts.eligibility.DecisionOverridden;
import id.go.kemensos.returnee.contracts.eligibility.EligibilityDecided;
import id.go.kemensos.returnee.contracts.eligibility.ProtectionDecided;
import id.go.kemensos.returnee.contracts.eligibility.ProtectionDecisionOverridden;
import id.go.kemensos.returnee.contracts.eligibility.ReferralRequested;
import id.go.kemensos.returnee.contracts.notification.SmsDelivered;
import id.go.kemensos.returnee.contracts.notification.SmsFailed;
import id.go.kemensos.returnee.contracts.notification.SmsPreferencesSet;
import id.go.kemensos.returnee.contracts.notification.SmsSent;
import id.go.kemensos.returnee.contracts.notification.SmsWithheld;
import id.go.kemensos.returnee.contracts.registration.PersonalDataErased;
import id.go.kemensos.returnee.contracts.registration.ReturneeRegistered;
import id.go.kemensos.returnee.contracts.registration.ReturneeUpdated;
import id.go.kemensos.returnee.contracts.registration.UploadCompleted;
import id.go.kemensos.returnee.contracts.registration.UploadRowReviewed;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every event contract of the platform, found by CloudEvents type or by payload class. */
public final class EventCatalog {

    private static final List<EventType> ALL = List.of(
            ReturneeRegistered.EVENT_TYPE,
            ReturneeUpdated.EVENT_TYPE,
            UploadCompleted.EVENT_TYPE,
            UploadRowReviewed.EVENT_TYPE,
            PersonalDataErased.EVENT_TYPE,
            EligibilityDecided.EVENT_TYPE,
            DecisionOverridden.EVENT_TYPE,
            ProtectionDecided.EVENT_TYPE,
            ProtectionDecisionOverridden.EVENT_TYPE,
            ReferralRequested.EVENT_TYPE,
            PaymentScheduled.EVENT_TYPE,
            PaymentApproved.EVENT_TYPE,
            PaymentSent.EVENT_TYPE,
            PaymentSettled.EVENT_TYPE,
            PaymentFailed.EVENT_TYPE,
            PaymentAwaitingBudget.EVENT_TYPE,
            PaymentAccountChecked.EVENT_TYPE,
            PaymentBatchPrepared.EVENT_TYPE,
            PaymentBatchDecided.EVENT_TYPE,
            BudgetCeilingSet.EVENT_TYPE,
            PaymentReturned.EVENT_TYPE,
            PaymentReissued.EVENT_TYPE,
            PaymentCancelled.EVENT_TYPE,
            CashClaimIssued.EVENT_TYPE,
            CashClaimExpired.EVENT_TYPE,
            CollectiveAccountOpened.EVENT_TYPE,
            ReconciliationCompleted.EVENT_TYPE,
            SmsSent.EVENT_TYPE,
            SmsDelivered.EVENT_TYPE,
            SmsFailed.EVENT_TYPE,
            SmsPreferencesSet.EVENT_TYPE,
            SmsWithheld.EVENT_TYPE,
            CaseOpened.EVENT_TYPE,
            CaseReassigned.EVENT_TYPE,
            ServicesOffered.EVENT_TYPE,
            OfferAnswered.EVENT_TYPE,
            ServiceReferred.EVENT_TYPE,
            ReferralOutcomeRecorded.EVENT_TYPE,
            FollowUpRecorded.EVENT_TYPE,
            ReferralMade.EVENT_TYPE,
            GrantPaid.EVENT_TYPE,
            GrantDeclined.EVENT_TYPE,
            NeedsAssessed.EVENT_TYPE,
            PlanActionAdded.EVENT_TYPE,
            PlanActionClosed.EVENT_TYPE,
            GrievanceReceived.EVENT_TYPE,
            GrievanceResolved.EVENT_TYPE,
            ProtectedCaseStep.ProtectedServicesOffered.EVENT_TYPE,
            ProtectedCaseStep.ProtectedOfferAnswered.EVENT_TYPE,
            ProtectedCaseStep.ProtectedServiceReferred.EVENT_TYPE,
            ProtectedCaseStep.ProtectedReferralOutcome.EVENT_TYPE,
            ProtectedCaseStep.ProtectedPlanActionAdded.EVENT_TYPE,
            ProtectedCaseStep.ProtectedPlanActionClosed.EVENT_TYPE,
            AuditLedgerSealed.EVENT_TYPE,
            PersonalDataAccessed.EVENT_TYPE);

    private static final Map<String, EventType> BY_TYPE =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::type, Function.identity()));
    private static final Map<Class<?>, EventType> BY_PAYLOAD =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::payload, Function.identity()));

    private EventCatalog() {}

    public static List<EventType> all() {
        return ALL;
    }

    /**
     * The topics the relay writes a service's outbox to: those of its own events and of the events every service raises.
     *
     * @param serviceName as in its events' source, e.g. {@code registration-service}
     */
    public static List<String> topicsRaisedBy(String serviceName) {
        String source = "/kemensos/" + serviceName;
        return ALL.stream()
                .filter(t -> t.source() == null || t.source().toString().equals(source))
                .map(EventType::topic)
                .distinct()
                .sorted()
                .toList();
    }

    public static Optional<EventType> byType(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    public static EventType of(Class<? extends PlatformEvent> payload) {
        EventType type = BY_PAYLOAD.get(payload);
        if (type == null) {
            throw new IllegalArgumentException(
                    payload.getName() + " is not registered in " + EventCatalog.class.getSimpleName());
        }
        return type;
    }
}

package id.go.kemensos.returnee.contracts.casework;

import id.go.kemensos.returnee.contracts.EventType;
import java.util.UUID;

/**
 * A step of services offered under a restricted law (its {@code restricted} is true), published on
 * {@value CaseTopics#PROTECTION_EVENTS} instead of the general stream, so that only the audit ledger receives it. One
 * wrapper per step, as eligibility's {@code ProtectionDecided} wraps a decision.
 */
public sealed interface ProtectedCaseStep extends CaseEvent
        permits ProtectedCaseStep.ProtectedServicesOffered,
                ProtectedCaseStep.ProtectedOfferAnswered,
                ProtectedCaseStep.ProtectedServiceReferred,
                ProtectedCaseStep.ProtectedReferralOutcome,
                ProtectedCaseStep.ProtectedPlanActionAdded,
                ProtectedCaseStep.ProtectedPlanActionClosed {

    OfferEvent step();

    @Override
    default UUID beneficiaryId() {
        return step().beneficiaryId();
    }

    /** The event to publish for a step: wrapped in its protection event if restricted, else the step itself. */
    static CaseEvent publishable(OfferEvent step) {
        return step.restricted() ? of(step) : step;
    }

    /** Wraps a restricted step in its protection event. */
    static ProtectedCaseStep of(OfferEvent step) {
        if (step instanceof ServicesOffered o) {
            return new ProtectedServicesOffered(o);
        }
        if (step instanceof OfferAnswered a) {
            return new ProtectedOfferAnswered(a);
        }
        if (step instanceof ServiceReferred r) {
            return new ProtectedServiceReferred(r);
        }
        if (step instanceof PlanActionAdded a) {
            return new ProtectedPlanActionAdded(a);
        }
        if (step instanceof PlanActionClosed c) {
            return new ProtectedPlanActionClosed(c);
        }
        return new ProtectedReferralOutcome((ReferralOutcomeRecorded) step);
    }

    record ProtectedServicesOffered(ServicesOffered step) implements ProtectedCaseStep {
        public static final EventType EVENT_TYPE = EventType.of(
                CaseTopics.PROTECTION_AGGREGATE,
                CaseTopics.PRODUCER,
                ProtectedCaseStep.ProtectedServicesOffered.class,
                1);
    }

    record ProtectedOfferAnswered(OfferAnswered step) implements ProtectedCaseStep {
        public static final EventType EVENT_TYPE = EventType.of(
                CaseTopics.PROTECTION_AGGREGATE,
                CaseTopics.PRODUCER,
                ProtectedCaseStep.ProtectedOfferAnswered.class,
                1);
    }

    record ProtectedServiceReferred(ServiceReferred step) implements ProtectedCaseStep {
        public static final EventType EVENT_TYPE = EventType.of(
                CaseTopics.PROTECTION_AGGREGATE,
                CaseTopics.PRODUCER,
                ProtectedCaseStep.ProtectedServiceReferred.class,
                1);
    }

    record ProtectedReferralOutcome(ReferralOutcomeRecorded step) implements ProtectedCaseStep {
        public static final EventType EVENT_TYPE = EventType.of(
                CaseTopics.PROTECTION_AGGREGATE,
                CaseTopics.PRODUCER,
                ProtectedCaseStep.ProtectedReferralOutcome.class,
                1);
    }

    record ProtectedPlanActionAdded(PlanActionAdded step) implements ProtectedCaseStep {
        public static final EventType EVENT_TYPE = EventType.of(
                CaseTopics.PROTECTION_AGGREGATE,
                CaseTopics.PRODUCER,
                ProtectedCaseStep.ProtectedPlanActionAdded.class,
                1);
    }

    record ProtectedPlanActionClosed(PlanActionClosed step) implements ProtectedCaseStep {
        public static final EventType EVENT_TYPE = EventType.of(
                CaseTopics.PROTECTION_AGGREGATE,
                CaseTopics.PRODUCER,
                ProtectedCaseStep.ProtectedPlanActionClosed.class,
                1);
    }
}

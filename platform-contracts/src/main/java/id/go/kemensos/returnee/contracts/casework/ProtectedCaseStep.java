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
                ProtectedCaseStep.ProtectedReferralOutcome {

    OfferEvent step();

    @Override
    default UUID beneficiaryId() {
        return step().beneficiaryId();
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
}

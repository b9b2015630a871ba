package id.go.kemensos.returnee.contracts.casework;

import id.go.kemensos.returnee.contracts.BeneficiaryEvent;

/**
 * Every event case-service publishes, a closed set: a consumer's handlers for this stream can name only types that
 * appear on it (the compiler checks), and a new event type is a deliberate change here. Each names the person by
 * pseudonymous id only: a case holds no personal data.
 */
public sealed interface CaseEvent extends BeneficiaryEvent
        permits CaseOpened,
                CaseReassigned,
                OfferEvent,
                FollowUpRecorded,
                GrantDeclined,
                NeedsAssessed,
                ProtectedCaseStep,
                ReferralMade,
                GrievanceReceived,
                GrievanceResolved {}

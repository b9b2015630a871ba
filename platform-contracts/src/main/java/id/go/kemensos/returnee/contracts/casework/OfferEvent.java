package id.go.kemensos.returnee.contracts.casework;

/**
 * A step of offered services (a plan's step counts as one: it may go through an offer). {@code restricted}: the services were offered under a law that shows who is a
 * trafficking victim (Law 21/2007 Art. 44), and whoever lacks the need to know is told only that such a step happened.
 */
public sealed interface OfferEvent extends CaseEvent
        permits ServicesOffered,
                OfferAnswered,
                ServiceReferred,
                ReferralOutcomeRecorded,
                GrantPaid,
                PlanActionAdded,
                PlanActionClosed {

    java.util.UUID caseId();

    boolean restricted();
}

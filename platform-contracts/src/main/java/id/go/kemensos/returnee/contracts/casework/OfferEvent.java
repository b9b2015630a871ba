package id.go.kemensos.returnee.contracts.casework;

import java.util.UUID;

/**
 * A step of one offered service. {@code restricted}: the service was offered under a law that shows who is a
 * trafficking victim (Law 21/2007 Art. 44), and whoever lacks the need to know is told only that such a step happened.
 */
public sealed interface OfferEvent extends CaseEvent
        permits ServiceOffered, OfferAnswered, ServiceReferred, ReferralOutcomeRecorded {

    UUID offerId();

    String service();

    boolean restricted();
}

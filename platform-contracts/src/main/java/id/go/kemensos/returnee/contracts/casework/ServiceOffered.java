package id.go.kemensos.returnee.contracts.casework;

import id.go.kemensos.returnee.contracts.EventType;
import java.time.Instant;
import java.util.UUID;

/**
 * A service a decision entitles the person to, offered to them: {@code service} is the rule set's entitlement code
 * (PSYCHOSOCIAL, BUSINESS_STIMULANT_GRANT, ...). {@code restricted}: offered under a law that shows who is a
 * trafficking victim (Law 21/2007 Art. 44); only protection officers and the assigned case worker see such an offer.
 */
public record ServiceOffered(
        UUID offerId,
        UUID caseId,
        UUID beneficiaryId,
        UUID decisionId,
        String service,
        String ruleSetId,
        String ruleSetVersion,
        boolean restricted,
        Instant offeredAt)
        implements OfferEvent {

    public static final EventType EVENT_TYPE = EventType.of(CaseTopics.AGGREGATE, ServiceOffered.class, 1);
}

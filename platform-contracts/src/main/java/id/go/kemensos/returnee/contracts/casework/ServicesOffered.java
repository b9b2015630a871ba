package id.go.kemensos.returnee.contracts.casework;

import id.go.kemensos.returnee.contracts.EventType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The services one decision entitles the person to and that were not offered before, offered to them: each
 * {@code service} is the rule set's entitlement code (PSYCHOSOCIAL, BUSINESS_STIMULANT_GRANT, ...), with the offer's
 * id that later steps name. One event per decision, not per service: a returnee's case adds a few events, not a dozen.
 * {@code restricted}: offered under a law that shows who is a trafficking victim (Law 21/2007 Art. 44); only
 * protection officers and the assigned case worker see such offers, and the event travels wrapped in
 * {@link ProtectedCaseStep} on the protection topic.
 */
public record ServicesOffered(
        UUID caseId,
        UUID beneficiaryId,
        UUID decisionId,
        String ruleSetId,
        String ruleSetVersion,
        boolean restricted,
        List<Offer> offers,
        Instant offeredAt)
        implements OfferEvent {

    public static final EventType EVENT_TYPE = EventType.of(CaseTopics.AGGREGATE, ServicesOffered.class, 1);

    /** One service offered. */
    public record Offer(UUID offerId, String service) {}
}

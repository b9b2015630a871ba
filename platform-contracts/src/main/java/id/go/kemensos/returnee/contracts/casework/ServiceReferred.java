package id.go.kemensos.returnee.contracts.casework;

import id.go.kemensos.returnee.contracts.EventType;
import java.time.Instant;
import java.util.UUID;

/**
 * An accepted offer referred to a service partner (an id of case-service's partner directory: a UPTD PPA, a clinic, a
 * legal aid post, ...), by the case worker.
 */
public record ServiceReferred(
        UUID referralId,
        UUID offerId,
        UUID caseId,
        UUID beneficiaryId,
        String service,
        boolean restricted,
        String partnerId,
        String referredBy,
        Instant referredAt)
        implements OfferEvent {

    public static final EventType EVENT_TYPE = EventType.of(CaseTopics.AGGREGATE, ServiceReferred.class, 1);
}

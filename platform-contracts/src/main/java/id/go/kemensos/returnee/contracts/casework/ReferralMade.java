package id.go.kemensos.returnee.contracts.casework;

import id.go.kemensos.returnee.contracts.EventType;
import java.time.Instant;
import java.util.UUID;

/**
 * The person is to be told that a referral was made for them, whatever the service: published for every referral, a
 * victim's included, it names neither the service nor the partner, so that the SMS it causes never reveals why the
 * person came home (Law 21/2007 Art. 44). The referral itself is {@link ServiceReferred}.
 */
public record ReferralMade(UUID referralId, UUID caseId, UUID beneficiaryId, String regencyCode, Instant madeAt)
        implements CaseEvent {

    public static final EventType EVENT_TYPE = EventType.of(CaseTopics.AGGREGATE, ReferralMade.class, 1);
}

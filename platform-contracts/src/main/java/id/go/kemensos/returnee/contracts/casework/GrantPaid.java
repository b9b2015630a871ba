package id.go.kemensos.returnee.contracts.casework;

import id.go.kemensos.returnee.contracts.EventType;
import java.time.Instant;
import java.util.UUID;

/**
 * An offered grant (a service delivered by payment, services.csv) was paid into the person's account: the offer is
 * DELIVERED by the payment itself, without a referral. Never restricted: a program's grant shows nobody's victim
 * status.
 */
public record GrantPaid(
        UUID offerId,
        UUID caseId,
        UUID beneficiaryId,
        String service,
        String programId,
        UUID paymentId,
        long amount,
        Instant paidAt)
        implements OfferEvent {

    public static final EventType EVENT_TYPE = EventType.of(CaseTopics.AGGREGATE, GrantPaid.class, 1);

    @Override
    public boolean restricted() {
        return false;
    }
}

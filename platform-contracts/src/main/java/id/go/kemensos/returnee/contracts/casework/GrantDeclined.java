package id.go.kemensos.returnee.contracts.casework;

import id.go.kemensos.returnee.contracts.EventType;
import java.time.Instant;
import java.util.UUID;

/**
 * The person declined a program's grant (an offer delivered by payment, services.csv): disbursement stops the payment
 * if it has not gone to the bank yet, and schedules none for the program later. Raised beside the {@link OfferAnswered}
 * that records the answer, for the service that pays: it names the program, which the answer does not. Never
 * restricted: a program's grant shows nobody's victim status.
 */
public record GrantDeclined(
        UUID offerId,
        UUID caseId,
        UUID beneficiaryId,
        String programId,
        UUID decisionId,
        OfferAnswered.DeclineReason declineReason,
        String recordedBy,
        Instant declinedAt)
        implements CaseEvent {

    public static final EventType EVENT_TYPE = EventType.of(CaseTopics.AGGREGATE, GrantDeclined.class, 1);
}

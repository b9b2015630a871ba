package id.go.kemensos.returnee.contracts.casework;

import id.go.kemensos.returnee.contracts.EventType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A step of the person's reintegration plan, agreed with them: for one dimension of need, due by a date, carried out
 * through one of their offers ({@code offerId}) or otherwise (null). What the step is, in the case worker's words,
 * stays in the case. {@code restricted}: it goes through an offer under a restricted law; it then travels wrapped
 * on the protection topic, and the auditor's timeline names neither its dimension nor its offer.
 */
public record PlanActionAdded(
        UUID actionId,
        UUID caseId,
        UUID beneficiaryId,
        String dimension,
        UUID offerId,
        boolean restricted,
        LocalDate dueOn,
        String addedBy,
        Instant addedAt)
        implements OfferEvent {

    public static final EventType EVENT_TYPE = EventType.of(CaseTopics.AGGREGATE, PlanActionAdded.class, 1);
}

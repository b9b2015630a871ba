package id.go.kemensos.returnee.contracts.casework;

import id.go.kemensos.returnee.contracts.EventType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A person's case, opened by their first ELIGIBLE decision under any law or program, with the case worker the area
 * list assigns for their regency (by username; null when the area has none yet, and the case waits in the province's
 * list) and the follow-ups scheduled from the day it opened (case-service's schedule, by default 1, 3, 6 and 12
 * months; dates in the province's time).
 */
public record CaseOpened(
        UUID caseId,
        UUID beneficiaryId,
        UUID openedByDecisionId,
        String provinceCode,
        String regencyCode,
        String caseWorker,
        List<FollowUpDue> followUps,
        Instant openedAt)
        implements CaseEvent {

    public static final EventType EVENT_TYPE = EventType.of(CaseTopics.AGGREGATE, CaseOpened.class, 1);

    /** A visit or call the case worker owes the person on or after this day. */
    public record FollowUpDue(UUID followUpId, LocalDate dueOn) {}
}

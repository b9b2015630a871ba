package id.go.kemensos.returnee.contracts.casework;

import id.go.kemensos.returnee.contracts.EventType;
import java.time.Instant;
import java.util.UUID;

/**
 * A person's case, opened by their first ELIGIBLE decision under any law or program, with the case worker the area
 * list assigns for their regency (by username; null when the area has none yet, and the case waits in the province's
 * queue).
 */
public record CaseOpened(
        UUID caseId,
        UUID beneficiaryId,
        UUID openedByDecisionId,
        String provinceCode,
        String regencyCode,
        String caseWorker,
        Instant openedAt)
        implements CaseEvent {

    public static final EventType EVENT_TYPE = EventType.of(CaseTopics.AGGREGATE, CaseOpened.class, 1);
}

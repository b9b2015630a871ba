package id.go.kemensos.returnee.contracts.casework;

import id.go.kemensos.returnee.contracts.EventType;
import java.time.Instant;
import java.util.UUID;

/**
 * A case handed over to another case worker of its province by the province's office (a case worker leaving, or a
 * regency given a case worker of its own); the person's open grievances owned by the former case worker move with it.
 * {@code fromCaseWorker} is null for a case that had none. {@code reassignedBy}: the officer's subject.
 */
public record CaseReassigned(
        UUID caseId,
        UUID beneficiaryId,
        String provinceCode,
        String regencyCode,
        String fromCaseWorker,
        String toCaseWorker,
        String reassignedBy,
        Instant reassignedAt)
        implements CaseEvent {

    public static final EventType EVENT_TYPE = EventType.of(CaseTopics.AGGREGATE, CaseReassigned.class, 1);
}

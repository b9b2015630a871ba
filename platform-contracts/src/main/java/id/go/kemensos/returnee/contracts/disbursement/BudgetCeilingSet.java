package id.go.kemensos.returnee.contracts.disbursement;

import id.go.kemensos.returnee.contracts.EventType;
import java.time.Instant;

/**
 * A budget ceiling was set for a program, province and fiscal year, or ({@code regencyCode} set) for a regency within
 * it. Keyed by "program/province/year" (and "/regency"). {@code regencyCode} was added later: null in older events and
 * for a province's ceiling.
 */
public record BudgetCeilingSet(
        String programId,
        String provinceCode,
        String fiscalYear,
        long previousCeiling,
        long ceiling,
        long committed,
        String setBy,
        Instant setAt,
        String regencyCode)
        implements DisbursementEvent {

    public static final EventType EVENT_TYPE = EventType.of(DisbursementTopics.AGGREGATE, BudgetCeilingSet.class, 1);

    @Override
    public String subjectId() {
        return programId + "/" + provinceCode + "/" + fiscalYear + (regencyCode == null ? "" : "/" + regencyCode);
    }
}

package id.go.kemensos.returnee.contracts.eligibility;

import id.go.kemensos.returnee.contracts.BeneficiaryEvent;
import id.go.kemensos.returnee.contracts.EventType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An officer overrode a decision (typically one that NEEDS_REVIEW). The original decision stays as it was; this is the
 * outcome that now applies to it. {@code grantAmount} is whole rupiah and is zero unless ELIGIBLE.
 */
public record DecisionOverridden(
        UUID overrideId,
        UUID decisionId,
        UUID beneficiaryId,
        String programId,
        String cycleId,
        Outcome originalOutcome,
        Outcome outcome,
        long grantAmount,
        List<String> entitlements,
        String ruleSetId,
        String ruleSetVersion,
        String reason,
        String officer,
        String provinceCode,
        String regencyCode,
        Instant overriddenAt)
        implements EligibilityEvent, BeneficiaryEvent {

    public static final EventType EVENT_TYPE = EventType.of(EligibilityTopics.AGGREGATE, DecisionOverridden.class, 1);
}

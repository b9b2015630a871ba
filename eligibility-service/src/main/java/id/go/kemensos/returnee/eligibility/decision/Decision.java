package id.go.kemensos.returnee.eligibility.decision;

import id.go.kemensos.returnee.contracts.eligibility.Outcome;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A stored decision, with the override an officer may have added beside it. */
public record Decision(UUID decisionId, UUID beneficiaryId, String programId, String cycleId, Outcome outcome, long grantAmount,
                       List<String> entitlements, String ruleSetId, String ruleSetVersion, List<String> notPassed, String provinceCode,
                       String regencyCode, UUID previousDecisionId, UUID supersededBy, Instant decidedAt, Explanation explanation,
                       Override override) {

    public record Override(UUID overrideId, Outcome outcome, long grantAmount, String reason, String officer, Instant overriddenAt) {
    }

    /** The outcome that applies: the officer's when overridden. */
    public Outcome effectiveOutcome() {
        return override != null ? override.outcome() : outcome;
    }

    public boolean current() {
        return supersededBy == null;
    }
}

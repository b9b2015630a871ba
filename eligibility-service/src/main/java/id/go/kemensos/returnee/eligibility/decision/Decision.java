package id.go.kemensos.returnee.eligibility.decision;

import id.go.kemensos.returnee.contracts.eligibility.Outcome;
import id.go.kemensos.returnee.eligibility.rules.CriterionResult;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * A stored decision, with the override an officer may have added beside it. {@code restricted}: made under a restricted
 * law (Law 21/2007), for protection officers only. {@code reviewRequest}: the grievance in which the person asked for a
 * refusal to be reviewed (case-service), which puts it in the officers' review queue.
 */
public record Decision(
        UUID decisionId,
        UUID beneficiaryId,
        String programId,
        String cycleId,
        Outcome outcome,
        long grantAmount,
        List<String> entitlements,
        String ruleSetId,
        String ruleSetVersion,
        List<String> notPassed,
        String provinceCode,
        String regencyCode,
        UUID previousDecisionId,
        UUID supersededBy,
        Instant decidedAt,
        Explanation explanation,
        Override override,
        boolean restricted,
        UUID reviewRequest) {

    public record Override(
            UUID overrideId, Outcome outcome, long grantAmount, String reason, String officer, Instant overriddenAt) {}

    /** The outcome that applies: the officer's when overridden. */
    public Outcome effectiveOutcome() {
        return override != null ? override.outcome() : outcome;
    }

    /** The decision as someone without the need to know reads it: the facts that identify a victim withheld. */
    public Decision withheld(Set<String> protectedInputs) {
        return withCriteria(c -> c.withheld(protectedInputs));
    }

    /** The same decision with each criterion of its explanation as {@code change} makes it. */
    public Decision withCriteria(UnaryOperator<CriterionResult> change) {
        if (explanation == null) {
            return this;
        }
        Explanation e = explanation;
        Explanation shown = new Explanation(
                e.ruleSetId(),
                e.ruleSetVersion(),
                e.kind(),
                e.title(),
                e.legalBasis(),
                e.relevantDateKind(),
                e.relevantDate(),
                e.parameters(),
                e.criteria().stream().map(change).toList(),
                e.entitlements());
        return new Decision(
                decisionId,
                beneficiaryId,
                programId,
                cycleId,
                outcome,
                grantAmount,
                entitlements,
                ruleSetId,
                ruleSetVersion,
                notPassed,
                provinceCode,
                regencyCode,
                previousDecisionId,
                supersededBy,
                decidedAt,
                shown,
                override,
                restricted,
                reviewRequest);
    }

    /** Whether an officer is to rule it: it needs review, or the person asked for their refusal to be reviewed. */
    public boolean awaitsRuling() {
        return outcome == Outcome.NEEDS_REVIEW || (outcome == Outcome.INELIGIBLE && reviewRequest != null);
    }

    public boolean current() {
        return supersededBy == null;
    }
}

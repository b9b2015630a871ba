package id.go.kemensos.returnee.eligibility.rules;

import id.go.kemensos.returnee.contracts.eligibility.CriterionOutcome;
import id.go.kemensos.returnee.contracts.eligibility.Outcome;
import java.util.List;
import java.util.Map;

/**
 * A rule set applied to one registration's facts. ELIGIBLE when every criterion passed; INELIGIBLE when one that rules
 * a person out failed; otherwise NEEDS_REVIEW (a fact unknown, or a failure an officer must look at).
 */
public record Evaluation(
        RuleSet ruleSet, Outcome outcome, List<CriterionResult> criteria, Map<String, Object> parameters) {

    public List<String> entitlements() {
        return outcome == Outcome.ELIGIBLE
                ? ruleSet.entitlements().stream().map(RuleSet.Entitlement::code).toList()
                : List.of();
    }

    public long grantAmount() {
        return outcome == Outcome.ELIGIBLE ? ruleSet.grantAmount() : 0;
    }

    /** Criteria that did not pass, as "C4:FAILED", for the event's summary. */
    public List<String> notPassed() {
        return criteria.stream()
                .filter(c -> c.result() != CriterionOutcome.Result.PASSED)
                .map(c -> c.id() + ":" + c.result())
                .toList();
    }
}

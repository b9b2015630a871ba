package id.go.kemensos.returnee.eligibility.decision;

import id.go.kemensos.returnee.eligibility.rules.CriterionResult;
import id.go.kemensos.returnee.eligibility.rules.Evaluation;
import id.go.kemensos.returnee.eligibility.rules.RuleSet;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Everything a decision rests on, stored with it: the rule set (title, legal basis, version), the date that selected
 * the version, the thresholds in force, and every criterion with its inputs, result and citation.
 */
public record Explanation(
        String ruleSetId,
        String ruleSetVersion,
        RuleSet.Kind kind,
        RuleSet.Text title,
        List<RuleSet.Citation> legalBasis,
        RuleSet.RelevantDate relevantDateKind,
        LocalDate relevantDate,
        Map<String, Object> parameters,
        List<CriterionResult> criteria,
        List<RuleSet.Entitlement> entitlements) {

    static Explanation of(Evaluation evaluation, LocalDate relevantDate) {
        RuleSet set = evaluation.ruleSet();
        List<RuleSet.Entitlement> granted = set.entitlements().stream()
                .filter(e -> evaluation.entitlements().contains(e.code()))
                .toList();
        return new Explanation(
                set.id(),
                set.version(),
                set.kind(),
                set.title(),
                set.legalBasis(),
                set.relevantDate(),
                relevantDate,
                evaluation.parameters(),
                evaluation.criteria(),
                granted);
    }
}

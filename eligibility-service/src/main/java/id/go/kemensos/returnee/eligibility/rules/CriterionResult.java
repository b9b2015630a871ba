package id.go.kemensos.returnee.eligibility.rules;

import id.go.kemensos.returnee.contracts.eligibility.CriterionOutcome;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** One criterion of a decision: whether it passed, with the inputs it read and the law it cites. */
public record CriterionResult(String id, Result result, RuleSet.OnFail onFail, RuleSet.Text description, String citation,
                              Map<String, Object> inputs) {

    public enum Result {
        PASSED, FAILED, UNKNOWN
    }

    /** What a reader without the need to know sees: these inputs' values replaced by {@code [restricted]}. */
    public CriterionResult withheld(Set<String> protectedInputs) {
        if (inputs == null || inputs.keySet().stream().noneMatch(protectedInputs::contains)) {
            return this;
        }
        Map<String, Object> shown = new LinkedHashMap<>();
        inputs.forEach((name, value) -> shown.put(name, protectedInputs.contains(name) ? CriterionOutcome.RESTRICTED : value));
        return new CriterionResult(id, result, onFail, description, citation, shown);
    }
}

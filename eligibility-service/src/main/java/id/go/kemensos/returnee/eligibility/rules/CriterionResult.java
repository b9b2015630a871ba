package id.go.kemensos.returnee.eligibility.rules;

import id.go.kemensos.returnee.contracts.eligibility.CriterionOutcome;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/** One criterion of a decision: whether it passed, with the inputs it read and the law it cites. */
public record CriterionResult(
        String id,
        CriterionOutcome.Result result,
        RuleSet.OnFail onFail,
        RuleSet.Text description,
        String citation,
        Map<String, Object> inputs) {

    /** What a reader without the need to know sees: these inputs' values replaced by {@code [restricted]}. */
    public CriterionResult withheld(Set<String> protectedInputs) {
        return withInputs(protectedInputs, (name, value) -> CriterionOutcome.RESTRICTED);
    }

    /** The same criterion with the values of these inputs (those it has) replaced as {@code replace} says. */
    public CriterionResult withInputs(Set<String> names, BiFunction<String, Object, Object> replace) {
        if (inputs == null || inputs.keySet().stream().noneMatch(names::contains)) {
            return this;
        }
        Map<String, Object> shown = new LinkedHashMap<>();
        inputs.forEach((name, value) -> shown.put(name, names.contains(name) ? replace.apply(name, value) : value));
        return new CriterionResult(id, result, onFail, description, citation, shown);
    }
}

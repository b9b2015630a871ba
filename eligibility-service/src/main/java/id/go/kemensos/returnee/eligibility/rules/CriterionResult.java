package id.go.kemensos.returnee.eligibility.rules;

import java.util.Map;

/** One criterion of a decision: whether it passed, with the inputs it read and the law it cites. */
public record CriterionResult(String id, Result result, RuleSet.OnFail onFail, RuleSet.Text description, String citation,
                              Map<String, Object> inputs) {

    public enum Result {
        PASSED, FAILED, UNKNOWN
    }
}

package id.go.kemensos.returnee.eligibility.rules;

import id.go.kemensos.returnee.contracts.eligibility.CriterionOutcome;
import id.go.kemensos.returnee.contracts.eligibility.Outcome;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.EvaluationException;
import org.springframework.expression.Expression;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.SimpleEvaluationContext;

/**
 * Applies a rule set to facts. Criteria are SpEL expressions from the rule files, evaluated in a
 * {@link SimpleEvaluationContext}: variables, operators and methods of the values only, never types, constructors or
 * beans, so a rule file cannot run code. Deterministic: the outcome depends only on the facts and the rule set (no
 * clock, no lookups).
 */
public final class RuleEngine {

    private static final SpelExpressionParser PARSER = new SpelExpressionParser();
    private static final Pattern VARIABLE = Pattern.compile("#([A-Za-z_][A-Za-z0-9_]*)");

    private final Map<String, Expression> compiled = new ConcurrentHashMap<>();

    /**
     * Fails on a rule that does not parse or reads a fact that does not exist: a bad file must stop the start, not a
     * decision.
     */
    public void check(RuleSet set) {
        for (RuleSet.Criterion criterion : set.criteria()) {
            for (String input : criterion.allInputs()) {
                if (!Facts.NAMES.contains(input)) {
                    throw new IllegalArgumentException(set.label() + " criterion " + criterion.id()
                            + " reads unknown fact '" + input + "'; known facts: " + Facts.NAMES);
                }
            }
            expression(criterion.rule());
            if (criterion.reviewWhen() != null) {
                checkReviewWhen(set, criterion);
            }
        }
    }

    /**
     * What sends a failed case to review is part of the explanation, so it may read only the criterion's own inputs
     * (shown with it) and the rule set's parameters.
     */
    private void checkReviewWhen(RuleSet set, RuleSet.Criterion criterion) {
        if (criterion.onFail() != RuleSet.OnFail.INELIGIBLE) {
            throw new IllegalArgumentException(set.label() + " criterion " + criterion.id()
                    + " has reviewWhen, but a failure already goes to review (onFail: REVIEW)");
        }
        Matcher variable = VARIABLE.matcher(criterion.reviewWhen());
        while (variable.find()) {
            String name = variable.group(1);
            if (!criterion.allInputs().contains(name) && !set.parameters().containsKey(name)) {
                throw new IllegalArgumentException(set.label() + " criterion " + criterion.id()
                        + "'s reviewWhen reads '" + name + "', which is neither one of its inputs "
                        + criterion.allInputs() + " nor a parameter");
            }
        }
        expression(criterion.reviewWhen());
    }

    /** Evaluates as if decided on the day the person registered (the rule-set tests' default). */
    public Evaluation evaluate(RuleSet set, Facts facts) {
        return evaluate(set, facts, facts.registrationDate());
    }

    /** Evaluates a decision made on {@code decisionDate} (what a rule set decided by that date is applied as of). */
    public Evaluation evaluate(RuleSet set, Facts facts, LocalDate decisionDate) {
        Map<String, Object> values = facts.forRuleSet(set, decisionDate);
        List<CriterionResult> results = new ArrayList<>(set.criteria().size());
        boolean ruledOut = false;
        boolean review = false;
        for (RuleSet.Criterion criterion : set.criteria()) {
            Map<String, Object> inputs = new LinkedHashMap<>();
            criterion.inputs().forEach(name -> inputs.put(name, values.get(name)));
            boolean known = !inputs.containsValue(null);
            criterion.optionalInputs().forEach(name -> inputs.put(name, values.get(name)));
            CriterionOutcome.Result result =
                    !known ? CriterionOutcome.Result.UNKNOWN : test(set, criterion, criterion.rule(), values);
            RuleSet.OnFail onFail = criterion.onFail();
            if (result == CriterionOutcome.Result.FAILED
                    && criterion.reviewWhen() != null
                    && test(set, criterion, criterion.reviewWhen(), values) == CriterionOutcome.Result.PASSED) {
                onFail = RuleSet.OnFail.REVIEW; // this person's failure is for an officer to weigh
            }
            if (result == CriterionOutcome.Result.FAILED && onFail == RuleSet.OnFail.INELIGIBLE) {
                ruledOut = true;
            } else if (result != CriterionOutcome.Result.PASSED) {
                review = true;
            }
            results.add(new CriterionResult(
                    criterion.id(), result, onFail, criterion.description(), criterion.citation(), inputs));
        }
        Outcome outcome = ruledOut ? Outcome.INELIGIBLE : review ? Outcome.NEEDS_REVIEW : Outcome.ELIGIBLE;
        return new Evaluation(set, outcome, List.copyOf(results), set.parameters());
    }

    private CriterionOutcome.Result test(
            RuleSet set, RuleSet.Criterion criterion, String rule, Map<String, Object> values) {
        EvaluationContext context = SimpleEvaluationContext.forReadOnlyDataBinding()
                .withInstanceMethods()
                .build();
        set.parameters().forEach(context::setVariable);
        values.forEach(context::setVariable);
        try {
            Boolean passed = expression(rule).getValue(context, Boolean.class);
            return passed == null
                    ? CriterionOutcome.Result.UNKNOWN
                    : passed ? CriterionOutcome.Result.PASSED : CriterionOutcome.Result.FAILED;
        } catch (EvaluationException e) {
            throw new IllegalStateException(
                    set.label() + " criterion " + criterion.id() + " cannot be evaluated: " + e.getMessage(), e);
        }
    }

    private Expression expression(String rule) {
        return compiled.computeIfAbsent(rule, PARSER::parseExpression);
    }
}

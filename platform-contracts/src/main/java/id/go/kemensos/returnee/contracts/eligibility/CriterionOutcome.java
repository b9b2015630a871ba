package id.go.kemensos.returnee.contracts.eligibility;

import java.util.Map;

/**
 * One criterion of a decision as the event log keeps it, so that an auditor can explain a decision without the eligibility
 * database: its id, PASSED, FAILED or UNKNOWN, the article it applies and the facts it read.
 */
public record CriterionOutcome(String id, String result, String citation, Map<String, Object> inputs) {

    /** An input's value as everyone without the need to know reads it: facts that identify a trafficking victim. */
    public static final String RESTRICTED = "[restricted]";
}

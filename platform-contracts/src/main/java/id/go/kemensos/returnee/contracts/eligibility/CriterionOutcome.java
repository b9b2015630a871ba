package id.go.kemensos.returnee.contracts.eligibility;

import java.util.Map;

/**
 * One criterion of a decision as the event log keeps it, so that an auditor can explain a decision without the
 * eligibility database: its id, PASSED, FAILED or UNKNOWN, the article it applies and the facts it read. The
 * {@link #PERSONAL_INPUTS} travel sealed with the person's data key (platform-privacy's {@code PersonalDataCipher},
 * field {@code input:<name>}).
 */
public record CriterionOutcome(String id, Result result, String citation, Map<String, Object> inputs) {

    /** What the criterion found; written by name, as in every version of the event. */
    public enum Result {
        PASSED,
        FAILED,
        UNKNOWN
    }

    /** An input's value as everyone without the need to know reads it: facts that identify a trafficking victim. */
    public static final String RESTRICTED = "[restricted]";

    /** An input's value once the person was erased: it was sealed with their data key, which no longer exists. */
    public static final String ERASED = "[erased]";

    /**
     * The inputs that are personal data (a person's birth date, category, referral source): sealed with the person's
     * key.
     */
    public static final java.util.Set<String> PERSONAL_INPUTS =
            java.util.Set.of("birthDate", "category", "referralSource");

    /**
     * The field a personal input is sealed under (associated data: a value sealed for one input does not open as
     * another).
     */
    public static String sealedField(String input) {
        return "input:" + input;
    }
}

package id.go.kemensos.returnee.audit.person;

import id.go.kemensos.returnee.contracts.eligibility.CriterionOutcome;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * What auditor views leave out or mask (Law 27/2022): NIKs and account and phone numbers travel masked already or are
 * masked here; the returnee category (which would show a trafficking case, Law 21/2007 art. 44) is never shown, in a
 * registration or as a criterion's input. The criterion's result and citation stay.
 */
final class AuditorRedaction {

    private static final Set<String> RESTRICTED_INPUTS = Set.of("category", "referralSource", "traffickingStatus");

    private AuditorRedaction() {}

    /**
     * The criteria as an auditor reads them; {@code open} turns a sealed personal input into its value or
     * {@code [erased]}.
     */
    static List<Map<String, Object>> criteria(
            List<CriterionOutcome> criteria, BiFunction<String, Object, Object> open) {
        if (criteria == null) {
            return List.of();
        }
        return criteria.stream()
                .map(c -> {
                    Map<String, Object> inputs = new LinkedHashMap<>();
                    if (c.inputs() != null) {
                        c.inputs()
                                .forEach((name, value) -> inputs.put(
                                        name,
                                        RESTRICTED_INPUTS.contains(name)
                                                ? CriterionOutcome.RESTRICTED
                                                : open.apply(name, value)));
                    }
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("id", c.id());
                    row.put("result", c.result());
                    row.put("citation", c.citation());
                    row.put("inputs", inputs);
                    return row;
                })
                .toList();
    }
}

package id.go.kemensos.returnee.console;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A decision as eligibility-service shows it to this officer ({@code GET /api/reviews}, {@code GET
 * /api/beneficiaries/{id}/decisions}): decisions under a restricted law reach protection officers only, and the facts
 * that identify a trafficking victim come already withheld for anyone else.
 */
public record EligibilityDecision(
        UUID decisionId,
        UUID beneficiaryId,
        String programId,
        String cycleId,
        String outcome,
        long grantAmount,
        String ruleSetId,
        String ruleSetVersion,
        List<String> notPassed,
        String provinceCode,
        String regencyCode,
        UUID supersededBy,
        Instant decidedAt,
        Explanation explanation,
        Ruling override,
        boolean restricted) {

    public record Explanation(
            String ruleSetId,
            String ruleSetVersion,
            Text title,
            List<Citation> legalBasis,
            List<Criterion> criteria,
            List<Entitlement> entitlements) {}

    /** A service or benefit the decision entitles the person to, described in the rule set's own words. */
    public record Entitlement(String code, Text description) {}

    /** An officer's ruling on the decision, which then applies instead of its outcome. */
    public record Ruling(String outcome, long grantAmount, String reason, String officer, Instant overriddenAt) {}

    public String effectiveOutcome() {
        return override != null ? override.outcome() : outcome;
    }

    public boolean current() {
        return supersededBy == null;
    }

    public record Text(String id, String en) {

        public String in(String language) {
            return "en".equals(language) && en != null ? en : id;
        }
    }

    public record Citation(String instrument, String article) {

        @Override
        public String toString() {
            return article == null || article.isBlank() ? instrument : instrument + " " + article;
        }
    }

    public record Criterion(String id, String result, Text description, String citation, Map<String, Object> inputs) {

        public boolean passed() {
            return "PASSED".equals(result);
        }
    }

    /** A page of them. */
    public record Page(List<EligibilityDecision> items, int page, int size, long total) {}
}

package id.go.kemensos.returnee.console;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A decision that needs an officer, as eligibility-service shows it to this officer ({@code GET /api/reviews}): the facts
 * that identify a trafficking victim come already withheld for anyone but a protection officer.
 */
public record ReviewDecision(UUID decisionId, UUID beneficiaryId, String programId, String cycleId, String outcome, long grantAmount,
                             String ruleSetId, String ruleSetVersion, List<String> notPassed, String provinceCode, String regencyCode,
                             Instant decidedAt, Explanation explanation, boolean restricted) {

    public record Explanation(String ruleSetId, String ruleSetVersion, Text title, List<Citation> legalBasis, List<Criterion> criteria) {
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
    public record Page(List<ReviewDecision> items, int page, int size, long total) {
    }
}

package id.go.kemensos.returnee.contracts.eligibility;

import id.go.kemensos.returnee.contracts.BeneficiaryEvent;
import id.go.kemensos.returnee.contracts.EventType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A decision for one beneficiary under one program cycle. {@code grantAmount} is whole rupiah and is zero unless
 * ELIGIBLE. {@code previousDecisionId} links a re-evaluation to the decision it supersedes. {@code legalBasis},
 * {@code relevantDate} and {@code criteria} (every criterion with its citation and inputs) were added later for
 * auditors: null in older events.
 */
public record EligibilityDecided(
        UUID decisionId,
        UUID beneficiaryId,
        String programId,
        String cycleId,
        Outcome outcome,
        long grantAmount,
        List<String> entitlements,
        String ruleSetId,
        String ruleSetVersion,
        List<String> failedCriteria,
        String provinceCode,
        String regencyCode,
        UUID previousDecisionId,
        Instant decidedAt,
        List<String> legalBasis,
        LocalDate relevantDate,
        List<CriterionOutcome> criteria)
        implements EligibilityEvent, BeneficiaryEvent {

    public static final EventType EVENT_TYPE = EventType.of(EligibilityTopics.AGGREGATE, EligibilityDecided.class, 1);

    /** A decision without its trace, as events carried it before the trace was added. */
    public EligibilityDecided(
            UUID decisionId,
            UUID beneficiaryId,
            String programId,
            String cycleId,
            Outcome outcome,
            long grantAmount,
            List<String> entitlements,
            String ruleSetId,
            String ruleSetVersion,
            List<String> failedCriteria,
            String provinceCode,
            String regencyCode,
            UUID previousDecisionId,
            Instant decidedAt) {
        this(
                decisionId,
                beneficiaryId,
                programId,
                cycleId,
                outcome,
                grantAmount,
                entitlements,
                ruleSetId,
                ruleSetVersion,
                failedCriteria,
                provinceCode,
                regencyCode,
                previousDecisionId,
                decidedAt,
                null,
                null,
                null);
    }

    /**
     * The first criterion that ruled the person out, by id: from {@code criteria} where the event carries them, else
     * from {@code failedCriteria}, whose entries older events wrote as {@code "C4:FAILED"}.
     */
    public Optional<String> firstFailedCriterion() {
        if (criteria != null) {
            return criteria.stream()
                    .filter(c -> c.result() == CriterionOutcome.Result.FAILED)
                    .map(CriterionOutcome::id)
                    .findFirst();
        }
        String failed = ":" + CriterionOutcome.Result.FAILED;
        return failedCriteria == null
                ? Optional.empty()
                : failedCriteria.stream()
                        .filter(c -> c.endsWith(failed))
                        .map(c -> c.substring(0, c.length() - failed.length()))
                        .findFirst();
    }
}

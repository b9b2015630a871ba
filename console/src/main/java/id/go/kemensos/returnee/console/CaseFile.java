package id.go.kemensos.returnee.console;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A case as case-service shows it to its case worker ({@code GET /api/cases/{id}}): the services offered and what became
 * of them, follow-ups, needs assessments (newest first), the plan, and the needs no step serves yet.
 */
public record CaseFile(
        Summary summary,
        List<Offer> offers,
        List<FollowUp> followUps,
        List<Assessment> assessments,
        List<PlanStep> plan,
        List<String> unplannedNeeds) {

    /** A case in the case worker's list; {@code openOffers}: offers waiting for an answer, a referral or its outcome. */
    public record Summary(
            UUID caseId,
            UUID beneficiaryId,
            String provinceCode,
            String regencyCode,
            String caseWorker,
            Instant openedAt,
            long openOffers) {}

    public record Offer(
            UUID offerId,
            String service,
            String nameId,
            String nameEn,
            String dimension,
            boolean restricted,
            String state,
            String declineReason,
            String answerNote,
            Instant answeredAt,
            List<Referral> referrals) {

        /** What the case worker can do with it next. */
        public boolean awaitsAnswer() {
            return "OFFERED".equals(state);
        }

        public boolean mayBeReferred() {
            return "ACCEPTED".equals(state) || "NOT_DELIVERED".equals(state);
        }

        public Referral openReferral() {
            return referrals == null
                    ? null
                    : referrals.stream()
                            .filter(r -> r.outcome() == null)
                            .findFirst()
                            .orElse(null);
        }
    }

    public record Referral(
            UUID referralId,
            String partnerId,
            String partnerName,
            String partnerContact,
            Instant referredAt,
            String outcome,
            String outcomeNote) {}

    public record FollowUp(
            UUID followUpId,
            LocalDate dueOn,
            String contact,
            String businessStatus,
            String incomeBand,
            String note,
            Instant recordedAt) {}

    public record Assessment(UUID assessmentId, List<Need> needs, String note, String assessedBy, Instant assessedAt) {}

    public record Need(String dimension, String nameId, String nameEn, String level) {}

    public record PlanStep(
            UUID actionId,
            String dimension,
            String action,
            UUID offerId,
            String service,
            LocalDate dueOn,
            boolean overdue,
            String outcome,
            String outcomeNote) {}

    /** An open follow-up in the case worker's list ({@code GET /api/follow-ups}). */
    public record FollowUpDue(
            UUID followUpId, UUID caseId, UUID beneficiaryId, String regencyCode, LocalDate dueOn, boolean overdue) {}

    /** A dimension a needs assessment scores ({@code GET /api/need-dimensions}). */
    public record Dimension(String code, String iomDimension, String nameId, String nameEn, String looksAt) {}

    /** A referral partner ({@code GET /api/partners}). */
    public record Partner(String id, String province, String type, String name, String contact, int capacity) {}
}

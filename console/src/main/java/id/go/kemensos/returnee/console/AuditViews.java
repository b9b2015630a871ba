package id.go.kemensos.returnee.console;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What audit-service answers, as the auditor's pages show it (identifiers already masked by the service). */
public final class AuditViews {

    private AuditViews() {}

    public record TimelineEntry(
            long seq,
            Instant at,
            String topic,
            String event,
            String summary,
            Map<String, Object> details,
            String eventId) {

        /** The payment an entry is about, to link its justification; null for entries about no payment. */
        public Object paymentId() {
            return details == null ? null : details.get("paymentId");
        }
    }

    public record Justification(
            UUID paymentId,
            String state,
            long amount,
            String programId,
            String cycleId,
            Beneficiary beneficiary,
            Decision decision,
            Batch batch,
            String maker,
            String checker,
            Instant approvedAt,
            Bank bank,
            List<String> accountChecks,
            UUID reissueOf,
            List<TimelineEntry> history) {

        public String provinceCode() {
            return beneficiary == null ? null : beneficiary.provinceCode();
        }
    }

    public record Beneficiary(
            UUID beneficiaryId, String fullName, String nik, String provinceCode, String regencyCode) {}

    public record Decision(
            UUID decisionId,
            String outcome,
            String ruleSetId,
            String ruleSetVersion,
            List<String> legalBasis,
            LocalDate relevantDate,
            List<Map<String, Object>> criteria,
            Instant decidedAt,
            Override override) {}

    public record Override(String outcome, String officer, String reason, Instant at) {}

    public record Batch(
            UUID batchId,
            String preparedBy,
            Instant preparedAt,
            String decision,
            String decidedBy,
            Instant decidedAt) {}

    public record Bank(String bankCode, String accountNumber, String bankReference, Instant settledAt) {}

    public record Verification(
            boolean intact,
            long rowsChecked,
            long headSeq,
            String headHash,
            long sealsChecked,
            String sealsUnavailable,
            Finding firstBroken,
            List<Finding> findings) {}

    public record Finding(long seq, String kind, String eventId, String detail) {}

    /** A replay of disbursement.events into a fresh schema (POST /api/replays), as the page shows it. */
    public record Replay(ReplayRun run, List<ReplayTotal> totals, List<ReplayAnomaly> anomalies)
            implements java.io.Serializable {}

    public record ReplayRun(
            String replayId,
            Instant asOf,
            long recordsRead,
            long eventsApplied,
            long duplicates,
            long afterAsOf,
            long unreadable,
            long payments,
            Instant startedAt,
            Instant finishedAt)
            implements java.io.Serializable {}

    public record ReplayTotal(
            String programId, String provinceCode, String regencyCode, String state, long payments, long total)
            implements java.io.Serializable {}

    public record ReplayAnomaly(UUID paymentId, String kind, String detail) implements java.io.Serializable {}

    /** A replay's totals against disbursement-service's live report, group by group. */
    public record ReportComparison(boolean matches, int rowsCompared, List<ReportDifference> differences)
            implements java.io.Serializable {}

    public record ReportDifference(
            String programId,
            String provinceCode,
            String regencyCode,
            String state,
            long replayedPayments,
            long livePayments,
            long replayedTotal,
            long liveTotal)
            implements java.io.Serializable {}
}

package id.go.kemensos.returnee.audit.person;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * "Why was this person paid": for one payment, from the ledger alone, the decision behind it (rule-set version, legal
 * basis, each criterion with its citation), any override, the batch with its maker and checker, and the bank's
 * reference.
 */
public record PaymentJustification(
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
}

package id.go.kemensos.returnee.contracts.disbursement;

import id.go.kemensos.returnee.contracts.EventType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A bank statement was matched against the ledger. Breaks: settled in the ledger but missing from the statement, on the
 * statement but unknown (or not settled) in the ledger, and amount mismatches. Keyed by the reconciliation id.
 */
public record ReconciliationCompleted(
        UUID reconciliationId,
        String fileName,
        LocalDate from,
        LocalDate to,
        long statementLines,
        long matched,
        long returned,
        long missingFromStatement,
        long unknownInLedger,
        long notSettledInLedger,
        long amountMismatches,
        String importedBy,
        Instant completedAt)
        implements DisbursementEvent {

    public static final EventType EVENT_TYPE =
            EventType.of(DisbursementTopics.AGGREGATE, ReconciliationCompleted.class, 1);

    @Override
    public String subjectId() {
        return reconciliationId.toString();
    }
}

package id.go.kemensos.returnee.console;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A bank statement matched against the ledger ({@code /api/reconciliations}): its counts and each break. */
public record StatementMatch(
        UUID reconciliationId,
        String fileName,
        LocalDate from,
        LocalDate to,
        long statementLines,
        long matched,
        long returned,
        long breaks,
        String importedBy,
        List<Break> breakList) {

    public record Break(
            long lineNo,
            String kind,
            UUID paymentId,
            String bankReference,
            Long ledgerAmount,
            Long statementAmount,
            String detail) {}
}

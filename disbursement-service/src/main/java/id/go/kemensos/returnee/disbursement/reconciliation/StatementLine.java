package id.go.kemensos.returnee.disbursement.reconciliation;

import java.time.LocalDate;

/**
 * One entry of a bank statement, whatever its format: a transfer that left the paying account, or one that came back.
 *
 * @param lineNo           where it is: the line of a CSV file, or the position of an MT940 entry (its :61:)
 * @param partnerReference the reference the transfer carried: our payment id, or whatever else the bank shows
 */
record StatementLine(
        long lineNo,
        LocalDate valueDate,
        String bankReference,
        String partnerReference,
        long amount,
        boolean returned) {}

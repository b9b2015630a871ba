package id.go.kemensos.returnee.disbursement.reconciliation;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * A statement as CSV: value_date, bank_reference, partner_reference, amount (whole rupiah), status (SUCCESS or
 * RETURNED).
 */
final class CsvStatement {

    private static final List<String> COLUMNS =
            List.of("value_date", "bank_reference", "partner_reference", "amount", "status");

    private CsvStatement() {}

    static List<StatementLine> read(Reader in) throws IOException {
        List<StatementLine> lines = new ArrayList<>();
        try {
            var parser = CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .setTrim(true)
                    .setIgnoreEmptyLines(true)
                    .get()
                    .parse(in);
            for (String column : COLUMNS) {
                if (!parser.getHeaderMap().containsKey(column)) {
                    throw new StatementReconciliation.UnreadableStatement(
                            "Kolom " + column + " tidak ada / the statement has no column " + column);
                }
            }
            for (CSVRecord line : parser) {
                long lineNo = line.getRecordNumber() + 1; // the header is line 1
                lines.add(new StatementLine(
                        lineNo,
                        date(line.get("value_date"), lineNo),
                        line.get("bank_reference"),
                        line.get("partner_reference"),
                        amount(line.get("amount"), lineNo),
                        "RETURNED".equalsIgnoreCase(line.get("status"))));
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new StatementReconciliation.UnreadableStatement(
                    "Rekening koran tidak dapat dibaca / the statement cannot be read: " + e.getMessage());
        }
        return lines;
    }

    private static LocalDate date(String text, long lineNo) {
        try {
            return LocalDate.parse(text);
        } catch (RuntimeException e) {
            throw new StatementReconciliation.UnreadableStatement("Baris " + lineNo + ": tanggal '" + text
                    + "' bukan YYYY-MM-DD / line " + lineNo + ": bad value_date");
        }
    }

    private static long amount(String text, long lineNo) {
        try {
            return new BigDecimal(text).longValueExact();
        } catch (RuntimeException e) {
            throw new StatementReconciliation.UnreadableStatement(
                    "Baris " + lineNo + ": jumlah '" + text + "' bukan rupiah bulat / line " + lineNo + ": bad amount");
        }
    }
}

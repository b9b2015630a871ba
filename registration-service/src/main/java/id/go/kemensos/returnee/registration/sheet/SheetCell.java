package id.go.kemensos.returnee.registration.sheet;

import id.go.kemensos.returnee.security.SpreadsheetCsv;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One cell as the clerk sees it. {@code text} is what the sheet shows (a CSV field verbatim; for XLSX the displayed
 * value, with dates as dd-MM-yyyy and whole numbers below 10^15 written out in full). {@code typedAsNumber} says Excel
 * stored a number, which is how NIKs lose their last digit; {@code number} is then the stored value and {@code date} is
 * set when the cell's format is a date format.
 */
public record SheetCell(String text, boolean typedAsNumber, BigDecimal number, LocalDate date) {

    public static final SheetCell EMPTY = new SheetCell("", false, null, null);

    public SheetCell {
        text = text == null ? "" : text;
    }

    public static SheetCell text(String text) {
        // The platform's CSV files put an apostrophe before a cell that a spreadsheet would run as a formula ('+62...);
        // a
        // clerk who fixes an error report and uploads it again means the text after it.
        return text == null || text.isEmpty()
                ? EMPTY
                : new SheetCell(SpreadsheetCsv.unguarded(text), false, null, null);
    }

    public static SheetCell number(String text, BigDecimal number) {
        return new SheetCell(text, true, number, null);
    }

    public static SheetCell date(String text, BigDecimal serial, LocalDate date) {
        return new SheetCell(text, true, serial, date);
    }

    public boolean isBlank() {
        return text.isBlank();
    }

    public Optional<BigDecimal> numberValue() {
        return Optional.ofNullable(number);
    }

    public Optional<LocalDate> dateValue() {
        return Optional.ofNullable(date);
    }
}

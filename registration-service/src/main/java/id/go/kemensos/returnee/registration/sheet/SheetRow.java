package id.go.kemensos.returnee.registration.sheet;

import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * One data row. {@code rowNumber} is the row number the clerk sees in Excel (the header is row 1, so the first data row
 * is 2; blank rows are skipped but still counted). {@code rawValues} keeps every cell's text in the file's own column
 * order so that the error report can reproduce rejected rows exactly, including columns the reader ignored.
 */
public record SheetRow(long rowNumber, Map<SheetColumn, SheetCell> cells, List<String> rawValues) {

    public SheetRow {
        cells = Collections.unmodifiableMap(cells);
        rawValues = List.copyOf(rawValues);
    }

    /** The cell of a column; {@link SheetCell#EMPTY} when the column is absent or the row is short. */
    public SheetCell cell(SheetColumn column) {
        return cells.getOrDefault(column, SheetCell.EMPTY);
    }

    /** Shorthand for {@code cell(column).text()}. */
    public String text(SheetColumn column) {
        return cell(column).text();
    }
}

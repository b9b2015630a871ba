package id.go.kemensos.returnee.registration.sheet;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The header row matched to canonical columns; turns a row's cells in file order into a {@link SheetRow}. */
final class SheetHeader {

    static final SheetHeader NONE = new SheetHeader(List.of());
    /**
     * How far down a sheet the header is looked for: offices put a title, a date or a signature block above the table
     * (in merged cells, often), so the first non-blank row is the header only when no row this far down looks like one.
     */
    static final int SEARCH_ROWS = 20;

    private final List<String> names;
    private final SheetColumn[] columns;
    private final Set<SheetColumn> present = EnumSet.noneOf(SheetColumn.class);
    private final List<String> unknown = new ArrayList<>();
    private final List<SheetColumn> missing = new ArrayList<>();

    SheetHeader(List<String> names) {
        this.names = List.copyOf(names);
        this.columns = new SheetColumn[names.size()];
        for (int i = 0; i < columns.length; i++) {
            String name = names.get(i);
            if (name.isBlank()) {
                continue; // trailing unnamed columns are common and carry nothing the service reads
            }
            SheetColumn column = SheetColumn.forHeader(name).orElse(null);
            if (column != null && present.add(column)) {
                columns[i] = column;
            } else {
                unknown.add(name.strip()); // unknown, or a repeat of a column already matched: the first one wins
            }
        }
        for (SheetColumn column : SheetColumn.REQUIRED) {
            boolean bankNamed = column == SheetColumn.KODE_BANK && present.contains(SheetColumn.NAMA_BANK);
            if (!present.contains(column) && !bankNamed) {
                missing.add(column);
            }
        }
    }

    List<String> names() {
        return names;
    }

    List<String> unknownColumns() {
        return List.copyOf(unknown);
    }

    List<SheetColumn> missingRequiredColumns() {
        return List.copyOf(missing);
    }

    boolean has(SheetColumn column) {
        return present.contains(column);
    }

    /** Raw values are padded to the header's width so that the error report's columns line up. */
    SheetRow row(long rowNumber, List<SheetCell> cellsInFileOrder) {
        Map<SheetColumn, SheetCell> cells = new EnumMap<>(SheetColumn.class);
        int width = Math.max(columns.length, cellsInFileOrder.size());
        List<String> raw = new ArrayList<>(width);
        for (int i = 0; i < width; i++) {
            SheetCell cell = i < cellsInFileOrder.size() ? cellsInFileOrder.get(i) : SheetCell.EMPTY;
            raw.add(cell.text());
            if (i < columns.length && columns[i] != null && !cell.isBlank()) {
                cells.put(columns[i], cell);
            }
        }
        return new SheetRow(rowNumber, cells, raw);
    }

    /** A row that names two or more of the list's columns is the table's header; a title names none. */
    static boolean looksLikeHeader(List<String> names) {
        int known = 0;
        for (String name : names) {
            if (!name.isBlank() && SheetColumn.forHeader(name).isPresent() && ++known == 2) {
                return true;
            }
        }
        return false;
    }

    /**
     * The header of one sheet, looked for among its first {@link #SEARCH_ROWS} non-blank rows: the first that
     * {@link #looksLikeHeader looks like one}, else the first non-blank row.
     */
    static final class Search {

        private long firstRow = -1;
        private List<String> firstNames;
        private boolean found;
        private long row = -1;
        private List<String> names;
        private int nonBlank;

        /** Offers the next non-blank row; true when the search is over (the header found, or enough rows seen). */
        boolean offer(long rowNumber, List<String> rowNames) {
            if (firstNames == null) {
                firstRow = rowNumber;
                firstNames = rowNames;
            }
            if (looksLikeHeader(rowNames)) {
                found = true;
                row = rowNumber;
                names = rowNames;
                return true;
            }
            return ++nonBlank >= SEARCH_ROWS;
        }

        /** Whether a row named two of the list's columns. */
        boolean found() {
            return found;
        }

        /** The header's row number: the one found, else the first non-blank row; -1 when the sheet had none. */
        long row() {
            return found ? row : firstRow;
        }

        List<String> names() {
            return found ? names : firstNames;
        }
    }

    static boolean isBlank(List<SheetCell> cells) {
        for (SheetCell cell : cells) {
            if (!cell.isBlank()) {
                return false;
            }
        }
        return true;
    }
}

package id.go.kemensos.returnee.registration.sheet;

/**
 * What one uploaded list may hold, so that a crafted or mistaken file cannot exhaust the service's memory or time:
 * columns, characters in one cell, data rows, and for XLSX the shared-string table (the only part of a workbook held in
 * memory: its entries and their characters). A file over any of them is refused whole with {@link SheetLimitExceeded},
 * naming the limit.
 */
public record SheetLimits(
        int maxColumns, int maxCellLength, long maxRows, int maxSharedStrings, long maxSharedStringChars) {

    /** A provincial list has about 20 columns and at most some tens of thousands of rows; these leave ample room. */
    public static final SheetLimits DEFAULT = new SheetLimits(100, 1_000, 250_000, 2_000_000, 32_000_000L);

    public SheetLimits {
        if (maxColumns < 1 || maxCellLength < 1 || maxRows < 1 || maxSharedStrings < 1 || maxSharedStringChars < 1) {
            throw new IllegalArgumentException("Sheet limits must be positive: " + maxColumns + ", " + maxCellLength
                    + ", " + maxRows + ", " + maxSharedStrings + ", " + maxSharedStringChars);
        }
    }

    void checkColumns(int columns, long rowNumber) {
        if (columns > maxColumns) {
            throw new SheetLimitExceeded(
                    SheetLimitExceeded.Limit.COLUMNS,
                    maxColumns,
                    "Baris " + rowNumber + " memiliki " + columns + " kolom, batasnya " + maxColumns + " / row "
                            + rowNumber + " has " + columns + " columns, the limit is " + maxColumns);
        }
    }

    void checkCell(int length, long rowNumber) {
        if (length > maxCellLength) {
            throw new SheetLimitExceeded(
                    SheetLimitExceeded.Limit.CELL_LENGTH,
                    maxCellLength,
                    "Sel di baris " + rowNumber + " lebih dari " + maxCellLength + " karakter / a cell in row "
                            + rowNumber + " is longer than " + maxCellLength + " characters");
        }
    }

    void checkRows(long rows) {
        if (rows > maxRows) {
            throw new SheetLimitExceeded(
                    SheetLimitExceeded.Limit.ROWS,
                    maxRows,
                    "Daftar lebih dari " + maxRows + " baris; bagi menjadi beberapa berkas / the list has more than "
                            + maxRows + " rows; split it into several files");
        }
    }

    void checkSharedStrings(int entries, long characters) {
        if (entries > maxSharedStrings || characters > maxSharedStringChars) {
            throw new SheetLimitExceeded(
                    SheetLimitExceeded.Limit.SHARED_STRINGS,
                    entries > maxSharedStrings ? maxSharedStrings : maxSharedStringChars,
                    "Tabel teks bersama XLSX terlalu besar (lebih dari " + maxSharedStrings + " teks atau "
                            + maxSharedStringChars + " karakter) / the workbook's shared-string table is larger than "
                            + maxSharedStrings
                            + " texts or " + maxSharedStringChars + " characters");
        }
    }
}

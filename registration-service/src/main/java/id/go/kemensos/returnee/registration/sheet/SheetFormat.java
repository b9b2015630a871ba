package id.go.kemensos.returnee.registration.sheet;

import java.util.Locale;
import java.util.Optional;

/** The upload formats the reader accepts. */
public enum SheetFormat {
    CSV,
    XLSX;

    /**
     * By file extension: .csv and .txt are CSV, .xlsx (and macro-enabled .xlsm) is XLSX; old binary .xls is not
     * supported.
     */
    public static Optional<SheetFormat> fromFileName(String fileName) {
        if (fileName == null) {
            return Optional.empty();
        }
        String name = fileName.strip().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv") || name.endsWith(".txt")) {
            return Optional.of(CSV);
        }
        if (name.endsWith(".xlsx") || name.endsWith(".xlsm")) {
            return Optional.of(XLSX);
        }
        return Optional.empty();
    }

    /** By content: an XLSX file is a ZIP archive, which starts with "PK\3\4"; anything else is read as CSV text. */
    public static SheetFormat fromMagic(byte[] firstBytes) {
        boolean zip = firstBytes.length >= 4
                && firstBytes[0] == 'P'
                && firstBytes[1] == 'K'
                && firstBytes[2] == 3
                && firstBytes[3] == 4;
        return zip ? XLSX : CSV;
    }
}

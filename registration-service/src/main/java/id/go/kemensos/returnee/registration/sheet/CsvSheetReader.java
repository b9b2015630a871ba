package id.go.kemensos.returnee.registration.sheet;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV as offices export it: UTF-8 with or without BOM, CRLF or LF, {@code ;} (Excel with an Indonesian locale) or
 * {@code ,} detected from the header line, and Excel's optional {@code sep=;} first line. Empty lines are kept as
 * records so that record numbers equal the row numbers Excel shows when it opens the file.
 */
final class CsvSheetReader extends SheetReader {

    /** The header line must fit in this look-ahead for delimiter detection; longer ones fall back to a comma. */
    private static final int HEADER_PEEK = 1 << 16;

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final char delimiter;

    CsvSheetReader(InputStream in, SheetLimits limits) throws IOException {
        super(limits);
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), HEADER_PEEK);
        try {
            skipBom(reader);
            Character declared = excelSeparatorLine(reader);
            delimiter = declared != null ? declared : detectDelimiter(reader);
            parser = CSVFormat.DEFAULT
                    .builder()
                    .setDelimiter(delimiter)
                    .setIgnoreEmptyLines(false)
                    .get()
                    .parse(reader);
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
        records = parser.iterator();
        while (hasNext()) {
            CSVRecord record = records.next();
            List<String> values = record.toList();
            if (!values.stream().allMatch(String::isBlank)) {
                header(record.getRecordNumber(), values);
                break;
            }
        }
    }

    char delimiter() {
        return delimiter;
    }

    @Override
    public SheetFormat format() {
        return SheetFormat.CSV;
    }

    @Override
    public OptionalLong totalRowsHint() {
        return OptionalLong.empty();
    }

    @Override
    protected void readRows(RowHandler handler) {
        List<SheetCell> cells = new ArrayList<>();
        while (hasNext()) {
            CSVRecord record = records.next();
            cells.clear();
            for (String value : record) {
                cells.add(SheetCell.text(value));
            }
            row(record.getRecordNumber(), cells, handler);
        }
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    /** Commons CSV reports broken quoting as an unchecked exception from the iterator. */
    private boolean hasNext() {
        try {
            return records.hasNext();
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new SheetReadException(
                    "Unreadable CSV near line " + parser.getCurrentLineNumber() + ": " + e.getMessage(), e);
        }
    }

    private static void skipBom(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
    }

    /** Excel writes and honours a first line {@code sep=;}; it does not show it, so it is not a row either. */
    private static Character excelSeparatorLine(BufferedReader reader) throws IOException {
        reader.mark(HEADER_PEEK);
        char[] start = new char[6];
        int n = reader.read(start, 0, 6);
        reader.reset();
        String text = n > 0 ? new String(start, 0, n) : "";
        if (text.length() >= 5 && text.toLowerCase(Locale.ROOT).startsWith("sep=")) {
            reader.readLine();
            return text.charAt(4);
        }
        return null;
    }

    /** Counts delimiters outside quotes on the first non-empty line; more semicolons than commas means semicolon. */
    static char detectDelimiter(BufferedReader reader) throws IOException {
        reader.mark(HEADER_PEEK);
        int semicolons = 0;
        int commas = 0;
        boolean quoted = false;
        boolean content = false;
        for (int i = 0, c; i < HEADER_PEEK - 1 && (c = reader.read()) != -1; i++) {
            if (c == '"') {
                quoted = !quoted; // a doubled quote flips twice, which is what it should do
            } else if (quoted) {
                continue;
            } else if (c == '\n' || c == '\r') {
                if (content) {
                    break;
                }
                semicolons = 0; // a line of bare delimiters above the header says nothing
                commas = 0;
            } else if (c == ';') {
                semicolons++;
            } else if (c == ',') {
                commas++;
            } else if (!Character.isWhitespace(c)) {
                content = true;
            }
        }
        reader.reset();
        return semicolons > commas ? ';' : ',';
    }
}

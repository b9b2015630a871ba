package id.go.kemensos.returnee.registration.sheet;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV as offices export it: UTF-8 with or without BOM, UTF-16 (Excel's "Unicode text") or Windows-1252 (Excel's "CSV" on
 * Windows), CRLF or LF, {@code ;} (Excel with an Indonesian locale) or
 * {@code ,} detected from the header line, and Excel's optional {@code sep=;} first line. Empty lines are kept as
 * records so that record numbers equal the row numbers Excel shows when it opens the file.
 */
final class CsvSheetReader extends SheetReader {

    /** The header line must fit in this look-ahead for delimiter detection; longer ones fall back to a comma. */
    private static final int HEADER_PEEK = 1 << 16;

    /** Enough of the file to tell its encoding. */
    private static final int ENCODING_SAMPLE = 1 << 16;
    /** The encodings offices' files come in, as ICU names them; a detector's other guesses are not taken. */
    private static final Map<String, Charset> ENCODINGS = Map.of(
            "UTF-8", StandardCharsets.UTF_8,
            "UTF-16LE", StandardCharsets.UTF_16LE,
            "UTF-16BE", StandardCharsets.UTF_16BE,
            "windows-1252", Charset.forName("windows-1252"),
            "ISO-8859-1", Charset.forName("windows-1252")); // the same letters, and Excel means 1252

    private final CSVParser parser;
    /** Rows read while looking for the header that turned out to be data. */
    private final List<CSVRecord> replay = new ArrayList<>();

    private final Iterator<CSVRecord> records;
    private final char delimiter;

    CsvSheetReader(InputStream in, SheetLimits limits) throws IOException {
        super(limits);
        BufferedInputStream bytes = in instanceof BufferedInputStream b ? b : new BufferedInputStream(in);
        BufferedReader reader = new BufferedReader(new InputStreamReader(bytes, encodingOf(bytes)), HEADER_PEEK);
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
        findHeader();
    }

    /**
     * The header is the first row, among the first {@link SheetHeader#SEARCH_ROWS} non-blank ones, that names two of
     * the list's columns (rows above it, a title say, are not rows of the list); failing that, the first non-blank row,
     * and the rows read past it while looking are read again as data.
     */
    private void findHeader() {
        SheetHeader.Search search = new SheetHeader.Search();
        List<CSVRecord> afterFirst = new ArrayList<>();
        boolean over = false;
        while (!over && hasNext()) {
            CSVRecord record = records.next();
            List<String> values = record.toList();
            if (!values.stream().allMatch(String::isBlank)) {
                over = search.offer(record.getRecordNumber(), values);
                if (search.row() == record.getRecordNumber()) {
                    continue; // the header, or the first non-blank row that is the header failing one
                }
            }
            if (search.row() >= 0) {
                afterFirst.add(record);
            }
        }
        if (search.row() >= 0) {
            header(search.row(), search.names());
            if (!search.found()) {
                replay.addAll(afterFirst);
            }
        }
    }

    char delimiter() {
        return delimiter;
    }

    /**
     * The file's encoding: by its byte-order mark, or by ICU's detector over the first 64 KB among {@link #ENCODINGS};
     * a start in plain ASCII is read as UTF-8 (the detector cannot tell, and what follows is most likely UTF-8).
     */
    static Charset encodingOf(BufferedInputStream in) throws IOException {
        in.mark(ENCODING_SAMPLE);
        byte[] sample = in.readNBytes(ENCODING_SAMPLE);
        in.reset();
        boolean ascii = true;
        for (byte b : sample) {
            if (b <= 0) { // a NUL or a byte over 0x7F
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return StandardCharsets.UTF_8;
        }
        CharsetDetector detector = new CharsetDetector();
        detector.setText(sample);
        for (CharsetMatch match : detector.detectAll()) {
            Charset known = ENCODINGS.get(match.getName());
            if (known != null) {
                return known;
            }
        }
        return StandardCharsets.UTF_8;
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
        for (CSVRecord record : replay) {
            dataRow(record, cells, handler);
        }
        replay.clear();
        while (hasNext()) {
            dataRow(records.next(), cells, handler);
        }
    }

    private void dataRow(CSVRecord record, List<SheetCell> cells, RowHandler handler) {
        cells.clear();
        for (String value : record) {
            cells.add(SheetCell.text(value));
        }
        row(record.getRecordNumber(), cells, handler);
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
            long line = parser.getCurrentLineNumber();
            throw new SheetReadException(
                    "Berkas CSV rusak dekat baris " + line + ": tanda kutip (\") dibuka tetapi tidak ditutup, atau ada"
                            + " teks sesudah tanda kutip penutup / Unreadable CSV near line " + line + ": a quote (\")"
                            + " is opened and never closed, or text follows a closing quote (" + innermost(e) + ")",
                    e);
        }
    }

    /** Commons CSV's own words, without the exception class names that wrap them. */
    private static String innermost(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage();
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

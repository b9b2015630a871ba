package id.go.kemensos.returnee.security;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A CSV file the platform hands out (error reports, timelines, payment and replay reports), safe to open in a
 * spreadsheet. A text cell that a spreadsheet would run as a formula (it begins with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a carriage return: OWASP's "CSV injection") is written with a leading apostrophe, so that the
 * spreadsheet shows the text instead of running it; numbers are written as numbers. An uploaded list that comes back
 * through the registration reader loses the apostrophe again. Files are UTF-8 with a byte-order mark, without which
 * Excel misreads names.
 */
public final class SpreadsheetCsv implements Flushable, Closeable {

    public static final MediaType MEDIA_TYPE = new MediaType("text", "csv", StandardCharsets.UTF_8);
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private final CSVPrinter printer;

    private SpreadsheetCsv(Appendable out, List<String> header) throws IOException {
        this.printer = new CSVPrinter(
                out,
                CSVFormat.DEFAULT
                        .builder()
                        .setHeader(header.stream().map(SpreadsheetCsv::cell).toArray(String[]::new))
                        .get());
    }

    /** A file written to {@code out}, beginning with its byte-order mark and this header row. */
    public static SpreadsheetCsv to(Appendable out, List<String> header) {
        try {
            out.append('\uFEFF');
            return new SpreadsheetCsv(out, header);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static SpreadsheetCsv to(Appendable out, String... header) {
        return to(out, List.of(header));
    }

    /** The whole file as text, for the small exports built in memory. */
    public static String of(List<String> header, List<? extends Iterable<?>> rows) {
        StringBuilder text = new StringBuilder();
        SpreadsheetCsv csv = to(text, header);
        rows.forEach(csv::row);
        return text.toString();
    }

    /** An attachment to save, named {@code fileName}. */
    public static ResponseEntity<String> download(String fileName, String csv) {
        return ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .contentType(MEDIA_TYPE)
                .body(csv);
    }

    public void row(Object... values) {
        row(Arrays.asList(values));
    }

    public void row(Iterable<?> values) {
        List<Object> cells = new ArrayList<>();
        for (Object value : values) {
            cells.add(value instanceof Number ? value : cell(value));
        }
        try {
            printer.printRecord(cells);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The text a cell holds, with an apostrophe in front when a spreadsheet would take it for a formula; null is empty.
     */
    public static String cell(Object value) {
        String text = value == null ? "" : value.toString();
        return !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    /**
     * The reverse of {@link #cell}: a cell of one of these files read back (an uploaded error report) without the
     * apostrophe.
     */
    public static String unguarded(String cell) {
        return cell.length() > 1 && cell.charAt(0) == '\'' && FORMULA_STARTS.indexOf(cell.charAt(1)) >= 0
                ? cell.substring(1)
                : cell;
    }

    @Override
    public void flush() {
        try {
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            printer.close(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

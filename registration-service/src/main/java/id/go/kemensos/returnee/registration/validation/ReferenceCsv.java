package id.go.kemensos.returnee.registration.validation;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the small reference CSV files shipped in {@code /reference} with Commons CSV: {@code #} lines are notices, the
 * first other line is the header (it must be the one expected), fields may be double-quoted (as Python's csv module
 * writes them). Rows come back as string arrays of the header's width; a row of another width stops the service with
 * its line.
 */
final class ReferenceCsv {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT
            .builder()
            .setCommentMarker('#')
            .setIgnoreEmptyLines(true)
            .setHeader()
            .setSkipHeaderRecord(true)
            .get();

    private ReferenceCsv() {}

    static List<String[]> read(String resource, String expectedHeader) {
        InputStream in = ReferenceCsv.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("Reference file " + resource + " is not on the classpath");
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
                CSVParser parser = FORMAT.parse(reader)) {
            String header = String.join(",", parser.getHeaderNames());
            if (!header.equals(expectedHeader)) {
                throw new IllegalStateException(
                        resource + " has header '" + header + "', expected '" + expectedHeader + "'");
            }
            int width = parser.getHeaderNames().size();
            return parser.stream().map(row -> fields(row, width, resource)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    private static String[] fields(CSVRecord row, int width, String resource) {
        if (row.size() != width) {
            throw new IllegalStateException(resource + ": expected " + width + " fields on line "
                    + row.getParser().getCurrentLineNumber());
        }
        return row.values();
    }
}

package id.go.kemensos.returnee.contracts.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * A reference CSV as the platform writes them: {@code #} lines are notices, then a header that must be the expected
 * one, then the rows (values trimmed). Shipped on the classpath; an office's edited copy may replace it.
 */
public record ReferenceFile(String resource, List<CSVRecord> rows) {

    public static ReferenceFile read(String resource, String expectedHeader) {
        return read(resource, ReferenceFile.class.getResourceAsStream(resource), expectedHeader);
    }

    /**
     * The edited copy of a shipped file in this directory (same file name), when the directory is given and holds one;
     * else the shipped file.
     */
    public static ReferenceFile read(Path editedDirectory, String resource, String expectedHeader) {
        Path edited = editedDirectory == null
                ? null
                : editedDirectory.resolve(resource.substring(resource.lastIndexOf('/') + 1));
        if (edited == null || !Files.isRegularFile(edited)) {
            return read(resource, expectedHeader);
        }
        try {
            return read(edited.toString(), Files.newInputStream(edited), expectedHeader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + edited, e);
        }
    }

    private static ReferenceFile read(String resource, InputStream in, String expectedHeader) {
        if (in == null) {
            throw new IllegalStateException("Reference file " + resource + " is not on the classpath");
        }
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setCommentMarker('#')
                .setHeader()
                .setSkipHeaderRecord(true)
                .setTrim(true)
                .get();
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
                var parser = format.parse(reader)) {
            if (!String.join(",", parser.getHeaderNames()).equals(expectedHeader)) {
                throw new IllegalStateException(
                        resource + " has header " + parser.getHeaderNames() + ", expected " + expectedHeader);
            }
            return new ReferenceFile(resource, parser.getRecords());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }
}

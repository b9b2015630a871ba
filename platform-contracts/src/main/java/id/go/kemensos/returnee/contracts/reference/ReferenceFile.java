package id.go.kemensos.returnee.contracts.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * A reference CSV on the classpath as the platform writes them: {@code #} lines are notices, then a header that must be
 * the expected one, then the rows (values trimmed).
 */
record ReferenceFile(String resource, List<CSVRecord> rows) {

    static ReferenceFile read(String resource, String expectedHeader) {
        InputStream in = ReferenceFile.class.getResourceAsStream(resource);
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

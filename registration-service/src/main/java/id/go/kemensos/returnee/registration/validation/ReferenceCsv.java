package id.go.kemensos.returnee.registration.validation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the small reference CSV files shipped in {@code /reference}: {@code #} lines are notices, the first other line is the
 * header, fields may be double-quoted (as Python's csv module writes them). Rows come back as string arrays of the header's width.
 */
final class ReferenceCsv {

    private ReferenceCsv() {
    }

    static List<String[]> read(String resource, String expectedHeader) {
        InputStream in = ReferenceCsv.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("Reference file " + resource + " is not on the classpath");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String[]> rows = new ArrayList<>();
            String header = null;
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                if (header == null) {
                    header = line;
                    if (!header.equals(expectedHeader)) {
                        throw new IllegalStateException(resource + " has header '" + header + "', expected '" + expectedHeader + "'");
                    }
                    continue;
                }
                rows.add(split(line, expectedHeader.split(",").length, resource));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    private static String[] split(String line, int width, String resource) {
        List<String> fields = new ArrayList<>(width);
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        if (fields.size() != width) {
            throw new IllegalStateException(resource + ": expected " + width + " fields in '" + line + "'");
        }
        return fields.toArray(String[]::new);
    }
}

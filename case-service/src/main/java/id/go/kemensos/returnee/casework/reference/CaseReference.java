package id.go.kemensos.returnee.casework.reference;

import id.go.kemensos.returnee.contracts.reference.ReferenceFile;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVRecord;

/**
 * Where case-service's lists come from: the office's edited copy in {@code casework.reference-dir} when it holds one,
 * else the shipped {@code reference/<name>}.
 */
final class CaseReference {

    private CaseReference() {}

    static List<CSVRecord> rows(String referenceDir, String name, String expectedHeader) {
        Path edited = referenceDir == null || referenceDir.isBlank() ? null : Path.of(referenceDir);
        return ReferenceFile.read(edited, "/reference/" + name, expectedHeader).rows();
    }
}

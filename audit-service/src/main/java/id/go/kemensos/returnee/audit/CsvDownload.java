package id.go.kemensos.returnee.audit;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.nio.charset.StandardCharsets;

/** An auditor's CSV export: a file to save, UTF-8 with a byte-order mark so that Excel reads the names right. */
public final class CsvDownload {

    private CsvDownload() {
    }

    public static ResponseEntity<String> of(String fileName, String csv) {
        return ResponseEntity.ok().header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8)).body("\uFEFF" + csv);
    }
}

package id.go.kemensos.returnee.console;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An upload as registration-service reports it ({@code GET /api/uploads/{id}}). */
public record UploadProgress(
        UUID uploadId,
        String provinceCode,
        String fileName,
        String status,
        long rowsRead,
        Long rowsTotal,
        long accepted,
        long rejected,
        long held,
        long registered,
        List<String> unknownColumns,
        String failure,
        Instant receivedAt,
        Instant completedAt) {

    public boolean finished() {
        return "COMPLETED".equals(status) || "FAILED".equals(status);
    }

    /** Percent of the rows read, when the file said how many it has (XLSX), or 100 once completed; else null. */
    public Integer percent() {
        if ("COMPLETED".equals(status)) {
            return 100;
        }
        if (rowsTotal == null || rowsTotal == 0) {
            return null;
        }
        return (int) Math.min(100, rowsRead * 100 / rowsTotal);
    }
}

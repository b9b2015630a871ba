package id.go.kemensos.returnee.registration.upload;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a clerk sees of an upload while it runs and after. Once COMPLETED, accepted + rejected + held = rowsRead.
 *
 * @param rowsTotal the number of data rows when the file says it (XLSX), else null
 * @param registered accepted rows that were new people; the other accepted rows were already registered with the same
 * data
 */
public record UploadStatus(
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

    public static final String RECEIVED = "RECEIVED";
    public static final String PROCESSING = "PROCESSING";
    public static final String COMPLETED = "COMPLETED";
    public static final String FAILED = "FAILED";
}

package id.go.kemensos.returnee.registration.upload;

import id.go.kemensos.returnee.registration.sheet.SheetLimitExceeded;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * Refusals about uploads, as problem details: a file over an upload limit (413 for its size, 400 for what it holds;
 * both name the limit and its setting), and an error report whose rows were purged after the retention period (410).
 */
@RestControllerAdvice
class UploadRefusals {

    private final UploadLimits limits;

    UploadRefusals(UploadLimits limits) {
        this.limits = limits;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail tooLarge(MaxUploadSizeExceededException e) {
        String size = limits.maxFileSize().toMegabytes() + " MB";
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.CONTENT_TOO_LARGE,
                "Berkas lebih besar dari " + size + "; bagi menjadi beberapa berkas / the file is larger than " + size
                        + "; split it into several files");
        problem.setProperty("limit", "file_size");
        problem.setProperty("value", limits.maxFileSize().toBytes());
        problem.setProperty("setting", "registration.upload.limits.max-file-size");
        return problem;
    }

    @ExceptionHandler(SheetLimitExceeded.class)
    ProblemDetail overLimit(SheetLimitExceeded e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setProperty("limit", e.limit().code());
        problem.setProperty("value", e.value());
        problem.setProperty("setting", e.limit().property());
        return problem;
    }

    /** The rows as uploaded are gone: the error report cannot be made any more. */
    static final class RowsPurged extends RuntimeException {

        private final Instant purgedAt;

        RowsPurged(Instant purgedAt) {
            super("rows purged at " + purgedAt, null, false, false);
            this.purgedAt = purgedAt;
        }
    }

    @ExceptionHandler(RowsPurged.class)
    ProblemDetail purged(RowsPurged e) {
        String day = e.purgedAt.atZone(ZoneOffset.UTC).toLocalDate().toString();
        ProblemDetail gone = ProblemDetail.forStatusAndDetail(
                HttpStatus.GONE,
                "Baris asli unggahan ini dihapus pada " + day
                        + " setelah masa simpan; status dan jumlahnya tetap ada / the rows as uploaded were purged on "
                        + day
                        + " after the retention period; the upload's status and counts remain");
        gone.setProperty("purgedAt", e.purgedAt.toString());
        return gone;
    }
}

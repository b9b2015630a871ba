package id.go.kemensos.returnee.registration.upload;

import id.go.kemensos.returnee.registration.sheet.SheetLimitExceeded;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/** A file over an upload limit: 413 for its size, 400 for what it holds; both name the limit and its setting. */
@RestControllerAdvice
class UploadLimitRefusal {

    private final UploadLimits limits;

    UploadLimitRefusal(UploadLimits limits) {
        this.limits = limits;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail tooLarge(MaxUploadSizeExceededException e) {
        String size = limits.maxFileSize().toMegabytes() + " MB";
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, "Berkas lebih besar dari " + size
                + "; bagi menjadi beberapa berkas / the file is larger than " + size + "; split it into several files");
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
}

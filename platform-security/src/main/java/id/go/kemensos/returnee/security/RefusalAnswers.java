package id.go.kemensos.returnee.security;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every controller of every service answers a refusal the same way: 404, 409, 403 or 400 with the reason as a problem
 * detail.
 */
@RestControllerAdvice
final class RefusalAnswers {

    @ExceptionHandler(Refusal.class)
    ProblemDetail refused(Refusal refusal) {
        HttpStatus status = switch (refusal.kind()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case INVALID -> HttpStatus.BAD_REQUEST;
        };
        return ProblemDetail.forStatusAndDetail(status, refusal.getMessage());
    }
}

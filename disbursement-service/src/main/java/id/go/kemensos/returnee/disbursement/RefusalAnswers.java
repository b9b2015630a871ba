package id.go.kemensos.returnee.disbursement;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Every controller of this service answers a refusal the same way: 404 or 409 with the reason as a problem detail. */
@RestControllerAdvice
class RefusalAnswers {

    @ExceptionHandler(Refusal.class)
    ProblemDetail refused(Refusal refusal) {
        return ProblemDetail.forStatusAndDetail(refusal.isNotFound() ? HttpStatus.NOT_FOUND : HttpStatus.CONFLICT, refusal.getMessage());
    }
}

package id.go.kemensos.returnee.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses a request that names the acting officer itself in a parameter (form field or query; JSON bodies are
 * {@link IdentityInJsonBody}'s): who acted is the token's subject, and a client still sending {@code approvedBy} should
 * learn that it is no longer read rather than believe it was recorded. Also answers an officer's request about another
 * province.
 */
@RestControllerAdvice
final class IdentityInRequestRefusal implements HandlerInterceptor {

    static final Set<String> IDENTITY_FIELDS = Set.of(
            "preparedBy",
            "approvedBy",
            "rejectedBy",
            "decidedBy",
            "officer",
            "reviewedBy",
            "setBy",
            "requestedBy",
            "importedBy",
            "recordedBy",
            "overriddenBy");

    static final class IdentityFieldInRequest extends RuntimeException {
        IdentityFieldInRequest(String field) {
            super(reason(field));
        }

        static String reason(String field) {
            return field
                    + " is taken from your login (the access token), not from the request; remove it and send the "
                    + "request again. / "
                    + field + " diambil dari login Anda, bukan dari permintaan; hapus dan kirim ulang.";
        }
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        for (String name : request.getParameterMap().keySet()) {
            if (IDENTITY_FIELDS.contains(name)) {
                throw new IdentityFieldInRequest(name);
            }
        }
        return true;
    }

    @ExceptionHandler(Officer.OutsideProvince.class)
    ProblemDetail outsideProvince(Officer.OutsideProvince e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(IdentityFieldInRequest.class)
    ProblemDetail refused(IdentityFieldInRequest e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setProperty("identityFields", List.copyOf(IDENTITY_FIELDS));
        return problem;
    }
}

package id.go.kemensos.returnee.security;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;

/**
 * A request whose body or parameters cannot be taken as sent answers 400 with a problem detail that names the field, in
 * both languages, and never the parser's internals: a clerk's script, or the console, can say what to correct.
 */
@RestControllerAdvice
final class RequestBodyAnswers {

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof StreamReadException) {
            return problem("Isi permintaan bukan JSON yang sah / The request body is not valid JSON", Map.of());
        }
        if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
            String field = field(jackson);
            return problem(
                    "Isian '" + field + "' tidak sesuai jenis atau bentuknya / Field '" + field
                            + "' has the wrong type or format",
                    Map.of(field, "wrong type or format"));
        }
        return problem(
                "Isi permintaan kosong atau tidak dapat dibaca sebagai JSON / The request body is missing or cannot be"
                        + " read as JSON",
                Map.of());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalid(MethodArgumentNotValidException e) {
        Map<String, String> fields = new LinkedHashMap<>();
        e.getBindingResult()
                .getFieldErrors()
                .forEach(error -> fields.putIfAbsent(error.getField(), String.valueOf(error.getDefaultMessage())));
        e.getBindingResult()
                .getGlobalErrors()
                .forEach(error -> fields.putIfAbsent(error.getObjectName(), String.valueOf(error.getDefaultMessage())));
        String listed = fields.entrySet().stream()
                .map(f -> f.getKey() + ": " + f.getValue())
                .collect(Collectors.joining("; "));
        return problem("Isian tidak sah / Invalid fields: " + listed, fields);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail mismatched(MethodArgumentTypeMismatchException e) {
        return problem(
                "Parameter '" + e.getName() + "' tidak sesuai jenisnya / Parameter '" + e.getName()
                        + "' has the wrong type or format",
                Map.of(e.getName(), "wrong type or format"));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missing(MissingServletRequestParameterException e) {
        return problem(
                "Parameter '" + e.getParameterName() + "' wajib diisi / Parameter '" + e.getParameterName()
                        + "' is required",
                Map.of(e.getParameterName(), "required"));
    }

    /** "items[2].amount" from the path Jackson records. */
    private static String field(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static ProblemDetail problem(String detail, Map<String, String> fields) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        if (!fields.isEmpty()) {
            problem.setProperty("fields", fields);
        }
        return problem;
    }
}

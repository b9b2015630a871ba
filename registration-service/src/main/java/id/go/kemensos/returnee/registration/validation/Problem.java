package id.go.kemensos.returnee.registration.validation;

import java.util.List;
import java.util.Objects;

/**
 * One thing wrong with one cell of a row, explained to the clerk in Bahasa Indonesia and in English. Messages never
 * repeat a whole NIK, phone or account number, because problems end up in logs.
 */
public record Problem(String column, ProblemCode code, String messageId, String messageEn, Severity severity) {

    public Problem {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(messageEn, "messageEn");
        Objects.requireNonNull(severity, "severity");
    }

    /** A problem with the severity its code always has. */
    public static Problem of(String column, ProblemCode code, String messageId, String messageEn) {
        return new Problem(column, code, messageId, messageEn, code.severity());
    }

    public static Problem requiredMissing(String column) {
        return of(
                column,
                ProblemCode.REQUIRED_MISSING,
                "Kolom " + column + " wajib diisi, tetapi kosong",
                "Column " + column + " is required but empty");
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    public static boolean anyError(List<Problem> problems) {
        return problems.stream().anyMatch(Problem::isError);
    }
}

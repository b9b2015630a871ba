package id.go.kemensos.returnee.registration.validation;

import id.go.kemensos.returnee.contracts.registration.Sex;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of checking one NIK: the normalised digits (what was left after stripping, possibly not 16 digits), the
 * decoded parts when no ERROR was found (warnings such as an unknown regency still decode), and every problem.
 */
public record NikCheck(String nik, Optional<Parts> parts, List<Problem> problems) {

    /**
     * What a NIK {@code PP KK CC DDMMYY SSSS} says: region of first registration, birth date (+40 for women), serial.
     */
    public record Parts(
            String provinceCode,
            String regencyCode,
            String districtCode,
            LocalDate birthDate,
            Sex sex,
            String serial) {}

    public NikCheck {
        problems = List.copyOf(problems);
    }

    public boolean hasErrors() {
        return Problem.anyError(problems);
    }

    /** Masked, because NIKs must never reach logs whole: only the district part is shown. */
    @Override
    public String toString() {
        String shown = nik.length() > 6 ? nik.substring(0, 6) + "*".repeat(nik.length() - 6) : "*".repeat(nik.length());
        return "NikCheck[nik=" + shown + ", valid=" + parts.isPresent() + ", problems="
                + problems.stream().map(Problem::code).toList() + "]";
    }
}

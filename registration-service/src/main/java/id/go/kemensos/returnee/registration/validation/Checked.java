package id.go.kemensos.returnee.registration.validation;

import java.util.List;
import java.util.Optional;

/** A normalised value (absent when an ERROR made it unusable) with every problem found on the way. */
public record Checked<T>(Optional<T> value, List<Problem> problems) {

    public Checked {
        problems = List.copyOf(problems);
    }

    public static <T> Checked<T> of(T valueOrNull, List<Problem> problems) {
        return new Checked<>(
                Problem.anyError(problems) ? Optional.empty() : Optional.ofNullable(valueOrNull), problems);
    }

    public static <T> Checked<T> rejected(Problem problem) {
        return new Checked<>(Optional.empty(), List.of(problem));
    }

    public boolean hasErrors() {
        return Problem.anyError(problems);
    }
}

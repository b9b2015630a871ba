package id.go.kemensos.returnee.registration.upload;

import id.go.kemensos.returnee.registration.returnee.RegisterReturneeRequest;
import id.go.kemensos.returnee.registration.validation.Problem;
import java.util.List;
import java.util.Optional;

/**
 * What became of one uploaded row. Every row ends in exactly one outcome, so accepted + rejected + held = rows in the
 * file.
 *
 * @param returnee the normalised registration, present unless the row is rejected
 * @param problems every problem found, warnings included; a rejected row lists all its errors, not only the first
 */
public record RowVerdict(
        long rowNumber, Outcome outcome, List<Problem> problems, Optional<RegisterReturneeRequest> returnee) {

    public enum Outcome {
        ACCEPTED,
        REJECTED,
        HELD_FOR_REVIEW
    }
}

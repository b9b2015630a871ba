package id.go.kemensos.returnee.registration.upload;

import id.go.kemensos.returnee.contracts.MaskedValues;
import id.go.kemensos.returnee.registration.validation.Problem;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A held row as the review queue shows it: NIK masked, the problems that held it, and its review once decided. */
record HeldRowView(
        UUID uploadId,
        long rowNumber,
        String provinceCode,
        String outcome,
        String nikMasked,
        String fullName,
        List<Problem> problems,
        String reviewDecision,
        String reviewedBy,
        String reviewReason,
        Instant reviewedAt) {

    static HeldRowView of(UploadRepository.HeldRow row) {
        return new HeldRowView(
                row.uploadId(),
                row.rowNumber(),
                row.provinceCode(),
                row.outcome().name(),
                row.registration() == null
                        ? null
                        : MaskedValues.nik(row.registration().nik()),
                row.registration() == null ? null : row.registration().fullName(),
                row.problems(),
                row.reviewDecision(),
                row.reviewedBy(),
                row.reviewReason(),
                row.reviewedAt());
    }

    record Page(List<HeldRowView> items, int page, int size, long total) {}
}

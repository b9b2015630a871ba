package id.go.kemensos.returnee.registration.upload;

import id.go.kemensos.returnee.contracts.registration.UploadRowReviewed;
import id.go.kemensos.returnee.messaging.Outbox;
import id.go.kemensos.returnee.registration.returnee.RegisterReturneeRequest;
import id.go.kemensos.returnee.registration.returnee.ReturneeRegistry;
import id.go.kemensos.returnee.registration.validation.Problem;
import id.go.kemensos.returnee.registration.validation.ProblemCode;
import id.go.kemensos.returnee.security.Refusal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An officer's decision on a row an upload held for review. REGISTER registers exactly the registration that validation
 * produced from the row; REJECT sends the row to the error report with the officer's reason. Either way the row's
 * original problems stay, the review is recorded beside them, the upload's counts move from held and an
 * UploadRowReviewed event is raised, all in one transaction.
 */
@Service
public class HeldRowReview {

    public enum Decision {
        REGISTER,
        REJECT
    }

    private static final Logger log = LoggerFactory.getLogger(HeldRowReview.class);

    private final UploadRepository uploads;
    private final ReturneeRegistry registry;
    private final Outbox outbox;
    private final Clock clock;

    HeldRowReview(UploadRepository uploads, ReturneeRegistry registry, Outbox outbox, Clock clock) {
        this.uploads = uploads;
        this.registry = registry;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public UploadRepository.HeldRow decide(
            UUID uploadId, long rowNumber, Decision decision, String officer, String reason) {
        UploadRepository.HeldRow row = uploads.lockRow(uploadId, rowNumber)
                .orElseThrow(() ->
                        Refusal.notFound("Baris tidak ditemukan / no such row: " + uploadId + " row " + rowNumber));
        if (row.outcome() != RowVerdict.Outcome.HELD_FOR_REVIEW) {
            throw Refusal.conflict("Baris ini tidak menunggu tinjauan (" + row.outcome()
                    + (row.reviewDecision() == null
                            ? ""
                            : ", ditinjau " + row.reviewedBy() + ": " + row.reviewDecision())
                    + ") / This row is not held for review");
        }
        Instant now = clock.instant();
        List<Problem> problems = new ArrayList<>(row.problems());
        UUID beneficiaryId = null;
        RowVerdict.Outcome outcome;
        boolean registered = false;
        if (decision == Decision.REGISTER) {
            RegisterReturneeRequest registration = row.registration();
            if (registration == null) {
                throw Refusal.conflict("Baris ini tidak menyimpan data pendaftaran; tolak dan unggah ulang / "
                        + "This row kept no registration; reject it and upload it again");
            }
            ReturneeRegistry.Registration result = registry.register(registration, uploadId);
            switch (registry.settle(result, registration, uploadId)) {
                case OTHER_PROVINCE ->
                    throw Refusal.conflict("NIK ini sudah terdaftar di provinsi lain; tolak baris ini / This NIK is "
                            + "registered in another province, whose people this province does not amend: "
                            + "reject the row");
                case OTHER_IDENTITY ->
                    throw Refusal.conflict("NIK ini sudah terdaftar dengan nama, jenis kelamin atau tanggal lahir "
                            + "lain; data identitas tidak ditimpa. Tolak baris ini, atau perbaiki data "
                            + "identitas terdaftar lebih dulu / This "
                            + "NIK is registered with another name, sex or birth date, which a review does "
                            + "not overwrite: reject the row");
                case CREATED, UNCHANGED, AMENDED -> {}
            }
            beneficiaryId = result.returnee().beneficiaryId();
            registered = result.created();
            outcome = RowVerdict.Outcome.ACCEPTED;
        } else {
            problems.add(Problem.of(
                    "review",
                    ProblemCode.REJECTED_IN_REVIEW,
                    "Ditolak petugas " + officer + ": " + reason,
                    "Rejected by officer " + officer + ": " + reason));
            outcome = RowVerdict.Outcome.REJECTED;
        }
        uploads.recordReview(
                uploadId, rowNumber, outcome, beneficiaryId, problems, decision.name(), officer, reason, now);
        uploads.reviewed(uploadId, outcome, registered);
        outbox.append(new UploadRowReviewed(uploadId, rowNumber, decision.name(), reason, officer, beneficiaryId, now));
        log.info("Upload {} row {}: {} by {}", uploadId, rowNumber, decision, officer);
        return uploads.lockRow(uploadId, rowNumber).orElseThrow();
    }
}

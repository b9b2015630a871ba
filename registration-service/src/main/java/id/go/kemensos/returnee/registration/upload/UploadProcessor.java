package id.go.kemensos.returnee.registration.upload;

import id.go.kemensos.returnee.contracts.registration.UploadCompleted;
import id.go.kemensos.returnee.messaging.Outbox;
import id.go.kemensos.returnee.privacy.BlindIndex;
import id.go.kemensos.returnee.registration.returnee.RegisterReturneeRequest;
import id.go.kemensos.returnee.registration.returnee.Returnee;
import id.go.kemensos.returnee.registration.returnee.ReturneeRegistry;
import id.go.kemensos.returnee.registration.sheet.SheetColumn;
import id.go.kemensos.returnee.registration.sheet.SheetLimits;
import id.go.kemensos.returnee.registration.sheet.SheetReader;
import id.go.kemensos.returnee.registration.sheet.SheetRow;
import id.go.kemensos.returnee.registration.validation.Problem;
import id.go.kemensos.returnee.registration.validation.ProblemCode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Streams an uploaded list through validation and registration, a batch of rows per transaction: each batch's row
 * outcomes, registrations, outbox events and counts commit together, so a restarted service resumes after the last
 * committed row and no row is lost or counted twice.
 */
@Component
class UploadProcessor {

    private static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(UploadProcessor.class);

    private final SheetLimits limits;
    private final UploadRepository uploads;
    private final ReturneeRowValidator validator;
    private final ReturneeRegistry registry;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Outbox outbox;
    private final BlindIndex nikIndex;
    /**
     * Time reading and validating rows vs committing them: tells the engineer on call whether the file or the database
     * is slow.
     */
    private final Timer readAndValidate;

    private final Timer commit;
    private final Counter rowsProcessed;

    UploadProcessor(
            UploadRepository uploads,
            ReturneeRowValidator validator,
            ReturneeRegistry registry,
            TransactionTemplate tx,
            Clock clock,
            Outbox outbox,
            MeterRegistry meters,
            UploadLimits limits,
            BlindIndex nikIndex) {
        this.nikIndex = nikIndex;
        this.limits = limits.sheet();
        this.outbox = outbox;
        this.readAndValidate = Timer.builder("registration.upload.stage")
                .tag("stage", "read-validate")
                .description("Time spent parsing and validating upload rows")
                .register(meters);
        this.commit = Timer.builder("registration.upload.stage")
                .tag("stage", "commit")
                .description("Time spent committing batches of upload rows")
                .register(meters);
        this.rowsProcessed = Counter.builder("registration.upload.rows")
                .description("Upload rows read, validated and committed")
                .register(meters);
        this.uploads = uploads;
        this.validator = validator;
        this.registry = registry;
        this.tx = tx;
        this.clock = clock;
    }

    private volatile boolean stopping;

    private record Pending(SheetRow row, RowVerdict verdict) {}

    /** Thrown between batches when the service stops: the upload stays PROCESSING and resumes at the next start. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }

    /** The file is refused as a whole before its first rows are committed. */
    private static final class RefusedFile extends RuntimeException {
        RefusedFile(String reason) {
            super(reason, null, false, false);
        }
    }

    /** Called when the service shuts down: the batch in progress finishes, nothing after it starts. */
    void stop() {
        stopping = true;
    }

    /**
     * @return true when the upload finished (completed or failed); false when a shutdown paused it for a later resume
     */
    boolean process(UUID uploadId, Path file, String province) {
        long resumeAfter = uploads.lastRecordedRow(uploadId);
        try (SheetReader reader = SheetReader.open(file, limits)) {
            uploads.started(
                    uploadId,
                    reader.format().name(),
                    reader.headerNames(),
                    reader.unknownColumns(),
                    reader.totalRowsHint());
            if (!reader.missingRequiredColumns().isEmpty()) {
                String missing = reader.missingRequiredColumns().stream()
                        .map(SheetColumn::sheetName)
                        .collect(Collectors.joining(", "));
                uploads.finished(
                        uploadId,
                        UploadStatus.FAILED,
                        "Kolom wajib tidak ada: " + missing + " / Required columns missing: " + missing,
                        clock.instant());
                return true;
            }
            List<Pending> pending = new ArrayList<>(BATCH);
            // Looked at once, in the rows of the first batch, before anything is committed (a resumed upload passed).
            boolean[] lookedAtNiks = {resumeAfter > 0};
            long started = System.nanoTime();
            long committedBefore = (long) commit.totalTime(TimeUnit.NANOSECONDS);
            reader.read(row -> {
                if (row.rowNumber() <= resumeAfter) {
                    return; // committed before a restart
                }
                pending.add(new Pending(row, validator.validate(row, province)));
                if (pending.size() == BATCH) {
                    refuseIfDamaged(pending, lookedAtNiks);
                    flush(uploadId, pending, reader.rowsRead());
                    pending.clear();
                    if (stopping) {
                        throw new Stopped();
                    }
                }
            });
            refuseIfDamaged(pending, lookedAtNiks);
            flush(uploadId, pending, reader.rowsRead());
            long committing = (long) commit.totalTime(TimeUnit.NANOSECONDS) - committedBefore;
            readAndValidate.record(Duration.ofNanos(System.nanoTime() - started - committing));
            complete(uploadId);
            log.info("Upload {} completed: {} rows", uploadId, reader.rowsRead());
            return true;
        } catch (RefusedFile e) {
            log.warn("Upload {} refused: its NIK column looks damaged by Excel", uploadId);
            uploads.finished(uploadId, UploadStatus.FAILED, e.getMessage(), clock.instant());
            return true;
        } catch (Stopped e) {
            log.warn(
                    "Upload {} paused by shutdown after row {}; it resumes at the next start",
                    uploadId,
                    uploads.lastRecordedRow(uploadId));
            return false;
        } catch (RuntimeException | java.io.IOException e) {
            if (stopping) {
                log.warn(
                        "Upload {} interrupted by shutdown ({}); it resumes at the next start",
                        uploadId,
                        e.getMessage());
                return false;
            }
            log.error("Upload {} failed: {}", uploadId, e.getMessage(), e);
            uploads.finished(
                    uploadId,
                    UploadStatus.FAILED,
                    "Berkas tidak dapat dibaca / The file cannot be read: " + e.getMessage(),
                    clock.instant());
            return true;
        }
    }

    private static void refuseIfDamaged(List<Pending> firstRows, boolean[] lookedAt) {
        if (!lookedAt[0]) {
            lookedAt[0] = true;
            NikColumnDamage.in(firstRows.stream().map(Pending::row).toList()).ifPresent(reason -> {
                throw new RefusedFile(reason);
            });
        }
    }

    /** The completed status and its UploadCompleted event commit together: the event is raised exactly once. */
    private void complete(UUID uploadId) {
        tx.executeWithoutResult(status -> {
            uploads.finished(uploadId, UploadStatus.COMPLETED, null, clock.instant());
            UploadStatus done = uploads.find(uploadId).orElseThrow();
            outbox.append(new UploadCompleted(
                    uploadId,
                    done.provinceCode(),
                    done.fileName(),
                    done.accepted() + done.rejected() + done.held(),
                    done.accepted(),
                    done.rejected(),
                    done.held(),
                    done.registered(),
                    done.completedAt()));
        });
    }

    private void flush(UUID uploadId, List<Pending> batch, long rowsRead) {
        commit.record(() -> commitBatch(uploadId, batch, rowsRead));
        rowsProcessed.increment(batch.size());
    }

    private void commitBatch(UUID uploadId, List<Pending> batch, long rowsRead) {
        tx.executeWithoutResult(status -> {
            Counts counts = new Counts();
            List<Object[]> rows = new ArrayList<>();
            List<Pending> toRegister = new ArrayList<>();
            // Each row's NIK index, computed once (null for a row without a readable registration).
            List<String> niks = batch.stream()
                    .map(p -> p.verdict()
                            .returnee()
                            .map(r -> nikIndex.of(r.nik()))
                            .orElse(null))
                    .toList();
            // Rows of earlier batches that carry one of this batch's NIKs: one query per batch, not one per row.
            Map<String, Long> firstRowOfNik = new HashMap<>(uploads.rowsOfNiks(
                    uploadId, niks.stream().filter(Objects::nonNull).toList()));
            for (int i = 0; i < batch.size(); i++) {
                Pending p = batch.get(i);
                RowVerdict v = p.verdict();
                if (v.outcome() == RowVerdict.Outcome.REJECTED) {
                    rows.add(uploads.row(
                            uploadId,
                            p.row().rowNumber(),
                            v.outcome(),
                            null,
                            null,
                            p.row().rawValues(),
                            v.problems()));
                    counts.rejected++;
                    continue;
                }
                String nik = niks.get(i);
                Long earlier = firstRowOfNik.get(nik);
                if (earlier != null) {
                    rows.add(uploads.row(
                            uploadId,
                            p.row().rowNumber(),
                            RowVerdict.Outcome.REJECTED,
                            null,
                            null,
                            p.row().rawValues(),
                            with(v.problems(), duplicateOf(earlier))));
                    counts.rejected++;
                    continue;
                }
                firstRowOfNik.put(nik, p.row().rowNumber());
                if (v.outcome() == RowVerdict.Outcome.HELD_FOR_REVIEW) {
                    rows.add(uploads.row(
                            uploadId,
                            p.row().rowNumber(),
                            v.outcome(),
                            nik,
                            null,
                            p.row().rawValues(),
                            v.problems(),
                            v.returnee().orElseThrow()));
                    counts.held++;
                } else {
                    toRegister.add(p);
                }
            }
            List<ReturneeRegistry.Registration> results = registry.registerAll(
                    toRegister.stream()
                            .map(p -> p.verdict().returnee().orElseThrow())
                            .toList(),
                    uploadId);
            for (int i = 0; i < toRegister.size(); i++) {
                rows.add(outcomeOf(uploadId, toRegister.get(i), results.get(i), counts));
            }
            uploads.insertRows(rows);
            uploads.progressed(uploadId, rowsRead, counts.accepted, counts.rejected, counts.held, counts.registered);
        });
    }

    /**
     * A row's outcome from what the registry's register-or-amend rule made of it ({@link ReturneeRegistry#settle}): a
     * NIK registered in another province is rejected without a word about that person; another identity is held for an
     * officer; anything else is accepted.
     */
    private Object[] outcomeOf(UUID uploadId, Pending p, ReturneeRegistry.Registration registration, Counts counts) {
        RowVerdict v = p.verdict();
        Returnee known = registration.returnee();
        RegisterReturneeRequest sheet = v.returnee().orElseThrow();
        List<Problem> problems = v.problems();
        RowVerdict.Outcome outcome = RowVerdict.Outcome.ACCEPTED;
        switch (registry.settle(registration, sheet, uploadId)) {
            case OTHER_PROVINCE -> {
                problems = with(
                        problems,
                        Problem.of(
                                "nik",
                                ProblemCode.KNOWN_NIK_OTHER_PROVINCE,
                                "NIK ini sudah terdaftar di provinsi lain; perpindahan domisili diurus Kementerian",
                                "This NIK is registered in another province; a change of province goes through the "
                                        + "ministry"));
                counts.rejected++;
                return uploads.row(
                        uploadId,
                        p.row().rowNumber(),
                        RowVerdict.Outcome.REJECTED,
                        known.nikIndex(),
                        null,
                        p.row().rawValues(),
                        problems,
                        null);
            }
            case OTHER_IDENTITY -> {
                problems = with(
                        problems,
                        Problem.of(
                                "nik",
                                ProblemCode.KNOWN_NIK_DIFFERENT_IDENTITY,
                                "NIK sudah terdaftar dengan nama, jenis kelamin atau tanggal lahir yang berbeda; "
                                        + "perlu ditinjau petugas",
                                "This NIK is registered with another name, sex or birth date; an officer must "
                                        + "review it"));
                outcome = RowVerdict.Outcome.HELD_FOR_REVIEW;
            }
            case CREATED, UNCHANGED, AMENDED -> {}
        }
        if (outcome == RowVerdict.Outcome.ACCEPTED) {
            counts.accepted++;
            counts.registered += registration.created() ? 1 : 0;
        } else {
            counts.held++;
        }
        return uploads.row(
                uploadId,
                p.row().rowNumber(),
                outcome,
                known.nikIndex(),
                known.beneficiaryId(),
                p.row().rawValues(),
                problems,
                outcome == RowVerdict.Outcome.HELD_FOR_REVIEW ? sheet : null);
    }

    private static Problem duplicateOf(long row) {
        return Problem.of(
                "nik",
                ProblemCode.DUPLICATE_IN_FILE,
                "NIK sama dengan baris " + row + " di berkas ini",
                "Same NIK as row " + row + " of this file");
    }

    private static List<Problem> with(List<Problem> problems, Problem extra) {
        List<Problem> all = new ArrayList<>(problems);
        all.add(extra);
        return all;
    }

    private static final class Counts {
        long accepted;
        long rejected;
        long held;
        long registered;
    }
}

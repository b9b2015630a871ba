package id.go.kemensos.returnee.registration.upload;

import id.go.kemensos.returnee.registration.sheet.SheetLimitExceeded;
import id.go.kemensos.returnee.registration.sheet.SheetLimits;
import id.go.kemensos.returnee.registration.sheet.SheetReadException;
import id.go.kemensos.returnee.registration.sheet.SheetReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Receives an uploaded list: keeps the file until it is processed (so a restart resumes it), recognises a file uploaded
 * before by its SHA-256, and hands new files to the processor, one upload at a time.
 */
@Service
public class UploadIntake implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(UploadIntake.class);

    private final UploadRepository uploads;
    private final UploadProcessor processor;
    private final Path directory;
    private final Clock clock;
    private final SheetLimits limits;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "upload-processor"));

    UploadIntake(
            UploadRepository uploads,
            UploadProcessor processor,
            @Value("${registration.upload-dir}") Path directory,
            Clock clock,
            UploadLimits limits) {
        this.limits = limits.sheet();
        this.uploads = uploads;
        this.processor = processor;
        this.directory = directory;
        this.clock = clock;
    }

    public record Received(UploadStatus upload, boolean isNew) {}

    /**
     * Stores the file, or finds the same file uploaded before. A new file is first read through once against the
     * limits, so that a file over one is refused at once, whole, and never half registered.
     *
     * @throws SheetLimitExceeded when the file is over one of the sheet limits (nothing is kept)
     */
    public Received receive(InputStream content, String fileName, String province) {
        try {
            Files.createDirectories(directory);
            Path incoming = Files.createTempFile(directory, "incoming-", ".part");
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(content, sha256)) {
                Files.copy(in, incoming, StandardCopyOption.REPLACE_EXISTING);
            }
            String hash = HexFormat.of().formatHex(sha256.digest());
            if (uploads.findByContent(hash).isPresent()) {
                Files.deleteIfExists(incoming);
                return new Received(uploads.findByContent(hash).orElseThrow(), false);
            }
            checkLimits(incoming);
            UUID uploadId = UUID.randomUUID();
            if (!uploads.insert(uploadId, province, fileName, hash, clock.instant())) {
                Files.deleteIfExists(incoming);
                return new Received(uploads.findByContent(hash).orElseThrow(), false);
            }
            Files.move(incoming, fileOf(uploadId), StandardCopyOption.ATOMIC_MOVE);
            submit(uploadId, province);
            return new Received(uploads.find(uploadId).orElseThrow(), true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store the uploaded file", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void checkLimits(Path incoming) throws IOException {
        try (SheetReader sheet = SheetReader.open(incoming, limits)) {
            sheet.read(row -> {});
        } catch (SheetLimitExceeded exceeded) {
            Files.deleteIfExists(incoming);
            throw exceeded;
        } catch (SheetReadException | UncheckedIOException unreadable) {
            // An unreadable file is accepted as an upload and fails with its reason in the upload's status, as it
            // always has.
        }
    }

    /** Uploads that a stopped service had not finished continue after their last committed row. */
    @EventListener(ApplicationReadyEvent.class)
    void resumeUnfinished() {
        for (UploadStatus upload : uploads.unfinished()) {
            if (Files.exists(fileOf(upload.uploadId()))) {
                log.info("Resuming upload {} after row {}", upload.uploadId(), upload.rowsRead());
                submit(upload.uploadId(), upload.provinceCode());
            } else {
                uploads.finished(
                        upload.uploadId(),
                        UploadStatus.FAILED,
                        "Berkas hilang sebelum selesai diproses; unggah ulang / "
                                + "The file was lost before processing finished; upload it again",
                        clock.instant());
            }
        }
    }

    private void submit(UUID uploadId, String province) {
        worker.submit(() -> {
            Path file = fileOf(uploadId);
            if (!processor.process(uploadId, file, province)) {
                return; // paused by a shutdown: the file stays for the resume
            }
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                log.warn("Could not delete processed upload {}: {}", file, e.getMessage());
            }
        });
    }

    private Path fileOf(UUID uploadId) {
        return directory.resolve(uploadId + ".upload");
    }

    /** Lets the batch in progress commit, then stops; unfinished uploads resume at the next start. */
    @Override
    public void close() throws InterruptedException {
        processor.stop();
        worker.shutdown();
        if (!worker.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS)) {
            worker.shutdownNow();
        }
    }
}

package id.go.kemensos.returnee.registration.upload;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps an upload's rows as uploaded only as long as they serve the clerk (Law 27/2022): until every row is decided
 * (accepted, rejected or reviewed) plus {@code registration.upload.raw-row-retention}, during which the error report
 * can be downloaded; then their values, NIKs and held registrations are purged. Outcomes, problems and counts stay.
 */
@Component
class RawRowRetention {

    private static final Logger log = LoggerFactory.getLogger(RawRowRetention.class);
    private static final int CHUNK = 5_000;

    private final UploadRepository uploads;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration retention;

    RawRowRetention(
            UploadRepository uploads,
            TransactionTemplate tx,
            Clock clock,
            @Value("${registration.upload.raw-row-retention}") Duration retention) {
        this.uploads = uploads;
        this.tx = tx;
        this.clock = clock;
        this.retention = retention;
    }

    @Scheduled(
            fixedDelayString = "${registration.upload.retention-check-interval}",
            initialDelayString = "${registration.upload.retention-check-interval}")
    void purgeExpired() {
        Instant now = clock.instant();
        for (UUID uploadId : uploads.decidedBefore(now.minus(retention))) {
            long purged = 0;
            int chunk;
            do {
                // Chunks in their own transactions: a list of 100,000 rows never holds one long lock.
                chunk = tx.execute(status -> uploads.purgeRawRows(uploadId, CHUNK));
                purged += chunk;
            } while (chunk == CHUNK);
            uploads.rawRowsPurged(uploadId, now);
            log.info(
                    "Upload {}: rows as uploaded purged ({} rows), {} after its last decision",
                    uploadId,
                    purged,
                    retention);
        }
    }
}

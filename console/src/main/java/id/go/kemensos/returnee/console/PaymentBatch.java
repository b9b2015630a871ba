package id.go.kemensos.returnee.console;

import java.time.Instant;
import java.util.UUID;

/** A payment batch as disbursement-service reports it ({@code /api/batches}). */
public record PaymentBatch(
        UUID batchId,
        String programId,
        String cycleId,
        String provinceCode,
        String bankCode,
        String state,
        int payments,
        long total,
        String preparedBy,
        Instant preparedAt,
        String decidedBy,
        Instant decidedAt,
        String reason) {

    public boolean prepared() {
        return "PREPARED".equals(state);
    }
}

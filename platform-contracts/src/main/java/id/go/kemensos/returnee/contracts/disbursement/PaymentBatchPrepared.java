package id.go.kemensos.returnee.contracts.disbursement;

import id.go.kemensos.returnee.contracts.EventType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A finance officer grouped scheduled payments of one program, province and bank for approval. Keyed by the batch id.
 */
public record PaymentBatchPrepared(
        UUID batchId,
        String programId,
        String cycleId,
        String provinceCode,
        String bankCode,
        List<UUID> paymentIds,
        long total,
        String preparedBy,
        Instant preparedAt)
        implements DisbursementEvent {

    public static final EventType EVENT_TYPE =
            EventType.of(DisbursementTopics.AGGREGATE, PaymentBatchPrepared.class, 1);

    @Override
    public String subjectId() {
        return batchId.toString();
    }
}

package id.go.kemensos.returnee.contracts.disbursement;

import id.go.kemensos.returnee.contracts.EventType;
import java.time.Instant;
import java.util.UUID;

/**
 * A second officer (never the one who prepared it) APPROVED or REJECTED a batch. On approval each payment also raises
 * its own PaymentApproved; on rejection the payments go back to the scheduled pool and their budget is released.
 */
public record PaymentBatchDecided(
        UUID batchId,
        String decision,
        String preparedBy,
        String decidedBy,
        String reason,
        int payments,
        long total,
        Instant decidedAt)
        implements DisbursementEvent {

    public static final EventType EVENT_TYPE = EventType.of(DisbursementTopics.AGGREGATE, PaymentBatchDecided.class, 1);

    @Override
    public String subjectId() {
        return batchId.toString();
    }
}

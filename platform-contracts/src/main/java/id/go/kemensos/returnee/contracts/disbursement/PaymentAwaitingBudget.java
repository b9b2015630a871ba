package id.go.kemensos.returnee.contracts.disbursement;

import id.go.kemensos.returnee.contracts.EventType;
import java.time.Instant;
import java.util.UUID;

/**
 * A scheduled payment cannot be approved: its program's budget for the province and year has no ceiling, or not enough
 * left. It stays SCHEDULED, with this reason, until a ceiling allows it; it is never dropped.
 */
public record PaymentAwaitingBudget(
        UUID paymentId,
        UUID beneficiaryId,
        long amount,
        String programId,
        String provinceCode,
        String fiscalYear,
        String reason,
        Instant at)
        implements PaymentEvent {

    public static final EventType EVENT_TYPE =
            EventType.of(DisbursementTopics.AGGREGATE, PaymentAwaitingBudget.class, 1);
}

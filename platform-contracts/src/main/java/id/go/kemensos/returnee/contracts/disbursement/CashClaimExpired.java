package id.go.kemensos.returnee.contracts.disbursement;

import id.go.kemensos.returnee.contracts.EventType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Nobody collected a payment's cash by its deadline: PT Pos returned it to the paying account, the payment is RETURNED
 * and its amount goes back to the budget. It may be reissued like a credit the bank returned.
 */
public record CashClaimExpired(
        UUID paymentId,
        UUID beneficiaryId,
        String programId,
        String cycleId,
        long amount,
        String provinceCode,
        String posReference,
        LocalDate claimDeadline,
        Instant expiredAt)
        implements PaymentEvent {

    public static final EventType EVENT_TYPE = EventType.of(DisbursementTopics.AGGREGATE, CashClaimExpired.class, 1);
}

package id.go.kemensos.returnee.contracts.disbursement;

import id.go.kemensos.returnee.contracts.EventType;
import java.time.Instant;
import java.util.UUID;

/**
 * The bank's account inquiry for a scheduled payment: VERIFIED (an open account held by the registered person) or
 * MISMATCH (closed, unknown, or another holder; a finance officer decides). A payment is approved only once VERIFIED.
 */
public record PaymentAccountChecked(
        UUID paymentId,
        UUID beneficiaryId,
        String result,
        String bankCode,
        String accountNumberMasked,
        double nameScore,
        String detail,
        Instant checkedAt)
        implements PaymentEvent {

    public static final EventType EVENT_TYPE =
            EventType.of(DisbursementTopics.AGGREGATE, PaymentAccountChecked.class, 1);
}

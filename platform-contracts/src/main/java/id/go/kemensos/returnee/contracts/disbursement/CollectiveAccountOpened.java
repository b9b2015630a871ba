package id.go.kemensos.returnee.contracts.disbursement;

import id.go.kemensos.returnee.contracts.EventType;
import java.time.Instant;
import java.util.UUID;

/**
 * A Himbara bank answered the platform's collective opening request ({@code openingReference}) for a payee without an
 * account: it opened {@code bankCode} {@code accountNumberMasked} in their name, which is then checked and paid like
 * any account, and which the person activates at the bank with their KTP. Only the last digits travel; the account
 * itself stays sealed in the ledger.
 */
public record CollectiveAccountOpened(
        UUID paymentId,
        UUID beneficiaryId,
        String programId,
        String bankCode,
        String accountNumberMasked,
        String openingReference,
        Instant openedAt)
        implements PaymentEvent {

    public static final EventType EVENT_TYPE =
            EventType.of(DisbursementTopics.AGGREGATE, CollectiveAccountOpened.class, 1);
}

package id.go.kemensos.returnee.contracts.disbursement;

import id.go.kemensos.returnee.contracts.EventType;
import java.time.Instant;
import java.util.UUID;

/**
 * The bank's account inquiry for a scheduled payment: VERIFIED (an open account held by the registered person) or
 * MISMATCH (closed, unknown, or another holder; a finance officer decides), or POS_CASH: the person has no account and
 * collects the payment at a post office, with nothing to check (bank and account null), or ACCOUNT_OPENING: the person
 * has no account and {@code bankCode} is asked to open one ({@link CollectiveAccountOpened}), which is checked next. A
 * payment is approved only once VERIFIED or POS_CASH.
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

    /** The account checked as a reader is told it: "002 ***7890", or none for a payment collected in cash. */
    public String accountText() {
        if (bankCode == null) {
            return "no bank account (cash at a post office)";
        }
        return accountNumberMasked == null ? "a new account at bank " + bankCode : bankCode + " " + accountNumberMasked;
    }
}

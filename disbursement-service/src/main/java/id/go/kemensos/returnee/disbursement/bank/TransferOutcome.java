package id.go.kemensos.returnee.disbursement.bank;

import java.time.LocalDate;

/**
 * What the bank's (or, for cash at a post office, PT Pos's) answers amount to for one payment. Settled is the credit
 * made, or the cash collected.
 */
public sealed interface TransferOutcome {

    /** The failure code of a payment that could not go because its payee was erased. */
    String PERSONAL_DATA_ERASED = "PERSONAL_DATA_ERASED";

    /** Credited to the beneficiary's account. */
    record Settled(String bankReference) implements TransferOutcome {}

    /** Refused for good; no money moved. */
    record Rejected(String code, String reason) implements TransferOutcome {}

    /** No final answer yet (timeouts, gateway down): ask for the status later, never blindly resend. */
    record Unknown(String reason) implements TransferOutcome {}

    /**
     * PT Pos holds the cash for its person until the end of {@code claimDeadline}; the claim code is for them alone
     * (sealed before it is stored or sent anywhere).
     */
    record CashIssued(String posReference, String claimCode, LocalDate claimDeadline) implements TransferOutcome {

        @Override
        public String toString() {
            return "CashIssued[posReference=" + posReference + ", claimDeadline=" + claimDeadline + "]";
        }
    }

    /** Nobody collected the cash by its deadline; PT Pos returned it to the paying account. */
    record CashExpired(String posReference) implements TransferOutcome {}
}

package id.go.kemensos.returnee.disbursement.ledger;

/** What the bank's answers amount to for one transfer. */
public sealed interface TransferOutcome {

    /** Credited to the beneficiary's account. */
    record Settled(String bankReference) implements TransferOutcome {
    }

    /** Refused for good; no money moved. */
    record Rejected(String code, String reason) implements TransferOutcome {
    }

    /** No final answer yet (timeouts, gateway down): ask for the status later, never blindly resend. */
    record Unknown(String reason) implements TransferOutcome {
    }
}

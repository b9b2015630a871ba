package id.go.kemensos.returnee.disbursement.bank;

/** What the bank's answers amount to for one transfer. */
public sealed interface TransferOutcome {

    /** The failure code of a payment that could not go because its payee was erased. */
    String PERSONAL_DATA_ERASED = "PERSONAL_DATA_ERASED";

    /** Credited to the beneficiary's account. */
    record Settled(String bankReference) implements TransferOutcome {}

    /** Refused for good; no money moved. */
    record Rejected(String code, String reason) implements TransferOutcome {}

    /** No final answer yet (timeouts, gateway down): ask for the status later, never blindly resend. */
    record Unknown(String reason) implements TransferOutcome {}
}

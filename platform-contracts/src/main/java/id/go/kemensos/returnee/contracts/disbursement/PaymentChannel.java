package id.go.kemensos.returnee.contracts.disbursement;

/**
 * How a payment reaches its person. A returnee without a bank account is not shut out: the money waits for them at a
 * post office (PT Pos), collected in cash with a claim code and their identity card before a deadline.
 */
public enum PaymentChannel {
    /** A credit transfer to the person's own account. */
    BANK_TRANSFER,
    /** Cash collected at any PT Pos office with the claim code sent to the person and their KTP. */
    POS_CASH;

    /** Events written before payments named their channel were all transfers. */
    public static PaymentChannel orTransfer(PaymentChannel channel) {
        return channel == null ? BANK_TRANSFER : channel;
    }
}

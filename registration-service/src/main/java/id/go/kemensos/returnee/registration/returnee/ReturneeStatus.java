package id.go.kemensos.returnee.registration.returnee;

/**
 * Where a returnee stands, as the list shows it: the latest payment state if a payment exists, else the eligibility
 * outcome, else REGISTERED. Projected from the eligibility and disbursement events.
 */
public enum ReturneeStatus {
    REGISTERED,
    ELIGIBLE,
    INELIGIBLE,
    NEEDS_REVIEW,
    PAYMENT_SCHEDULED,
    /** Scheduled, but the program's budget for the province and year has no room yet. */
    PAYMENT_AWAITING_BUDGET,
    PAYMENT_APPROVED,
    PAYMENT_SENT,
    PAYMENT_FAILED,
    PAID,
    /** Paid, but the credit came back (closed account, say); finance can reissue it to a corrected account. */
    PAYMENT_RETURNED,
    /** The person declined the grant before it went to the bank: nothing was paid, nor will be. */
    PAYMENT_CANCELLED,
    /** No bank account: the cash waits at the post office for the person, with a claim code sent to them. */
    CASH_AT_POST_OFFICE,
    /** Nobody collected the cash by its deadline; it went back, and finance may reissue it. */
    CASH_UNCLAIMED
}

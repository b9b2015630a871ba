package id.go.kemensos.returnee.disbursement.payment;

/**
 * A payment intent's life: SCHEDULED → APPROVED → SENT → SETTLED | FAILED | RETURNED; REISSUED links a replacement;
 * CANCELLED, before it was sent, when the person declined the grant.
 */
public enum PaymentState {
    SCHEDULED,
    APPROVED,
    SENT,
    SETTLED,
    FAILED,
    RETURNED,
    REISSUED,
    CANCELLED
}

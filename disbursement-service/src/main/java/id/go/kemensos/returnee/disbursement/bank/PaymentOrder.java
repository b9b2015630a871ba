package id.go.kemensos.returnee.disbursement.bank;

import java.util.UUID;

/** One claimed payment on its way out: a transfer to a bank account, or cash to be collected at a post office. */
public sealed interface PaymentOrder permits TransferOrder, CashOrder {

    /** The idempotency reference at the bank or at PT Pos. */
    UUID paymentId();
}

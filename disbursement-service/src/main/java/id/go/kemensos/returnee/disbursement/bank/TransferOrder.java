package id.go.kemensos.returnee.disbursement.bank;

import java.util.UUID;

/** One claimed payment on its way to the bank. {@code paymentId} is the bank's idempotency reference. */
public record TransferOrder(
        UUID paymentId,
        UUID beneficiaryId,
        String programId,
        String cycleId,
        long amount,
        String bankCode,
        String accountNumber,
        String accountHolderName,
        boolean alreadySent)
        implements PaymentOrder {}

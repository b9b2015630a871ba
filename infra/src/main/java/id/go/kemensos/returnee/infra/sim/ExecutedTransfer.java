package id.go.kemensos.returnee.infra.sim;

import java.time.Instant;

/** A credit the simulated bank actually booked; {@code amount} is whole rupiah (IDR has no sen in practice). */
public record ExecutedTransfer(
        String partnerReferenceNo,
        String bankReference,
        String bankCode,
        String accountNo,
        String accountName,
        long amount,
        Instant executedAt) {}

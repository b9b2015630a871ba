package id.go.kemensos.returnee.console;

import java.time.Instant;
import java.util.UUID;

/** A payment in disbursement-service's list ({@code GET /api/payments}): ids, money and state, the account masked. */
public record PaymentSummary(
        UUID paymentId,
        UUID beneficiaryId,
        String programId,
        String cycleId,
        long amount,
        String provinceCode,
        String regencyCode,
        String state,
        String bankCode,
        String accountNumberMasked,
        String failureCode,
        String failureReason,
        UUID reissueOf,
        Instant updatedAt) {}

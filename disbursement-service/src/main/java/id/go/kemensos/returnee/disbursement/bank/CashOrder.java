package id.go.kemensos.returnee.disbursement.bank;

import java.util.UUID;

/**
 * One claimed payment to be collected in cash at a post office. PT Pos's counter clerk pays it to whoever shows the
 * claim code and an identity card in the recipient's name whose NIK ends as {@code nikMasked} does.
 *
 * @param recipientName the payee's registered name (null once erased: nothing can be issued any more)
 * @param claimDays how long the cash waits, from the day PT Pos issues the claim (the program's)
 * @param invitationLetter the person has no phone: PT Pos delivers the claim code in a letter, as no SMS can carry it
 */
public record CashOrder(
        UUID paymentId,
        UUID beneficiaryId,
        String programId,
        long amount,
        String recipientName,
        String nikMasked,
        String regencyCode,
        int claimDays,
        boolean invitationLetter,
        boolean alreadySent)
        implements PaymentOrder {

    @Override
    public String toString() {
        return "CashOrder[paymentId=" + paymentId + ", amount=" + amount + ", alreadySent=" + alreadySent + "]";
    }
}

package id.go.kemensos.returnee.contracts.registration;

import java.time.LocalDate;

/**
 * A returnee's personal fields (Law 27/2022; the category may say that someone is a trafficking victim, Law 21/2007
 * Art. 44). Wherever they are kept, in a table or an event, they are sealed together with the person's own data key, so
 * that destroying that key erases them everywhere at once. A {@link ReturneeUpdated} seals only the phone and the
 * account, and the trafficking status when a protection officer records one.
 *
 * @param traffickingStatus null in details sealed before it was kept apart (then implied by the category, see
 *     {@link #traffickingStatusOrImplied()}), and in an update that does not change it
 * @param familyCardNumber the family card (Kartu Keluarga) the person is on, when the list gave it; null in an update
 *     and in details sealed before it was kept
 */
public record PersonalDetails(
        String nikMasked,
        String fullName,
        LocalDate birthDate,
        String phoneE164,
        BankAccount bankAccount,
        ReturneeCategory category,
        String referralSource,
        TraffickingStatus traffickingStatus,
        String familyCardNumber) {

    /** What a {@link ReturneeUpdated} carries: the current phone and payout account. */
    public static PersonalDetails contact(String phoneE164, BankAccount bankAccount) {
        return new PersonalDetails(null, null, null, phoneE164, bankAccount, null, null, null, null);
    }

    /** The same person with a new phone and account. */
    public PersonalDetails withContact(String phone, BankAccount account) {
        return new PersonalDetails(
                nikMasked,
                fullName,
                birthDate,
                phone,
                account,
                category,
                referralSource,
                traffickingStatus,
                familyCardNumber);
    }

    /** The same person on a family card given later. */
    public PersonalDetails withFamilyCard(String familyCard) {
        return new PersonalDetails(
                nikMasked,
                fullName,
                birthDate,
                phoneE164,
                bankAccount,
                category,
                referralSource,
                traffickingStatus,
                familyCard);
    }

    /** The same person with a new trafficking status. */
    public PersonalDetails withTraffickingStatus(TraffickingStatus status) {
        return new PersonalDetails(
                nikMasked,
                fullName,
                birthDate,
                phoneE164,
                bankAccount,
                category,
                referralSource,
                status,
                familyCardNumber);
    }

    /** The status recorded, or the one an older registration's category implied. */
    public TraffickingStatus traffickingStatusOrImplied() {
        return TraffickingStatus.givenOrImplied(traffickingStatus, category);
    }
}

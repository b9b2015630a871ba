package id.go.kemensos.returnee.registration.returnee;

import id.go.kemensos.returnee.contracts.registration.BankAccount;
import id.go.kemensos.returnee.contracts.registration.ReturneeCategory;
import id.go.kemensos.returnee.contracts.registration.ReturneeRegistered;
import id.go.kemensos.returnee.contracts.registration.Sex;
import id.go.kemensos.returnee.registration.progress.ReturneeStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A registered returnee as registration-service stores it. The NIK itself is not kept: its blind index (keyed HMAC) finds
 * the person again and keeps NIKs unique, its masked form is what anyone is shown.
 */
public record Returnee(
        UUID beneficiaryId, String nikIndex, String nikMasked, String fullName, Sex sex, LocalDate birthDate, String provinceCode, String regencyCode,
        ReturneeCategory category, String referralSource, String destinationCountry, LocalDate returnDate, String phoneE164,
        BankAccount bankAccount, boolean dtksListed, boolean attendedSocialGuidance, UUID uploadId, Instant registeredAt,
        ReturneeStatus status) {

    ReturneeRegistered registered() {
        return new ReturneeRegistered(beneficiaryId, nikMasked, fullName, sex, birthDate, provinceCode, regencyCode,
                category, referralSource, destinationCountry, returnDate, phoneE164, bankAccount, dtksListed,
                attendedSocialGuidance, uploadId, registeredAt);
    }
}

package id.go.kemensos.returnee.registration.returnee;

import id.go.kemensos.returnee.contracts.registration.BankAccount;
import id.go.kemensos.returnee.contracts.registration.PersonalDetails;
import id.go.kemensos.returnee.contracts.registration.ReturneeCategory;
import id.go.kemensos.returnee.contracts.registration.ReturneeRegistered;
import id.go.kemensos.returnee.contracts.registration.Sex;
import id.go.kemensos.returnee.contracts.registration.TraffickingStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A registered returnee as registration-service stores it. The NIK itself is not kept: its blind index (keyed HMAC)
 * finds the person again and keeps NIKs unique. The personal fields ({@link PersonalDetails}) are stored sealed with
 * the person's own key; {@code details} is null once the person was erased ({@code erasure} then says when and by
 * whom).
 */
public record Returnee(
        UUID beneficiaryId,
        String nikIndex,
        PersonalDetails details,
        Sex sex,
        String provinceCode,
        String regencyCode,
        String destinationCountry,
        LocalDate returnDate,
        boolean dtksListed,
        Integer dtsenDecile,
        boolean attendedSocialGuidance,
        UUID uploadId,
        Instant registeredAt,
        ReturneeStatus status,
        Erasure erasure) {

    /** When and by whom (the officer's subject) a person's data was erased. */
    public record Erasure(Instant erasedAt, String erasedBy) {}

    public boolean erased() {
        return details == null;
    }

    /** The registration event, its personal fields sealed by the caller. */
    ReturneeRegistered registered(String sealedDetails) {
        return ReturneeRegistered.sealed(
                beneficiaryId,
                sex,
                provinceCode,
                regencyCode,
                destinationCountry,
                returnDate,
                dtksListed,
                dtsenDecile,
                attendedSocialGuidance,
                uploadId,
                registeredAt,
                sealedDetails);
    }

    Returnee withDetails(PersonalDetails newDetails) {
        return new Returnee(
                beneficiaryId,
                nikIndex,
                newDetails,
                sex,
                provinceCode,
                regencyCode,
                destinationCountry,
                returnDate,
                dtksListed,
                dtsenDecile,
                attendedSocialGuidance,
                uploadId,
                registeredAt,
                status,
                erasure);
    }

    public String nikMasked() {
        return details == null ? null : details.nikMasked();
    }

    public String fullName() {
        return details == null ? null : details.fullName();
    }

    public LocalDate birthDate() {
        return details == null ? null : details.birthDate();
    }

    public String phoneE164() {
        return details == null ? null : details.phoneE164();
    }

    public BankAccount bankAccount() {
        return details == null ? null : details.bankAccount();
    }

    public ReturneeCategory category() {
        return details == null ? null : details.category();
    }

    public String referralSource() {
        return details == null ? null : details.referralSource();
    }

    public TraffickingStatus traffickingStatus() {
        return details == null ? null : details.traffickingStatusOrImplied();
    }
}

package id.go.kemensos.returnee.registration.returnee;

import com.fasterxml.jackson.annotation.JsonIgnore;
import id.go.kemensos.returnee.contracts.registration.ReturneeCategory;
import id.go.kemensos.returnee.contracts.registration.Sex;
import id.go.kemensos.returnee.contracts.registration.TraffickingStatus;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * One returnee as an officer registers them at a desk. The annotations check each field's form; the rules a row of an
 * uploaded list passes ({@link RegistrationRules}) run on the whole before it is registered.
 */
public record RegisterReturneeRequest(
        @NotBlank @Pattern(regexp = "\\d{16}", message = "NIK harus 16 digit / NIK must be 16 digits")
        String nik,

        @NotBlank @Size(max = 200) String fullName,
        @NotNull Sex sex,
        @NotNull @PastOrPresent LocalDate birthDate,
        @NotBlank @Pattern(regexp = "\\d{2}") String provinceCode,
        @NotBlank @Pattern(regexp = "\\d{4}") String regencyCode,
        @NotNull ReturneeCategory category,
        @Size(max = 50) String referralSource,
        // Optional: whether the person is indicated or identified as a trafficking victim; none given, a KPO category
        // means identified and any other none.
        TraffickingStatus traffickingStatus,
        @Pattern(regexp = "[A-Z]{2}") String destinationCountry,
        @NotNull @PastOrPresent LocalDate returnDate,
        // Optional: a returnee without a phone is registered and told in person.
        @Size(max = 30) String phone,
        // Optional together: a returnee without a bank account is registered and collects the grant in cash at a
        // post office.
        @Pattern(regexp = "\\d{3}") String bankCode,

        @Pattern(regexp = "\\d{5,34}", message = "Nomor rekening hanya angka / account number must be digits only")
        String accountNumber,

        @Size(max = 200) String accountHolderName,
        boolean dtksListed,
        /** The household's DTSEN decile, 1 (poorest) to 10; null when not listed or not looked up. */
        @Min(1) @Max(10) Integer dtsenDecile,
        boolean attendedSocialGuidance,
        // Optional but for a family member: the family card (Kartu Keluarga) the person is on.
        @Pattern(regexp = "\\d{16}", message = "Nomor KK harus 16 digit / family card number must be 16 digits")
        String familyCardNumber) {

    /** The account's three fields come together or not at all (none: paid in cash at a post office). */
    @JsonIgnore
    @AssertTrue(
            message = "Isi kode bank, nomor rekening dan nama pemilik bersama-sama, atau kosongkan ketiganya (tanpa"
                    + " rekening) / give bank code, account number and holder together, or none (no account)")
    public boolean isAccountComplete() {
        boolean any = notBlank(bankCode) || notBlank(accountNumber) || notBlank(accountHolderName);
        return !any || (notBlank(bankCode) && notBlank(accountNumber) && notBlank(accountHolderName));
    }

    /** A KPO category says the person is a victim: a status of none beside it is a contradiction to correct. */
    @JsonIgnore
    @AssertTrue(
            message = "Kategori KPO tetapi status TPPO NONE: perbaiki salah satunya / category KPO but trafficking "
                    + "status NONE: correct one of them")
    public boolean isTraffickingStatusConsistent() {
        return !(category == ReturneeCategory.KPO && traffickingStatus == TraffickingStatus.NONE);
    }

    /** A family member is linked to the worker of their household by the family card they share. */
    @JsonIgnore
    @AssertTrue(
            message = "Anggota keluarga PMI perlu nomor KK / a migrant worker's family member needs the family card "
                    + "number")
    public boolean isFamilyMemberOnAFamilyCard() {
        return category != ReturneeCategory.KELUARGA_PMI || notBlank(familyCardNumber);
    }

    /** The status given, or the one the category implies. */
    public TraffickingStatus traffickingStatusOrImplied() {
        return TraffickingStatus.givenOrImplied(traffickingStatus, category);
    }

    /** Whether an account was given (it is then complete). */
    public boolean hasAccount() {
        return notBlank(bankCode);
    }

    private static boolean notBlank(String text) {
        return text != null && !text.isBlank();
    }
}

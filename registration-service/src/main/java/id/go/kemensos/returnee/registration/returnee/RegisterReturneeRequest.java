package id.go.kemensos.returnee.registration.returnee;

import id.go.kemensos.returnee.contracts.registration.ReturneeCategory;
import id.go.kemensos.returnee.contracts.registration.Sex;
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
        @Pattern(regexp = "[A-Z]{2}") String destinationCountry,
        @NotNull @PastOrPresent LocalDate returnDate,
        // Optional: a returnee without a phone is registered and told in person.
        @Size(max = 30) String phone,
        @NotBlank @Pattern(regexp = "\\d{3}") String bankCode,

        @NotBlank
        @Pattern(regexp = "\\d{5,34}", message = "Nomor rekening hanya angka / account number must be digits only")
        String accountNumber,

        @NotBlank @Size(max = 200) String accountHolderName,
        boolean dtksListed,
        /** The household's DTSEN decile, 1 (poorest) to 10; null when not listed or not looked up. */
        @Min(1) @Max(10) Integer dtsenDecile,
        boolean attendedSocialGuidance) {}

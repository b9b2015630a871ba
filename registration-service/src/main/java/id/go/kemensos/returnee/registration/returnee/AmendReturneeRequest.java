package id.go.kemensos.returnee.registration.returnee;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

/**
 * A new phone, a new payout account, a new DTSEN decile (after the household was surveyed again), a family card, or
 * several. The
 * account's three fields come together or not at all.
 */
public record AmendReturneeRequest(
        String phone,
        @Pattern(regexp = "\\d{3}") String bankCode,

        @Pattern(regexp = "\\d{5,34}", message = "Nomor rekening hanya angka / account number must be digits only")
        String accountNumber,

        String accountHolderName,
        @Min(1) @Max(10) Integer dtsenDecile,
        // A family card given later: a worker's family members on it are decided again.
        @Pattern(regexp = "\\d{16}", message = "Nomor KK harus 16 digit / family card number must be 16 digits")
        String familyCardNumber) {

    // A rule over the fields, not a field: neither read from the body nor shown in the API description (the fuzz found
    // it documented as one, and a body giving it was taken without a word).
    @JsonIgnore
    @AssertTrue(
            message = "Isi kode bank, nomor rekening dan nama pemilik bersama-sama / give bank code, account number "
                    + "and holder together")
    public boolean isAccountComplete() {
        boolean any = bankCode != null || accountNumber != null || accountHolderName != null;
        boolean all =
                bankCode != null && accountNumber != null && accountHolderName != null && !accountHolderName.isBlank();
        return !any || all;
    }
}

package id.go.kemensos.returnee.registration.validation;

import java.util.List;
import java.util.Optional;

/**
 * The family card number (Nomor Kartu Keluarga, no_kk): 16 digits whose first six are the district where the card was
 * issued, as in a NIK. Only its form and region are checked; Dukcapil's register is what would say that the card exists.
 */
public final class FamilyCardValidator {

    private final RegionCodes regions;

    public FamilyCardValidator(RegionCodes regions) {
        this.regions = regions;
    }

    /** Empty and no problem when none was given; the number in digits when it is well formed. */
    public Checked<String> validate(String raw, boolean typedAsNumber) {
        String digits = raw == null ? "" : raw.strip().replaceAll("[\\s.'-]", "");
        if (digits.isEmpty()) {
            return new Checked<>(Optional.empty(), List.of());
        }
        if (typedAsNumber && digits.endsWith("0")) {
            // Excel keeps 15 significant digits: a 16-digit number typed as one has lost its last digit.
            return Checked.rejected(invalid(
                    "Nomor KK tersimpan sebagai angka dan digit terakhirnya mungkin hilang; format kolom sebagai Teks "
                            + "dan isi ulang",
                    "The family card number was stored as a number and may have lost its last digit; format the column"
                            + " as Text and fill it in again"));
        }
        if (!digits.matches("\\d{16}")) {
            return Checked.rejected(invalid(
                    "Nomor KK harus 16 digit, tertulis \"" + raw.strip() + "\"",
                    "The family card number must be 16 digits; found \"" + raw.strip() + "\""));
        }
        String regency = digits.substring(0, 4);
        if (regions.regencyName(regency).isEmpty()
                && regions.renumbered(regency).isEmpty()) {
            return Checked.rejected(invalid(
                    "Nomor KK diawali kode wilayah " + regency + " yang tidak dikenal",
                    "The family card number starts with region code " + regency + ", which is unknown"));
        }
        return Checked.of(digits, List.of());
    }

    private static Problem invalid(String id, String en) {
        return Problem.of(SheetColumns.FAMILY_CARD, ProblemCode.FAMILY_CARD_INVALID, id, en);
    }
}

package id.go.kemensos.returnee.registration.upload;

import id.go.kemensos.returnee.registration.sheet.SheetColumn;
import id.go.kemensos.returnee.registration.sheet.SheetRow;
import java.util.List;
import java.util.Optional;

/**
 * A list whose NIK column Excel stored as numbers: Excel keeps 15 significant digits, so every 16-digit NIK comes out
 * ending in 0, and a CSV saved from it says nothing of the cell type (a workbook does: there each NIK is held for
 * review). One NIK in ten ends in 0; when nearly all of a file's do, the file is refused before any row is registered,
 * because each of those NIKs may belong to someone else.
 */
final class NikColumnDamage {

    /** Fewer NIKs than this prove nothing: 9 of 9 ending in 0 happens once in a billion lists. */
    static final int FEWEST_NIKS = 10;
    /** Nine in ten, where one in ten is the rule. */
    static final double SHARE_ENDING_IN_ZERO = 0.9;

    private NikColumnDamage() {}

    /** The refusal to give when the rows look damaged, or empty. */
    static Optional<String> in(List<SheetRow> rows) {
        long niks = 0;
        long endingInZero = 0;
        for (SheetRow row : rows) {
            String nik = row.text(SheetColumn.NIK).strip();
            if (nik.length() == 16 && nik.chars().allMatch(Character::isDigit)) {
                niks++;
                endingInZero += nik.endsWith("0") ? 1 : 0;
            }
        }
        if (niks < FEWEST_NIKS || endingInZero < SHARE_ENDING_IN_ZERO * niks) {
            return Optional.empty();
        }
        return Optional.of(String.format(
                "Kolom NIK tampaknya dirusak Excel: %d dari %d NIK berakhiran 0 (Excel hanya menyimpan 15 digit angka). "
                        + "Format kolom NIK sebagai Teks, isi kembali NIK dari data asli, lalu unggah lagi; tidak ada "
                        + "baris yang didaftarkan. / The NIK column looks damaged by Excel: %d of %d NIKs end in 0 (Excel "
                        + "keeps only 15 digits of a number). Format the NIK column as Text, fill the NIKs in again from "
                        + "the source, and upload again; no row was registered.",
                endingInZero, niks, endingInZero, niks));
    }
}

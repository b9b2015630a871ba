package id.go.kemensos.returnee.registration.validation;

import static id.go.kemensos.returnee.registration.validation.ProblemCode.OUTSIDE_UPLOADING_PROVINCE;
import static id.go.kemensos.returnee.registration.validation.ProblemCode.REGENCY_NAME_UNKNOWN;
import static id.go.kemensos.returnee.registration.validation.SheetColumns.REGENCY;

import java.util.List;
import java.util.Optional;

/**
 * Finds the regency a returnee lives in from the sheet's kabupaten_kota name and flags rows outside the uploading
 * office's province (eligibility rule C3: domiciled in the uploading province).
 *
 * <p>The address decides, not the NIK: a NIK carries the region of first registration, so a NIK from another province
 * with an address in the uploading province is fine. The NIK's region is used only when the address names no known
 * regency. See {@link ProblemCode#OUTSIDE_UPLOADING_PROVINCE} for why that is REVIEW.
 */
public final class DomicileValidator {

    private final RegionCodes regions;

    public DomicileValidator(RegionCodes regions) {
        this.regions = regions;
    }

    /** The domicile regency code (PPKK) when one can be told, with REVIEW/WARNING problems; never an ERROR. */
    public Checked<String> check(String uploadingProvince, String kabupatenKota, NikCheck nik) {
        String written = kabupatenKota == null ? "" : kabupatenKota.strip();
        String province = regions.provinceName(uploadingProvince).orElse(uploadingProvince);
        Optional<NikCheck.Parts> fromNik = nik == null ? Optional.empty() : nik.parts();
        if (!written.isEmpty()) {
            Optional<String> inProvince = regions.regencyCodeByName(uploadingProvince, written);
            if (inProvince.isPresent()) {
                return Checked.of(inProvince.get(), List.of());
            }
            Optional<String> elsewhere = regions.regencyCodeByName(written);
            if (elsewhere.isPresent()) {
                String other =
                        regions.provinceName(elsewhere.get().substring(0, 2)).orElseThrow();
                return Checked.of(
                        elsewhere.get(),
                        List.of(Problem.of(
                                REGENCY,
                                OUTSIDE_UPLOADING_PROVINCE,
                                "Kabupaten/kota " + written + " berada di provinsi " + other
                                        + ", bukan di provinsi pengunggah " + province
                                        + "; petugas perlu memeriksa domisili penerima",
                                written + " lies in " + other + ", not in the uploading province " + province
                                        + "; an officer must check where the returnee lives")));
            }
        }
        if (fromNik.isPresent() && fromNik.get().provinceCode().equals(uploadingProvince)) {
            // No usable address: the NIK's regency stands in, which is within the province.
            List<Problem> problems = written.isEmpty()
                    ? List.of()
                    : List.of(Problem.of(
                            REGENCY,
                            REGENCY_NAME_UNKNOWN,
                            "Nama kabupaten/kota '" + written + "' tidak dikenali di provinsi " + province
                                    + "; dipakai kabupaten/kota dari NIK",
                            "The regency name '" + written + "' is not recognised in " + province
                                    + "; the NIK's regency is used instead"));
            return Checked.of(fromNik.get().regencyCode(), problems);
        }
        if (fromNik.isPresent()) {
            String nikProvince =
                    regions.provinceName(fromNik.get().provinceCode()).orElseThrow();
            return Checked.of(
                    null,
                    List.of(Problem.of(
                            REGENCY,
                            OUTSIDE_UPLOADING_PROVINCE,
                            (written.isEmpty()
                                            ? "Kabupaten/kota kosong"
                                            : "Kabupaten/kota '" + written + "' tidak dikenali")
                                    + " dan NIK terdaftar di provinsi " + nikProvince
                                    + ", bukan di provinsi pengunggah " + province
                                    + "; petugas perlu memeriksa domisili penerima",
                            (written.isEmpty()
                                            ? "The regency is empty"
                                            : "The regency '" + written + "' is not recognised")
                                    + " and the NIK was issued in " + nikProvince + ", not in the uploading province "
                                    + province
                                    + "; an officer must check where the returnee lives")));
        }
        // The NIK itself is invalid, so the row is rejected anyway; say only what is wrong with this column.
        return written.isEmpty()
                ? Checked.of(null, List.of())
                : Checked.of(
                        null,
                        List.of(Problem.of(
                                REGENCY,
                                REGENCY_NAME_UNKNOWN,
                                "Nama kabupaten/kota '" + written + "' tidak dikenali di provinsi " + province,
                                "The regency name '" + written + "' is not recognised in " + province)));
    }
}

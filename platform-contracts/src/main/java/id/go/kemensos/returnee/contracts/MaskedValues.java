package id.go.kemensos.returnee.contracts;

/** Masks personal identifiers (Law 27/2022) wherever they leave the owning service's database. */
public final class MaskedValues {

    private MaskedValues() {
    }

    /** {@code 012301012345501} becomes {@code ***5501}. */
    public static String lastFour(String value) {
        if (value == null || value.isBlank()) {
            return "";
        }
        return "***" + value.substring(Math.max(0, value.length() - 4));
    }

    /** A NIK keeps its region part (province and regency, not personal) and its last two digits: {@code 5202************01}. */
    public static String nik(String nik) {
        if (nik == null || nik.length() < 8) {
            return "****************";
        }
        return nik.substring(0, 4) + "*".repeat(nik.length() - 6) + nik.substring(nik.length() - 2);
    }
}

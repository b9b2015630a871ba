package id.go.kemensos.returnee.contracts;

/** Masks personal identifiers (Law 27/2022) wherever they leave the owning service's database. */
public final class MaskedValues {

    private MaskedValues() {}

    /** {@code 012301012345501} becomes {@code ***5501}. */
    public static String lastFour(String value) {
        if (value == null || value.isBlank()) {
            return "";
        }
        return "***" + value.substring(Math.max(0, value.length() - 4));
    }

    /**
     * A NIK keeps its region part (province and regency, not personal) and its last two digits:
     * {@code 5202************01}.
     */
    public static String nik(String nik) {
        if (nik == null || nik.length() < 8) {
            return "****************";
        }
        return nik.substring(0, 4) + "*".repeat(nik.length() - 6) + nik.substring(nik.length() - 2);
    }

    /** A name for a screen or a log line: each word's first letter, {@code SITI AMINAH} becomes {@code S. A.}. */
    public static String initials(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        StringBuilder initials = new StringBuilder();
        for (String word : name.strip().split("\\s+")) {
            initials.append(initials.isEmpty() ? "" : " ")
                    .append(word.codePoints()
                            .limit(1)
                            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append))
                    .append('.');
        }
        return initials.toString();
    }
}

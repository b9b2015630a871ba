package id.go.kemensos.returnee.registration.validation;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Kemendagri region codes (not BPS codes: BPS 5202010 is Praya Barat, Kemendagri 52.02.01 is Praya) for provinces (PP),
 * regencies (PPKK) and districts (PPKKCC), from {@code /reference/wilayah-kemendagri-2025.csv}; with the regency codes
 * the Papua split retired ({@value #CHANGES}) and the former names of regencies renamed under their code
 * ({@value #FORMER_NAMES}): between the 2016 and 2025 editions nothing else changed at regency level.
 */
public final class RegionCodes {

    public static final String RESOURCE = "/reference/wilayah-kemendagri-2025.csv";
    public static final String CHANGES = "/reference/regency-code-changes.csv";
    public static final String FORMER_NAMES = "/reference/regency-former-names.csv";

    /** A regency code retired when its province was split, as identity cards issued before still carry it. */
    public record Renumbered(String oldCode, String newCode, String name, String basis) {}

    private static final String[][] PREFIXES = {
        {"KABUPATEN ", "KAB:"},
        {"KAB. ", "KAB:"},
        {"KAB.", "KAB:"},
        {"KAB ", "KAB:"},
        {"KOTA ADMINISTRASI ", "KOTA:"},
        {"KOTAMADYA ", "KOTA:"},
        {"KOTA ", "KOTA:"}
    };

    private final Map<String, String> names;
    /**
     * Keys PP + bare name ("52LOMBOKTENGAH" -> 5202, kabupaten first) and PP + "KAB:"/"KOTA:" + bare name
     * ("52KOTA:BIMA" -> 5272).
     */
    private final Map<String, String> regencyByName = new HashMap<>();

    private final List<String> provinceCodes;
    private final Map<String, Renumbered> renumbered;

    /** @param names code (2, 4 or 6 digits) to official name, e.g. 5202 -> Kabupaten Lombok Tengah */
    public RegionCodes(Map<String, String> names) {
        this(names, Map.of(), List.of());
    }

    /** @param formerNames code and former name of regencies renamed under their code; current names win a clash */
    private RegionCodes(Map<String, String> names, Map<String, Renumbered> renumbered, List<String[]> formerNames) {
        this.renumbered = Map.copyOf(renumbered);
        this.names = Map.copyOf(names);
        this.provinceCodes = names.keySet().stream()
                .filter(code -> code.length() == 2)
                .sorted()
                .toList();
        names.keySet().stream()
                .filter(code -> code.length() == 4)
                .sorted()
                .forEach(code -> indexRegencyName(code, names.get(code)));
        formerNames.forEach(former -> indexRegencyName(former[0], former[1]));
    }

    public static RegionCodes load() {
        List<String[]> rows = ReferenceCsv.read(RESOURCE, "code,name");
        Map<String, String> names = new HashMap<>(rows.size() * 2);
        rows.forEach(row -> names.put(row[0], row[1]));
        Map<String, Renumbered> renumbered = new HashMap<>();
        for (String[] row : ReferenceCsv.read(CHANGES, "old_code,new_code,name,basis")) {
            if (names.containsKey(row[0]) || !row[2].equals(names.get(row[1]))) {
                throw new IllegalStateException(CHANGES + ": " + row[0] + " -> " + row[1] + " " + row[2]
                        + " does not match " + RESOURCE + " (the old code must be gone, the new one name the regency)");
            }
            renumbered.put(row[0], new Renumbered(row[0], row[1], row[2], row[3]));
        }
        List<String[]> formerNames = ReferenceCsv.read(FORMER_NAMES, "code,former_name,last_edition");
        for (String[] row : formerNames) {
            if (row[0].length() != 4 || !names.containsKey(row[0])) {
                throw new IllegalStateException(
                        FORMER_NAMES + ": " + row[0] + " " + row[1] + " is not a regency of " + RESOURCE);
            }
        }
        return new RegionCodes(names, renumbered, formerNames);
    }

    /** The regency an old code now has, when a province's split retired it (9101 Merauke is 9301 since 2022). */
    public Optional<Renumbered> renumbered(String ppkk) {
        return Optional.ofNullable(ppkk).map(renumbered::get);
    }

    public Optional<String> provinceName(String pp) {
        return lookup(pp, 2);
    }

    public Optional<String> regencyName(String ppkk) {
        return lookup(ppkk, 4);
    }

    public Optional<String> districtName(String ppkkcc) {
        return lookup(ppkkcc, 6);
    }

    /**
     * The regency of a province whose name the clerk wrote, as sheets write it: "LOMBOK TENGAH", "Kab. Lombok Tengah",
     * "KOTA MATARAM". Without a prefix a kabupaten wins over a kota of the same name (BIMA is Kabupaten Bima).
     */
    public Optional<String> regencyCodeByName(String pp, String writtenName) {
        if (pp == null || writtenName == null) {
            return Optional.empty();
        }
        String upper = writtenName.strip().toUpperCase(Locale.ROOT);
        for (String[] prefix : PREFIXES) {
            if (upper.startsWith(prefix[0])) {
                String code = regencyByName.get(pp + prefix[1] + lettersOnly(upper.substring(prefix[0].length())));
                if (code != null) {
                    return Optional.of(code);
                }
                break;
            }
        }
        // Also the whole text as a bare name: "KOTA BARU" is how clerks write Kabupaten Kotabaru.
        return Optional.ofNullable(regencyByName.get(pp + lettersOnly(upper)));
    }

    /**
     * Like {@link #regencyCodeByName(String, String)}, in any province (the lowest province code wins a shared name).
     */
    public Optional<String> regencyCodeByName(String writtenName) {
        return provinceCodes.stream()
                .map(pp -> regencyCodeByName(pp, writtenName))
                .flatMap(Optional::stream)
                .findFirst();
    }

    /** Indexes a regency's name; a name already indexed keeps its regency (current names come first). */
    private void indexRegencyName(String code, String officialName) {
        String pp = code.substring(0, 2);
        boolean kota = Integer.parseInt(code.substring(2)) >= 71;
        String name = officialName.toUpperCase(Locale.ROOT);
        String bare = lettersOnly(name.replaceFirst("^(KABUPATEN|KOTA ADMINISTRASI|KOTA) ", ""));
        regencyByName.putIfAbsent(pp + (kota ? "KOTA:" : "KAB:") + bare, code);
        // Codes are visited in order, so a kabupaten (01-69) claims the bare name before a kota (71-99) of the same
        // name.
        regencyByName.putIfAbsent(pp + bare, code);
    }

    private static String lettersOnly(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.chars().filter(Character::isLetterOrDigit).forEach(c -> b.append((char) c));
        return b.toString();
    }

    private Optional<String> lookup(String code, int length) {
        return code != null && code.length() == length ? Optional.ofNullable(names.get(code)) : Optional.empty();
    }
}

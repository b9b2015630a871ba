package id.go.kemensos.returnee.contracts.reference;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVRecord;

/**
 * The platform's one bank directory: codes, names, the short names SMS texts use and the usual account-number length,
 * from {@code /reference/bank-codes.csv} (read by registration to validate accounts and by notification to name the
 * bank). Legacy codes retired by a merger (422 BRI Syariah, 427 BNI Syariah) answer the bank that absorbed them (451
 * BSI), as named in the file's current_code column.
 */
public final class BankCodes {

    public static final String RESOURCE = "/reference/bank-codes.csv";

    /** A bank as the platform pays it; accountLength is empty where no norm is known. */
    public record Bank(String code, String name, String shortName, OptionalInt accountLength) {}

    private static final Pattern NOT_A_NAME_WORD = Pattern.compile("\\b(PT|TBK|PERSERO|BANK)\\b");

    private final Map<String, Bank> banks;
    private final Map<String, String> legacyToCurrent;
    private final Map<String, String> codeByName;

    public BankCodes(Map<String, Bank> banks, Map<String, String> legacyToCurrent) {
        this(banks, legacyToCurrent, Map.of());
    }

    private BankCodes(Map<String, Bank> banks, Map<String, String> legacyToCurrent, Map<String, String> codeByName) {
        this.banks = Map.copyOf(banks);
        this.legacyToCurrent = Map.copyOf(legacyToCurrent);
        this.codeByName = Map.copyOf(codeByName);
    }

    public static BankCodes load() {
        List<String[]> rows = read();
        Map<String, Bank> banks = new HashMap<>();
        Map<String, String> legacy = new HashMap<>();
        Map<String, String> byName = new HashMap<>();
        for (String[] row : rows) {
            List<String> names = new ArrayList<>(List.of(row[1], row[2]));
            if (!row[5].isBlank()) {
                names.addAll(List.of(row[5].split("\\|")));
            }
            for (String name : names) {
                String key = nameKey(name);
                String other = byName.putIfAbsent(key, row[0]);
                if (other != null && !other.equals(row[0])) {
                    throw new IllegalStateException(
                            RESOURCE + ": the name '" + name + "' would mean both bank " + other + " and " + row[0]);
                }
            }
            if (!row[4].isEmpty()) {
                legacy.put(row[0], row[4]);
            } else {
                OptionalInt length = row[3].isEmpty() ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(row[3]));
                banks.put(row[0], new Bank(row[0], row[1], row[2], length));
            }
        }
        legacy.forEach((old, current) -> {
            if (!banks.containsKey(current)) {
                throw new IllegalStateException(
                        RESOURCE + ": legacy code " + old + " points at unknown bank " + current);
            }
        });
        return new BankCodes(banks, legacy, byName);
    }

    private static final String HEADER = "code,name,short_name,account_length,current_code,aliases";

    private static List<String[]> read() {
        return ReferenceFile.read(RESOURCE, HEADER).rows().stream()
                .map(CSVRecord::values)
                .toList();
    }

    /**
     * The bank a sheet names instead of giving its code ("Bank BRI", "BPD Jawa Timur", "Bank NTB"), matched on its
     * name, short name and aliases with PT, Tbk, (Persero) and the word Bank left out and "Pembangunan Daerah" read as
     * BPD; a retired bank's name answers its successor.
     */
    public Optional<Bank> findByName(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(codeByName.get(nameKey(name))).flatMap(this::find);
    }

    static String nameKey(String name) {
        String upper = name.toUpperCase(Locale.ROOT).replace("PEMBANGUNAN DAERAH", "BPD");
        String words =
                NOT_A_NAME_WORD.matcher(upper.replaceAll("[^A-Z0-9]+", " ")).replaceAll(" ");
        return words.strip().replaceAll("\\s+", " ");
    }

    /** Every bank the platform pays, retired codes left out. */
    public java.util.Collection<Bank> all() {
        return banks.values();
    }

    /** The bank for a three-digit code, after mapping legacy codes to their current bank. */
    public Optional<Bank> find(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String trimmed = code.strip();
        return Optional.ofNullable(banks.get(legacyToCurrent.getOrDefault(trimmed, trimmed)));
    }
}

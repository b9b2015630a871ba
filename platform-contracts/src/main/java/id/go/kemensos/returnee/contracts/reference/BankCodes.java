package id.go.kemensos.returnee.contracts.reference;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
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

    private final Map<String, Bank> banks;
    private final Map<String, String> legacyToCurrent;

    public BankCodes(Map<String, Bank> banks, Map<String, String> legacyToCurrent) {
        this.banks = Map.copyOf(banks);
        this.legacyToCurrent = Map.copyOf(legacyToCurrent);
    }

    public static BankCodes load() {
        List<String[]> rows = read();
        Map<String, Bank> banks = new HashMap<>();
        Map<String, String> legacy = new HashMap<>();
        for (String[] row : rows) {
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
        return new BankCodes(banks, legacy);
    }

    private static final String HEADER = "code,name,short_name,account_length,current_code";

    private static List<String[]> read() {
        return ReferenceFile.read(RESOURCE, HEADER).rows().stream()
                .map(CSVRecord::values)
                .toList();
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

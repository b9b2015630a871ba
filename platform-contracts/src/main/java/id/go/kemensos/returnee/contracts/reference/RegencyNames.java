package id.go.kemensos.returnee.contracts.reference;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVRecord;

/**
 * Regencies and cities by their Kemendagri code (wilayah-kemendagri-2025.csv), named as an SMS names the office to go
 * to: "Kab. Lombok Tengah", "Kota Mataram", "Kab. Adm. Kepulauan Seribu".
 */
public final class RegencyNames {

    public static final String RESOURCE = "/reference/wilayah-kemendagri-2025.csv";

    private final Map<String, String> shortNames;

    private RegencyNames(Map<String, String> shortNames) {
        this.shortNames = Map.copyOf(shortNames);
    }

    public static RegencyNames load() {
        Map<String, String> names = new HashMap<>();
        for (CSVRecord row : ReferenceFile.read(RESOURCE, "code,name").rows()) {
            if (row.get("code").length() == 4) {
                names.put(row.get("code"), officeForm(row.get("name")));
            }
        }
        return new RegencyNames(names);
    }

    /** The short name of a regency or city (4 digits), if the code is one. */
    public Optional<String> shortName(String regencyCode) {
        return Optional.ofNullable(regencyCode).map(shortNames::get);
    }

    /** The longest short name of all: what a message must leave room for. */
    public String longest() {
        return shortNames.values().stream()
                .max(Comparator.comparingInt(String::length))
                .orElseThrow();
    }

    static String officeForm(String official) {
        return official.replaceFirst("^Kabupaten Administrasi ", "Kab. Adm. ")
                .replaceFirst("^Kota Administrasi ", "Kota Adm. ")
                .replaceFirst("^Kabupaten ", "Kab. ");
    }
}

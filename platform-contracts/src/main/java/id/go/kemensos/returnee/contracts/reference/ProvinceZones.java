package id.go.kemensos.returnee.contracts.reference;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;

/**
 * The time zone each province works in (WIB, WITA, WIT), from {@code /reference/provinces.csv}: a payment made at 23:30
 * in Jakarta is made on the next day in Lombok, and a person is told the date of their own province.
 */
public final class ProvinceZones {

    public static final String RESOURCE = "/reference/provinces.csv";
    private static final String HEADER = "code,name,zone,zone_label";
    /** The capital's time, for a province the file does not know. */
    public static final ZoneId NATIONAL = ZoneId.of("Asia/Jakarta");

    private final Map<String, ZoneId> zones;
    private final Map<String, String> names;

    private ProvinceZones(Map<String, ZoneId> zones, Map<String, String> names) {
        this.zones = Map.copyOf(zones);
        this.names = Map.copyOf(names);
    }

    public static ProvinceZones load() {
        Map<String, ZoneId> zones = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        for (CSVRecord row : ReferenceFile.read(RESOURCE, HEADER).rows()) {
            zones.put(row.get("code"), ZoneId.of(row.get("zone")));
            names.put(row.get("code"), row.get("name"));
        }
        return new ProvinceZones(zones, names);
    }

    /** The province's name ("Nusa Tenggara Barat"); the code itself for an unknown one. */
    public String nameOf(String provinceCode) {
        return names.getOrDefault(provinceCode, provinceCode);
    }

    /** The zone of a two-digit province code; the capital's for null or an unknown code. */
    public ZoneId zoneOf(String provinceCode) {
        return provinceCode == null ? NATIONAL : zones.getOrDefault(provinceCode, NATIONAL);
    }
}

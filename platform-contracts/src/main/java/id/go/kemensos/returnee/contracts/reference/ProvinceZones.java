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

    private ProvinceZones(Map<String, ZoneId> zones) {
        this.zones = Map.copyOf(zones);
    }

    public static ProvinceZones load() {
        Map<String, ZoneId> zones = new HashMap<>();
        for (CSVRecord row : ReferenceFile.read(RESOURCE, HEADER).rows()) {
            zones.put(row.get("code"), ZoneId.of(row.get("zone")));
        }
        return new ProvinceZones(zones);
    }

    /** The zone of a two-digit province code; the capital's for null or an unknown code. */
    public ZoneId zoneOf(String provinceCode) {
        return provinceCode == null ? NATIONAL : zones.getOrDefault(provinceCode, NATIONAL);
    }
}

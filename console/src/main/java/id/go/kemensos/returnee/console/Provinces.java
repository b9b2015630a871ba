package id.go.kemensos.returnee.console;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Province names and the time zone each works in (reference/provinces.csv), and regency names
 * (reference/regencies.csv): data, not code.
 */
@Component("provinces")
public class Provinces {

    /** What a national officer's page uses for a time not tied to a province: the capital's. */
    static final Province NATIONAL = new Province("", "Nasional", ZoneId.of("Asia/Jakarta"), "WIB");

    public record Province(String code, String name, ZoneId zone, String zoneLabel) {}

    private final Map<String, Province> byCode = new LinkedHashMap<>();
    private final Map<String, String> regencies = new LinkedHashMap<>();

    Provinces() {
        for (CSVRecord row : read("reference/provinces.csv")) {
            byCode.put(
                    row.get("code"),
                    new Province(row.get("code"), row.get("name"), ZoneId.of(row.get("zone")), row.get("zone_label")));
        }
        for (CSVRecord row : read("reference/regencies.csv")) {
            regencies.put(row.get("code"), row.get("name"));
        }
    }

    private static List<CSVRecord> read(String resource) {
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setCommentMarker('#')
                .setHeader()
                .setSkipHeaderRecord(true)
                .get();
        try (Reader reader =
                new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8)) {
            return format.parse(reader).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    /** Every province's code, in order. */
    public List<String> codes() {
        return List.copyOf(byCode.keySet());
    }

    /** "Kabupaten Lombok Timur" for 5203; the code itself for one the list does not know. */
    public String regencyName(String code) {
        return regencies.getOrDefault(code, code);
    }

    /** The regencies of a province, by code. */
    public List<String> regencyCodesOf(String provinceCode) {
        return regencies.keySet().stream()
                .filter(code -> code.startsWith(provinceCode))
                .toList();
    }

    public Province of(String code) {
        return code == null
                ? NATIONAL
                : byCode.getOrDefault(code, new Province(code, code, NATIONAL.zone(), NATIONAL.zoneLabel()));
    }

    /** "52 Nusa Tenggara Barat", for headers and tables. */
    public String name(String code) {
        Province province = of(code);
        return province == NATIONAL ? NATIONAL.name() : province.code() + " " + province.name();
    }
}

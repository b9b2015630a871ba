package id.go.kemensos.returnee.console;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/** Province names and the time zone each works in, from reference/provinces.csv (data, not code). */
@Component("provinces")
public class Provinces {

    /** What a national officer's page uses for a time not tied to a province: the capital's. */
    static final Province NATIONAL = new Province("", "Nasional", ZoneId.of("Asia/Jakarta"), "WIB");

    public record Province(String code, String name, ZoneId zone, String zoneLabel) {
    }

    private final Map<String, Province> byCode = new LinkedHashMap<>();

    Provinces() {
        CSVFormat format = CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true).get();
        try (Reader reader = new java.io.InputStreamReader(new ClassPathResource("reference/provinces.csv").getInputStream(),
                StandardCharsets.UTF_8)) {
            for (CSVRecord row : format.parse(reader)) {
                byCode.put(row.get("code"), new Province(row.get("code"), row.get("name"), ZoneId.of(row.get("zone")), row.get("zone_label")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read reference/provinces.csv", e);
        }
    }

    public Province of(String code) {
        return code == null ? NATIONAL : byCode.getOrDefault(code, new Province(code, code, NATIONAL.zone(), NATIONAL.zoneLabel()));
    }

    /** "52 Nusa Tenggara Barat", for headers and tables. */
    public String name(String code) {
        Province province = of(code);
        return province == NATIONAL ? NATIONAL.name() : province.code() + " " + province.name();
    }
}

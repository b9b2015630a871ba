package id.go.kemensos.returnee.contracts.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProvinceZonesTest {

    private static final ProvinceZones ZONES = ProvinceZones.load();

    @ParameterizedTest(name = "province {0} works in {1}")
    @CsvSource({
        "31, Asia/Jakarta", // DKI Jakarta, WIB
        "52, Asia/Makassar", // Nusa Tenggara Barat, WITA
        "51, Asia/Makassar", // Bali, WITA
        "91, Asia/Jayapura", // Papua, WIT
        "99, Asia/Jakarta" // unknown: the capital's
    })
    void eachProvinceHasTheZoneItsOfficesWorkIn(String province, String zone) {
        assertThat(ZONES.zoneOf(province)).isEqualTo(ZoneId.of(zone));
    }
}

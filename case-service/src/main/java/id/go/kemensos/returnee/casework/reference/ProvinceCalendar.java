package id.go.kemensos.returnee.casework.reference;

import id.go.kemensos.returnee.contracts.reference.ProvinceZones;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/** Days as a province's office counts them: in its own time zone (WIB, WITA, WIT; nationwide: WIB). */
@Component
public class ProvinceCalendar {

    private final ProvinceZones zones = ProvinceZones.load();
    private final Clock clock;

    public ProvinceCalendar(Clock clock) {
        this.clock = clock;
    }

    public LocalDate today(String provinceCode) {
        return LocalDate.now(clock.withZone(zones.zoneOf(provinceCode)));
    }

    public LocalDate dayOf(Instant instant, String provinceCode) {
        return LocalDate.ofInstant(instant, zones.zoneOf(provinceCode));
    }
}

package id.go.kemensos.returnee.console;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * How the pages write money and time, as templates call it ({@code ${@fmt.rupiah(total)}}): Rupiah with Indonesian
 * digit grouping ("Rp 960.000") in both languages, and a moment in the time of the province it concerns ("05-12-2026
 * 18:49 WITA").
 */
@Component("fmt")
public class ConsoleFormats {

    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");

    private final Provinces provinces;

    ConsoleFormats(Provinces provinces) {
        this.provinces = provinces;
    }

    public String rupiah(Number amount) {
        if (amount == null) {
            return "-";
        }
        return "Rp " + NumberFormat.getIntegerInstance(ConsoleLocale.INDONESIAN).format(amount.longValue());
    }

    public String number(Number value) {
        return value == null
                ? "-"
                : NumberFormat.getIntegerInstance(ConsoleLocale.INDONESIAN).format(value.longValue());
    }

    /** A moment in the province's time (WIB, WITA or WIT); a national record in WIB. */
    public String time(Instant moment, String provinceCode) {
        if (moment == null) {
            return "-";
        }
        Provinces.Province province = provinces.of(provinceCode);
        return MOMENT.withLocale(Locale.ROOT).format(moment.atZone(province.zone())) + " " + province.zoneLabel();
    }
}

package id.go.kemensos.returnee.contracts.registration;

import java.time.LocalDate;
import java.time.Period;

/**
 * Age bands for the reports, the ten-year groups BPS uses for the working-age population with children apart: enough to
 * see whether young and old are reached alike without keeping a birth date in clear. Counted on the day of registration
 * by registration-service and disbursement-service alike.
 */
public enum AgeBand {
    UNDER_18(0, 17),
    AGE_18_24(18, 24),
    AGE_25_34(25, 34),
    AGE_35_44(35, 44),
    AGE_45_54(45, 54),
    AGE_55_PLUS(55, Integer.MAX_VALUE);

    private final int from;
    private final int to;

    AgeBand(int from, int to) {
        this.from = from;
        this.to = to;
    }

    /** The band of someone born on this day, on that day. */
    public static AgeBand of(LocalDate birthDate, LocalDate on) {
        int age = Period.between(birthDate, on).getYears();
        for (AgeBand band : values()) {
            if (age >= band.from && age <= band.to) {
                return band;
            }
        }
        return UNDER_18; // born after the day: a typing error that validation refuses before this
    }
}

package id.go.kemensos.returnee.contracts.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AgeBandTest {

    @ParameterizedTest(name = "born {0}, on {1}: {2}")
    @CsvSource({
        "2009-12-08, 2026-12-07, UNDER_18",
        "2008-12-07, 2026-12-07, AGE_18_24",
        "2002-12-08, 2026-12-07, AGE_18_24",
        "2001-12-07, 2026-12-07, AGE_25_34",
        "1982-01-01, 2026-12-07, AGE_35_44",
        "1972-12-07, 2026-12-07, AGE_45_54",
        "1971-12-07, 2026-12-07, AGE_55_PLUS",
        "1940-01-01, 2026-12-07, AGE_55_PLUS"
    })
    void aPersonsBandIsTheirAgeOnTheDayTheyWereRegistered(LocalDate born, LocalDate on, AgeBand band) {
        assertThat(AgeBand.of(born, on)).isEqualTo(band);
    }

    @org.junit.jupiter.api.Test
    void everyBandFitsItsColumn() {
        assertThat(AgeBand.values())
                .as("returnee.age_band is VARCHAR(16) (V13)")
                .allSatisfy(b -> assertThat(b.name()).hasSizeLessThanOrEqualTo(16));
    }
}

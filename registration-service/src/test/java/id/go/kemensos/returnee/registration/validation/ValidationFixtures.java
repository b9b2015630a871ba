package id.go.kemensos.returnee.registration.validation;

import id.go.kemensos.returnee.contracts.reference.BankCodes;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Named fixtures for the validation tests: the reference data loaded once and a clock fixed in mid-2026. */
final class ValidationFixtures {

    /**
     * NIK of the officers' sample sheet: SITI AMINAH, female (55 = 15 + 40), born 15-08-1990, Praya, Lombok Tengah,
     * NTB.
     */
    static final String SITI_AMINAH_LOMBOK_TENGAH = "5202015508900001";

    static final LocalDate SITI_AMINAH_BIRTH_DATE = LocalDate.of(1990, 8, 15);
    static final String NTB = "52";
    static final String BALI = "51";

    static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T03:00:00Z"), ZoneId.of("Asia/Jakarta"));

    static final RegionCodes REGIONS = RegionCodes.load();
    static final BankCodes BANKS = BankCodes.load();

    private ValidationFixtures() {}
}

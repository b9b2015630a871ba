package id.go.kemensos.returnee.registration.validation;

import static id.go.kemensos.returnee.registration.validation.ProblemCode.OUTSIDE_UPLOADING_PROVINCE;
import static id.go.kemensos.returnee.registration.validation.ProblemCode.REGENCY_NAME_UNKNOWN;
import static id.go.kemensos.returnee.registration.validation.ValidationFixtures.BALI;
import static id.go.kemensos.returnee.registration.validation.ValidationFixtures.CLOCK;
import static id.go.kemensos.returnee.registration.validation.ValidationFixtures.NTB;
import static id.go.kemensos.returnee.registration.validation.ValidationFixtures.REGIONS;
import static id.go.kemensos.returnee.registration.validation.ValidationFixtures.SITI_AMINAH_LOMBOK_TENGAH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DomicileValidatorTest {

    /** A man first registered in Denpasar, Bali. */
    private static final String DENPASAR_NIK = "5171011508900001";

    private final NikValidator niks = new NikValidator(REGIONS, CLOCK);
    private final DomicileValidator validator = new DomicileValidator(REGIONS);

    @ParameterizedTest(name = "NTB upload, {0}, NIK {1} -> {2}")
    @CsvSource({
        "LOMBOK TENGAH,      5202015508900001, 5202",
        "Kab. Lombok Tengah, 5202015508900001, 5202",
        "KOTA MATARAM,       5202015508900001, 5271",
        "LOMBOK TIMUR,       5171011508900001, 5203",
        ",                   5202015508900001, 5202"
    })
    void acceptsAnAddressInTheUploadingProvinceWhereverTheNikWasIssued(String regency, String nik, String code) {
        Checked<String> check = validator.check(NTB, regency, niks.validate(nik));

        assertThat(check.problems()).isEmpty();
        assertThat(check.value()).contains(code);
    }

    @Test
    void holdsForReviewAnAddressInAnotherProvince() {
        Checked<String> check = validator.check(BALI, "LOMBOK TENGAH", niks.validate(SITI_AMINAH_LOMBOK_TENGAH));

        assertThat(check.value()).contains("5202");
        assertThat(check.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(OUTSIDE_UPLOADING_PROVINCE);
            assertThat(p.severity()).isEqualTo(Severity.REVIEW);
            assertThat(p.column()).isEqualTo("kabupaten_kota");
            assertThat(p.messageId()).contains("Nusa Tenggara Barat", "Bali");
        });
    }

    @Test
    void holdsForReviewARowWithoutAddressWhoseNikIsFromAnotherProvince() {
        assertThat(validator.check(NTB, "", niks.validate(DENPASAR_NIK)).problems())
                .extracting(Problem::code, Problem::severity)
                .containsExactly(tuple(OUTSIDE_UPLOADING_PROVINCE, Severity.REVIEW));
    }

    @Test
    void fallsBackToTheNiksRegencyWhenTheNameIsUnknownButTheNikIsLocal() {
        Checked<String> check = validator.check(NTB, "LOTENG", niks.validate(SITI_AMINAH_LOMBOK_TENGAH));

        assertThat(check.value()).contains("5202");
        assertThat(check.problems())
                .extracting(Problem::code, Problem::severity)
                .containsExactly(tuple(REGENCY_NAME_UNKNOWN, Severity.WARNING));
    }

    @Test
    void neverRejectsARowByItself() {
        assertThat(validator.check(NTB, "ENTAH", niks.validate("123")).hasErrors())
                .isFalse();
        assertThat(validator.check(NTB, "ENTAH", niks.validate(DENPASAR_NIK)).hasErrors())
                .isFalse();
    }

    @Test
    void aPapuaSelatanRowWithoutAddressIsAtHomeByItsOldMeraukeNik() {
        Checked<String> check = validator.check("93", "", niks.validate("9101015508900001"));
        assertThat(check.value()).contains("9301");
        assertThat(check.problems()).isEmpty();
    }
}

package id.go.kemensos.returnee.registration.validation;

import static id.go.kemensos.returnee.registration.validation.ProblemCode.NIK_BIRTH_DATE_INVALID;
import static id.go.kemensos.returnee.registration.validation.ProblemCode.NIK_BIRTH_DATE_MISMATCH;
import static id.go.kemensos.returnee.registration.validation.ProblemCode.NIK_EXCEL_TRUNCATED;
import static id.go.kemensos.returnee.registration.validation.ProblemCode.NIK_SCIENTIFIC_NOTATION;
import static id.go.kemensos.returnee.registration.validation.ProblemCode.NIK_SEX_MISMATCH;
import static id.go.kemensos.returnee.registration.validation.ProblemCode.REQUIRED_MISSING;
import static id.go.kemensos.returnee.registration.validation.ValidationFixtures.CLOCK;
import static id.go.kemensos.returnee.registration.validation.ValidationFixtures.REGIONS;
import static id.go.kemensos.returnee.registration.validation.ValidationFixtures.SITI_AMINAH_BIRTH_DATE;
import static id.go.kemensos.returnee.registration.validation.ValidationFixtures.SITI_AMINAH_LOMBOK_TENGAH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import id.go.kemensos.returnee.contracts.registration.Sex;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class NikValidatorTest {

    private final NikValidator validator = new NikValidator(REGIONS, CLOCK);

    @Test
    void decodesTheSampleSheetsNik() {
        NikCheck check = validator.validate(SITI_AMINAH_LOMBOK_TENGAH);

        assertThat(check.problems()).isEmpty();
        assertThat(check.nik()).isEqualTo(SITI_AMINAH_LOMBOK_TENGAH);
        assertThat(check.parts())
                .contains(new NikCheck.Parts("52", "5202", "520201", SITI_AMINAH_BIRTH_DATE, Sex.FEMALE, "0001"));
    }

    @ParameterizedTest(name = "{0} is {1} born {2}")
    @CsvSource({
        "5202011508900001, MALE,   1990-08-15",
        "5202015508900001, FEMALE, 1990-08-15",
        "5202010101900001, MALE,   1990-01-01",
        "5202017112900001, FEMALE, 1990-12-31",
        "5202012902960001, MALE,   1996-02-29",
        "5202016902960001, FEMALE, 1996-02-29",
        "5202012902000001, MALE,   2000-02-29",
        "5271014107850123, FEMALE, 1985-07-01",
        "9301011508900001, MALE,   1990-08-15",
        "9671015508900001, FEMALE, 1990-08-15"
    })
    void decodesSexAndBirthDateWithThePlusFortyRuleForWomen(String nik, Sex sex, LocalDate birthDate) {
        NikCheck check = validator.validate(nik);

        assertThat(check.problems()).isEmpty();
        assertThat(check.parts()).hasValueSatisfying(parts -> {
            assertThat(parts.sex()).isEqualTo(sex);
            assertThat(parts.birthDate()).isEqualTo(birthDate);
        });
    }

    @ParameterizedTest(name = "yy={0} on {1} -> {2}")
    @CsvSource({
        "5202010101050001, 2005-01-01, a 21-year-old: 1905 would be 121",
        "5202011508900001, 1990-08-15, 2090 is in the future",
        "5202010101150001, 2015-01-01, a child of 11: 1915 would be 111",
        "5202010112260001, 1926-12-01, 2026-12-01 has not come yet on 2026-06-01",
        "5202010101260001, 1926-01-01, exactly 100 is within 15-100 and wins over a five-month-old baby",
        "5202010101400001, 1940-01-01, 86 years old: 2040 is in the future"
    })
    void picksThePlausibleCentury(String nik, LocalDate birthDate, String why) {
        assertThat(validator.validate(nik).parts())
                .map(NikCheck.Parts::birthDate)
                .as(why)
                .contains(birthDate);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "5202013208900001, day 32",
        "5202017208900001, day 72 (32 + 40)",
        "5202010008900001, day 00",
        "5202014008900001, day 40 (neither a man's day nor a woman's)",
        "5202011513900001, month 13",
        "5202011500900001, month 00",
        "5202012902970001, 29 February 1997 (not a leap year)",
        "5202016902970001, 29 February 1997 for a woman",
        "5202013104900001, 31 April",
        "5202017102900001, 31 February for a woman"
    })
    void rejectsNikWhoseBirthDayIsNotInTheCalendar(String nik, String why) {
        NikCheck check = validator.validate(nik);

        assertThat(check.problems()).extracting(Problem::code).as(why).containsExactly(NIK_BIRTH_DATE_INVALID);
        assertThat(check.problems())
                .allMatch(p -> p.severity() == Severity.ERROR && p.column().equals("nik"));
        assertThat(check.parts()).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1} ({2})")
    @CsvSource(
            quoteCharacter = '"',
            value = {
                "5202015508900000, NIK_SERIAL_ZERO,      ERROR",
                "9902015508900001, NIK_PROVINCE_UNKNOWN, ERROR",
                "0002015508900001, NIK_PROVINCE_UNKNOWN, ERROR",
                "52020155089000,   NIK_LENGTH,           ERROR",
                "52020155089000011, NIK_LENGTH,          ERROR",
                "52020155O8900001, NIK_NOT_DIGITS,       ERROR",
                "NIK5202015508900, NIK_NOT_DIGITS,       ERROR",
                "''5202015508900001, NIK_NOT_DIGITS,     ERROR",
                "520201550890001,  NIK_EXCEL_TRUNCATED,  ERROR",
                "5299015508900001, NIK_REGENCY_UNKNOWN,  WARNING",
                "9101015508900001, NIK_REGENCY_RENUMBERED, WARNING",
                "5202995508900001, NIK_DISTRICT_UNKNOWN, WARNING"
            })
    void reportsEachNikProblemWithItsSeverity(String nik, ProblemCode code, Severity severity) {
        NikCheck check = validator.validate(nik);

        assertThat(check.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(code);
            assertThat(p.severity()).isEqualTo(severity);
            assertThat(p.messageId()).isNotBlank();
            assertThat(p.messageEn()).isNotBlank();
        });
        assertThat(check.parts().isPresent()).isEqualTo(severity != Severity.ERROR);
    }

    @Test
    void readsAnOldRegencyCodeOfASplitProvinceAsTheRegencysCodeNowWithANote() {
        // Merauke was 91.01 before Papua Selatan (93) was formed in 2022; older KTPs still carry it.
        NikCheck check = validator.validate("9101015508900001");

        assertThat(check.hasErrors()).isFalse();
        assertThat(check.parts()).hasValueSatisfying(parts -> {
            assertThat(parts.provinceCode()).isEqualTo("93");
            assertThat(parts.regencyCode()).isEqualTo("9301");
            assertThat(parts.districtCode()).isEqualTo("930101");
        });
        assertThat(check.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(ProblemCode.NIK_REGENCY_RENUMBERED);
            assertThat(p.severity()).isEqualTo(Severity.WARNING);
            assertThat(p.messageId()).contains("Kabupaten Merauke", "9301", "UU 14/2022");
        });
        assertThat(validator.validate("9201015508900001").parts())
                .as("Sorong, Papua Barat Daya since 2022")
                .map(NikCheck.Parts::regencyCode)
                .contains("9601");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "5202 0155 0890 0001",
                "52.02.01.550890.0001",
                "5202-0155-0890-0001",
                "'5202015508900001",
                " '5202015508900001 ",
                "52 02 01 55 08 90 0001",
                "5202\u00A00155\u00A00890\u00A00001",
                "\t5202015508900001\t"
            })
    void stripsSpacesDotsDashesAndOneLeadingApostrophe(String typed) {
        NikCheck check = validator.validate(typed);

        assertThat(check.problems()).isEmpty();
        assertThat(check.nik()).isEqualTo(SITI_AMINAH_LOMBOK_TENGAH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"5.20201E+15", "5,20201E+15", "5.20201e+15", "5.202015508900E15", " '5.20201E+15"})
    void explainsExcelScientificNotation(String typed) {
        NikCheck check = validator.validate(typed);

        assertThat(check.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(NIK_SCIENTIFIC_NOTATION);
            assertThat(p.messageId()).contains("Excel", "Teks");
            assertThat(p.messageEn()).contains("Excel", "Format the NIK column as Text");
        });
    }

    @Test
    void explainsAFifteenDigitNikAsExcelTruncation() {
        assertThat(validator.validate("520201550890001").problems())
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.code()).isEqualTo(NIK_EXCEL_TRUNCATED);
                    assertThat(p.messageId()).contains("15 digit", "Excel", "Teks");
                    assertThat(p.messageEn()).contains("15 digits", "Excel", "Text");
                });
    }

    @Test
    void suspectsASixteenDigitNikEndingInZeroOnlyWhenTypedAsANumber() {
        String endsInZero = "5202015508900010";

        assertThat(validator.validate(endsInZero, true).problems())
                .extracting(Problem::code)
                .containsExactly(NIK_EXCEL_TRUNCATED);
        assertThat(validator.validate(endsInZero, false).problems()).isEmpty();
        assertThat(validator.validate(SITI_AMINAH_LOMBOK_TENGAH, true).problems())
                .isEmpty();
    }

    @Test
    void tellsTheClerkHowManyDigitsWereWritten() {
        assertThat(validator.validate("52020155089000011").problems())
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.messageId()).isEqualTo("NIK harus 16 digit, tertulis 17 digit");
                    assertThat(p.messageEn()).isEqualTo("NIK must have 16 digits; this one has 17");
                });
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void requiresANik(String typed) {
        assertThat(validator.validate(typed).problems())
                .extracting(Problem::code)
                .containsExactly(REQUIRED_MISSING);
    }

    @Test
    void reportsEveryIndependentProblemOfOneNik() {
        assertThat(validator.validate("9902013208900000").problems())
                .extracting(Problem::code)
                .containsExactlyInAnyOrder(
                        NIK_BIRTH_DATE_INVALID, ProblemCode.NIK_SERIAL_ZERO, ProblemCode.NIK_PROVINCE_UNKNOWN);
    }

    @ParameterizedTest(name = "sheet says {0} born {1}")
    @CsvSource(
            nullValues = "null",
            value = {
                "FEMALE, 1990-08-15, ",
                "null,   null,       ",
                "MALE,   1990-08-15, NIK_SEX_MISMATCH",
                "FEMALE, 1990-08-16, NIK_BIRTH_DATE_MISMATCH",
                "FEMALE, 1991-08-15, NIK_BIRTH_DATE_MISMATCH",
                "FEMALE, 1990-09-15, NIK_BIRTH_DATE_MISMATCH"
            })
    void holdsForReviewWhenTheSheetDisagreesWithTheNik(Sex sheetSex, LocalDate sheetBirthDate, ProblemCode expected) {
        var problems = validator.crossCheck(validator.validate(SITI_AMINAH_LOMBOK_TENGAH), sheetSex, sheetBirthDate);

        if (expected == null) {
            assertThat(problems).isEmpty();
        } else {
            assertThat(problems).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo(expected);
                assertThat(p.severity()).isEqualTo(Severity.REVIEW);
            });
        }
    }

    @Test
    void reportsBothMismatchesAgainstTheirSheetColumns() {
        var problems =
                validator.crossCheck(validator.validate(SITI_AMINAH_LOMBOK_TENGAH), Sex.MALE, LocalDate.of(1980, 1, 1));

        assertThat(problems)
                .extracting(Problem::code, Problem::column, Problem::severity)
                .containsExactly(
                        tuple(NIK_SEX_MISMATCH, "jenis_kelamin", Severity.REVIEW),
                        tuple(NIK_BIRTH_DATE_MISMATCH, "tanggal_lahir", Severity.REVIEW));
        assertThat(problems.get(0).messageId()).contains("(L)", "P");
        assertThat(problems.get(1).messageId()).contains("01-01-1980", "15-08-90");
    }

    @Test
    void crossChecksNothingForAnInvalidNik() {
        assertThat(validator.crossCheck(validator.validate("5202013208900001"), Sex.MALE, LocalDate.of(1990, 8, 15)))
                .isEmpty();
    }

    @Test
    void neverPrintsAWholeNik() {
        assertThat(validator.validate(SITI_AMINAH_LOMBOK_TENGAH).toString())
                .doesNotContain(SITI_AMINAH_LOMBOK_TENGAH)
                .contains("520201");
    }
}

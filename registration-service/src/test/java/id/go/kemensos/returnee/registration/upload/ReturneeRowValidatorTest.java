package id.go.kemensos.returnee.registration.upload;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kemensos.returnee.contracts.registration.ReturneeCategory;
import id.go.kemensos.returnee.contracts.registration.Sex;
import id.go.kemensos.returnee.contracts.registration.TraffickingStatus;
import id.go.kemensos.returnee.registration.returnee.RegisterReturneeRequest;
import id.go.kemensos.returnee.registration.sheet.SheetCell;
import id.go.kemensos.returnee.registration.sheet.SheetColumn;
import id.go.kemensos.returnee.registration.sheet.SheetRow;
import id.go.kemensos.returnee.registration.validation.Problem;
import id.go.kemensos.returnee.registration.validation.ProblemCode;
import id.go.kemensos.returnee.registration.validation.RegionCodes;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReturneeRowValidatorTest {

    private static final Clock NOV_2026 = Clock.fixed(Instant.parse("2026-11-22T03:00:00Z"), ZoneOffset.UTC);
    private static final RegionCodes REGIONS = RegionCodes.load();
    private final ReturneeRowValidator validator = ReturneeRowValidator.forSheets(REGIONS, NOV_2026);

    /** A fictitious row of a provincial returnee list, as an NTB clerk types it. */
    private static Map<SheetColumn, SheetCell> sitiAminahRow() {
        Map<SheetColumn, SheetCell> cells = new EnumMap<>(SheetColumn.class);
        put(cells, SheetColumn.NO, "1");
        put(cells, SheetColumn.NIK, "5202015508900001");
        put(cells, SheetColumn.NAMA, "SITI AMINAH");
        put(cells, SheetColumn.JENIS_KELAMIN, "P");
        put(cells, SheetColumn.TANGGAL_LAHIR, "15-08-1990");
        put(cells, SheetColumn.KABUPATEN_KOTA, "LOMBOK TENGAH");
        put(cells, SheetColumn.NO_HP, "081234567890");
        put(cells, SheetColumn.KATEGORI, "KPO");
        put(cells, SheetColumn.NEGARA_TUJUAN, "MY");
        put(cells, SheetColumn.TANGGAL_KEPULANGAN, "02-09-2019");
        put(cells, SheetColumn.SUMBER_RUJUKAN, "RPTC");
        put(cells, SheetColumn.KODE_BANK, "002");
        put(cells, SheetColumn.NO_REKENING, "012301012345501");
        put(cells, SheetColumn.NAMA_PEMILIK_REKENING, "SITI AMINAH");
        put(cells, SheetColumn.STATUS_DTKS, "YA");
        put(cells, SheetColumn.DESIL_DTSEN, "Desil 2");
        put(cells, SheetColumn.IKUT_BIMBINGAN, "YA");
        return cells;
    }

    private static void put(Map<SheetColumn, SheetCell> cells, SheetColumn column, String text) {
        cells.put(column, SheetCell.text(text));
    }

    /** The row is rejected with exactly one problem of this code, on this column. */
    private void assertRejectedOn(Map<SheetColumn, SheetCell> cells, ProblemCode code, String column) {
        RowVerdict verdict = validate(cells);

        assertThat(verdict.outcome()).isEqualTo(RowVerdict.Outcome.REJECTED);
        assertThat(verdict.problems())
                .filteredOn(p -> p.code() == code)
                .singleElement()
                .satisfies(p -> assertThat(p.column()).isEqualTo(column));
    }

    private RowVerdict validate(Map<SheetColumn, SheetCell> cells) {
        return validator.validate(new SheetRow(2, cells, new ArrayList<>()), "52");
    }

    @Test
    void theSampleRowIsAcceptedAndNormalised() {
        RowVerdict verdict = validate(sitiAminahRow());

        assertThat(verdict.outcome()).isEqualTo(RowVerdict.Outcome.ACCEPTED);
        assertThat(verdict.problems()).noneMatch(Problem::isError);
        RegisterReturneeRequest r = verdict.returnee().orElseThrow();
        assertThat(r.nik()).isEqualTo("5202015508900001");
        assertThat(r.sex()).isEqualTo(Sex.FEMALE);
        assertThat(r.birthDate()).isEqualTo(LocalDate.of(1990, 8, 15));
        assertThat(r.provinceCode()).isEqualTo("52");
        assertThat(r.regencyCode()).isEqualTo("5202");
        assertThat(r.category()).isEqualTo(ReturneeCategory.KPO);
        assertThat(r.phone()).isEqualTo("+6281234567890");
        assertThat(r.bankCode()).isEqualTo("002");
        assertThat(r.dtksListed()).isTrue();
        assertThat(r.dtsenDecile()).isEqualTo(2);
        assertThat(r.attendedSocialGuidance()).isTrue();
    }

    @ParameterizedTest(name = "kategori \"{0}\", status_tppo \"{1}\": {2}, {3}")
    @CsvSource({
        "KPO,                  '',          KPO,           IDENTIFIED",
        "PMIB_DEPORTEE,        '',          PMIB_DEPORTEE, NONE",
        "PMIB_DEPORTEE; KPO,   '',          PMIB_DEPORTEE, IDENTIFIED",
        "'kpo, pmi purna',     '',          PMI_PURNA,     IDENTIFIED",
        "PMIB_DEPORTEE dan KPO, '',         PMIB_DEPORTEE, IDENTIFIED",
        "PMIB_DEPORTEE,        TERINDIKASI, PMIB_DEPORTEE, INDICATED",
        "PMI_PURNA,            Korban,      PMI_PURNA,     IDENTIFIED",
        "KPO,                  terindikasi, KPO,           INDICATED",
        "OTHER_PPKS,           TIDAK,       OTHER_PPKS,    NONE"
    })
    void aVictimIsToldApartFromWhyTheyCameHome(
            String kategori, String status, ReturneeCategory category, TraffickingStatus traffickingStatus) {
        Map<SheetColumn, SheetCell> cells = sitiAminahRow();
        put(cells, SheetColumn.KATEGORI, kategori);
        put(cells, SheetColumn.STATUS_TPPO, status);

        RegisterReturneeRequest r = validate(cells).returnee().orElseThrow();

        assertThat(r.category()).isEqualTo(category);
        assertThat(r.traffickingStatusOrImplied()).isEqualTo(traffickingStatus);
    }

    @ParameterizedTest(name = "kategori \"{0}\", status_tppo \"{1}\": {2} on {3}")
    @CsvSource({
        "PMI_PURNA; OTHER_PPKS, '',     CATEGORY_INVALID,           kategori",
        "PMIB_DEPORTEE; KORBAN, '',     CATEGORY_INVALID,           kategori",
        "KPO,                   TIDAK,  TRAFFICKING_STATUS_INVALID, status_tppo",
        "PMIB_DEPORTEE,         MUNGKIN, TRAFFICKING_STATUS_INVALID, status_tppo"
    })
    void aStatusIsNeverGuessed(String kategori, String status, ProblemCode code, String column) {
        Map<SheetColumn, SheetCell> cells = sitiAminahRow();
        put(cells, SheetColumn.KATEGORI, kategori);
        put(cells, SheetColumn.STATUS_TPPO, status);

        assertRejectedOn(cells, code, column);
    }

    @Test
    void aFamilyMemberIsRegisteredOnTheFamilyCardSharedWithTheWorker() {
        Map<SheetColumn, SheetCell> cells = sitiAminahRow();
        put(cells, SheetColumn.KATEGORI, "KELUARGA_PMI");
        put(cells, SheetColumn.NO_KK, "5202 0112 0315 0007");

        RegisterReturneeRequest r = validate(cells).returnee().orElseThrow();

        assertThat(r.category()).isEqualTo(ReturneeCategory.KELUARGA_PMI);
        assertThat(r.familyCardNumber()).isEqualTo("5202011203150007");
    }

    @ParameterizedTest(name = "kategori {0}, no_kk \"{1}\": {2}")
    @CsvSource({
        "KELUARGA_PMI,  '',               FAMILY_CARD_REQUIRED",
        "PMIB_DEPORTEE, 12345,            FAMILY_CARD_INVALID",
        "PMIB_DEPORTEE, 9999011203150007, FAMILY_CARD_INVALID"
    })
    void aFamilyCardIsWellFormedAndRequiredOfAFamilyMember(String kategori, String familyCard, ProblemCode code) {
        Map<SheetColumn, SheetCell> cells = sitiAminahRow();
        put(cells, SheetColumn.KATEGORI, kategori);
        put(cells, SheetColumn.NO_KK, familyCard);

        assertRejectedOn(cells, code, "no_kk");
    }

    @Test
    void aBlankDtsenDecileIsKeptAsNotGiven() {
        Map<SheetColumn, SheetCell> cells = sitiAminahRow();
        put(cells, SheetColumn.DESIL_DTSEN, " ");

        RowVerdict verdict = validate(cells);

        assertThat(verdict.outcome()).isEqualTo(RowVerdict.Outcome.ACCEPTED);
        assertThat(verdict.returnee().orElseThrow().dtsenDecile()).isNull();
    }

    @Test
    void aReturneeWithoutAPhoneIsRegisteredAndMarkedToBeToldInPerson() {
        Map<SheetColumn, SheetCell> cells = sitiAminahRow();
        put(cells, SheetColumn.NO_HP, " ");

        RowVerdict verdict = validate(cells);

        assertThat(verdict.outcome()).isEqualTo(RowVerdict.Outcome.ACCEPTED);
        assertThat(verdict.returnee().orElseThrow().phone()).isNull();
        assertThat(verdict.problems())
                .filteredOn(p -> p.code() == ProblemCode.PHONE_NONE)
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.code()).isEqualTo(ProblemCode.PHONE_NONE);
                    assertThat(p.isError()).isFalse();
                    assertThat(p.messageEn()).contains("told in person");
                });
    }

    @Test
    void aRejectedRowListsEveryProblemNotOnlyTheFirst() {
        Map<SheetColumn, SheetCell> cells = sitiAminahRow();
        put(cells, SheetColumn.NIK, "520201550890001");
        put(cells, SheetColumn.NO_HP, "12345");
        put(cells, SheetColumn.KODE_BANK, "999");
        put(cells, SheetColumn.TANGGAL_KEPULANGAN, "02-09-2030");
        cells.remove(SheetColumn.NAMA);

        RowVerdict verdict = validate(cells);

        assertThat(verdict.outcome()).isEqualTo(RowVerdict.Outcome.REJECTED);
        assertThat(verdict.returnee()).isEmpty();
        assertThat(verdict.problems())
                .extracting(Problem::code)
                .contains(
                        ProblemCode.NIK_EXCEL_TRUNCATED,
                        ProblemCode.PHONE_INVALID,
                        ProblemCode.BANK_CODE_UNKNOWN,
                        ProblemCode.RETURN_DATE_IN_FUTURE,
                        ProblemCode.REQUIRED_MISSING);
        assertThat(verdict.problems())
                .allSatisfy(p -> assertThat(p.messageId()).isNotBlank())
                .allSatisfy(p -> assertThat(p.messageEn()).isNotBlank());
    }

    @Test
    void aNikTypedAsANumberByExcelIsRejectedWithItsOwnExplanation() {
        Map<SheetColumn, SheetCell> cells = sitiAminahRow();
        cells.put(SheetColumn.NIK, SheetCell.number("5.20202E+15", new BigDecimal("5202015508900000")));

        assertThat(validate(cells).problems()).extracting(Problem::code).contains(ProblemCode.NIK_SCIENTIFIC_NOTATION);
    }

    @ParameterizedTest
    @CsvSource({
        "JENIS_KELAMIN, L, NIK_SEX_MISMATCH",
        "TANGGAL_LAHIR, 16-08-1990, NIK_BIRTH_DATE_MISMATCH",
        "KABUPATEN_KOTA, KOTA DENPASAR, OUTSIDE_UPLOADING_PROVINCE"
    })
    void wellFormedRowsThatAnOfficerMustDecideAreHeldForReview(SheetColumn column, String value, ProblemCode code) {
        Map<SheetColumn, SheetCell> cells = sitiAminahRow();
        put(cells, column, value);

        RowVerdict verdict = validate(cells);

        assertThat(verdict.outcome()).isEqualTo(RowVerdict.Outcome.HELD_FOR_REVIEW);
        assertThat(verdict.problems()).extracting(Problem::code).contains(code);
        assertThat(verdict.returnee()).isPresent();
    }

    @ParameterizedTest
    @CsvSource({
        "JENIS_KELAMIN, X, SEX_INVALID",
        "KATEGORI, KORBAN, CATEGORY_INVALID",
        "STATUS_DTKS, MUNGKIN, YES_NO_INVALID",
        "DESIL_DTSEN, 11, DTSEN_DECILE_INVALID",
        "DESIL_DTSEN, miskin, DTSEN_DECILE_INVALID",
        "NO_REKENING, 0123-0101-ABC, ACCOUNT_NOT_DIGITS"
    })
    void malformedValuesAreRejectedWithTheColumnNamed(SheetColumn column, String value, ProblemCode code) {
        Map<SheetColumn, SheetCell> cells = sitiAminahRow();
        put(cells, column, value);

        assertRejectedOn(cells, code, column.sheetName());
    }

    @Test
    void anUnknownDestinationIsOnlyAWarning() {
        Map<SheetColumn, SheetCell> cells = sitiAminahRow();
        put(cells, SheetColumn.NEGARA_TUJUAN, "MALAYSIA");

        RowVerdict verdict = validate(cells);

        assertThat(verdict.outcome()).isEqualTo(RowVerdict.Outcome.ACCEPTED);
        assertThat(verdict.problems()).extracting(Problem::code).containsExactly(ProblemCode.COUNTRY_CODE_INVALID);
        assertThat(verdict.returnee().orElseThrow().destinationCountry()).isNull();
    }
}

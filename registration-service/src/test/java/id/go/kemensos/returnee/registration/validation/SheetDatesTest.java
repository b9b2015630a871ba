package id.go.kemensos.returnee.registration.validation;

import static id.go.kemensos.returnee.registration.validation.ProblemCode.DATE_INVALID;
import static id.go.kemensos.returnee.registration.validation.ProblemCode.REQUIRED_MISSING;
import static id.go.kemensos.returnee.registration.validation.ProblemCode.RETURN_DATE_IN_FUTURE;
import static id.go.kemensos.returnee.registration.validation.ValidationFixtures.CLOCK;
import static id.go.kemensos.returnee.registration.validation.ValidationFixtures.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SheetDatesTest {

    private final SheetDates dates = new SheetDates(CLOCK);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "15-08-1990,          1990-08-15",
        "15/08/1990,          1990-08-15",
        "1990-08-15,          1990-08-15",
        "15.08.1990,          1990-08-15",
        "5-8-1990,            1990-08-05",
        "5/8/1990,            1990-08-05",
        "1990-8-5,            1990-08-05",
        "' 15-08-1990 ',      1990-08-15",
        "1990-08-15 00:00:00, 1990-08-15",
        "1990-08-15T00:00,    1990-08-15",
        "15/08/1990 00:00,    1990-08-15",
        "33100,               1990-08-15",
        "33100.0,             1990-08-15",
        "33100.75,            1990-08-15",
        "43710,               2019-09-02",
        "02-09-2019,          2019-09-02",
        "29-02-2020,          2020-02-29",
        "29/02/2000,          2000-02-29"
    })
    void readsTheFormatsOfficesWrite(String typed, LocalDate expected) {
        assertThat(dates.parse(typed)).contains(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "31-02-2020",
                "29-02-2019",
                "29-02-1900",
                "32-01-2020",
                "15-13-1990",
                "2020-13-01",
                "08/15/1990",
                "15-08-90",
                "15 Agustus 1990",
                "15081990",
                "2019",
                "1234",
                "tidak tahu",
                "15-08/1990"
            })
    void refusesWhatIsNoDateOrNotInTheCalendar(String typed) {
        assertThat(dates.parse(typed)).isEmpty();
    }

    @Test
    void explainsAnInvalidDateInBothLanguages() {
        assertThat(dates.date("tanggal_lahir", "31-02-2020").problems())
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.code()).isEqualTo(DATE_INVALID);
                    assertThat(p.column()).isEqualTo("tanggal_lahir");
                    assertThat(p.messageId()).contains("31-02-2020", "15-08-1990");
                    assertThat(p.messageEn()).contains("31-02-2020", "DD-MM-YYYY");
                });
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void requiresTheDate(String typed) {
        assertThat(dates.returnDate(typed).problems())
                .extracting(Problem::code, Problem::column)
                .containsExactly(tuple(REQUIRED_MISSING, "tanggal_kepulangan"));
    }

    @ParameterizedTest(name = "returned {0}: future = {1}")
    @CsvSource({
        "02-09-2019, false",
        "01-06-2026, false",
        "31-05-2026, false",
        "02-06-2026, true",
        "2027-01-01, true",
        "46175, true"
    })
    void rejectsAReturnDateInTheFuture(String typed, boolean future) {
        Checked<LocalDate> check = dates.returnDate(typed);

        assertThat(check.value().isEmpty()).isEqualTo(future);
        if (future) {
            assertThat(check.problems()).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo(RETURN_DATE_IN_FUTURE);
                assertThat(p.column()).isEqualTo("tanggal_kepulangan");
                assertThat(p.severity()).isEqualTo(Severity.ERROR);
                assertThat(p.messageId()).contains("masa depan");
            });
        } else {
            assertThat(check.problems()).isEmpty();
        }
    }

    @Test
    void usesTheInjectedClockForToday() {
        assertThat(dates.returnDate(TODAY.toString()).problems()).isEmpty();
        assertThat(dates.returnDate(TODAY.plusDays(1).toString()).problems())
                .extracting(Problem::code)
                .containsExactly(RETURN_DATE_IN_FUTURE);
    }

    @Test
    void rejectsABirthDateInTheFuture() {
        assertThat(dates.birthDate("15-08-2090").problems())
                .extracting(Problem::code, Problem::column)
                .containsExactly(tuple(DATE_INVALID, "tanggal_lahir"));
        assertThat(dates.birthDate("15-08-1990").value()).contains(LocalDate.of(1990, 8, 15));
    }
}

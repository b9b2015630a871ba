package id.go.kemensos.returnee.registration.validation;

import static id.go.kemensos.returnee.registration.validation.ProblemCode.PHONE_INVALID;
import static id.go.kemensos.returnee.registration.validation.ProblemCode.PHONE_NOT_MOBILE;
import static id.go.kemensos.returnee.registration.validation.ProblemCode.REQUIRED_MISSING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneValidatorTest {

    private final PhoneValidator validator = new PhoneValidator();

    @ParameterizedTest(name = "{0} -> {1} ({2})")
    @CsvSource(
            quoteCharacter = '"',
            value = {
                "081234567890,       +6281234567890, Telkomsel 0812",
                "0852 1234 5678,     +6285212345678, Telkomsel 0852",
                "0856-1234-5678,     +6285612345678, Indosat 0856",
                "0815 1234 567,      +628151234567,  Indosat 0815",
                "0817 1234 5678,     +6281712345678, XL 0817",
                "0878-1234-5678,     +6287812345678, XL 0878",
                "0896 1234 5678,     +6289612345678, Tri 0896",
                "+62 812-3456-7890,  +6281234567890, international form",
                "6281234567890,      +6281234567890, country code without +",
                "'081234567890,      +6281234567890, text-marked cell",
                "81234567890,        +6281234567890, Excel dropped the leading 0",
                "+60 12-345 6789,    +60123456789,   Malaysian SIM",
                "+60 11-2345 6789,   +601123456789,  Malaysian SIM, 11 prefix"
            })
    void normalisesValidNumbersToE164(String typed, String e164, String what) {
        Checked<String> check = validator.validate(typed);

        assertThat(check.problems()).as(what).isEmpty();
        assertThat(check.value()).as(what).contains(e164);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0812", "12345", "0812345", "081234567890123456", "021", "0000000000", "+62 000 1234 5678"})
    void rejectsNumbersThatAreNotValid(String typed) {
        Checked<String> check = validator.validate(typed);

        assertThat(check.value()).isEmpty();
        assertThat(check.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(PHONE_INVALID);
            assertThat(p.severity()).isEqualTo(Severity.ERROR);
            assertThat(p.column()).isEqualTo("no_hp");
            assertThat(p.messageId()).contains("08", "10-13 digit");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"0812-ABCD-5678", "08I2345678O0", "nomor hp"})
    void rejectsLettersInsteadOfReadingThemAsAKeypad(String typed) {
        assertThat(validator.validate(typed).problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(PHONE_INVALID);
            assertThat(p.messageId()).contains("huruf");
        });
    }

    @Test
    void explainsAPhoneNumberExcelTurnedIntoScientificNotation() {
        assertThat(validator.validate("8.12346E+10").problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(PHONE_INVALID);
            assertThat(p.messageEn()).contains("Excel", "Text");
        });
    }

    @Test
    void acceptsALandlineButWarnsThatItCannotReceiveSms() {
        Checked<String> check = validator.validate("(0370) 631234");

        assertThat(check.value()).contains("+62370631234");
        assertThat(check.problems())
                .extracting(Problem::code, Problem::severity)
                .containsExactly(tuple(PHONE_NOT_MOBILE, Severity.WARNING));
    }

    @Test
    void agreesWithLibphonenumbersOwnParsingOnCommonShapes() {
        // The validator skips libphonenumber's free-text parse for 08.../+62 8.../8... numbers; it must answer the
        // same.
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        Random random = new Random(20260601);
        String[] prefixes = {"08", "+628", "+62 8", "8", "628", "0", "+62", "021"};
        for (int i = 0; i < 20_000; i++) {
            StringBuilder typed = new StringBuilder(prefixes[random.nextInt(prefixes.length)]);
            int length = 6 + random.nextInt(9);
            for (int d = 0; d < length; d++) {
                typed.append(random.nextInt(10));
                if (random.nextInt(8) == 0) {
                    typed.append(random.nextBoolean() ? ' ' : '-');
                }
            }
            Optional<String> expected;
            try {
                PhoneNumber number = util.parse(typed.toString(), "ID");
                expected = util.isValidNumber(number)
                        ? Optional.of(util.format(number, PhoneNumberFormat.E164))
                        : Optional.empty();
            } catch (NumberParseException e) {
                expected = Optional.empty();
            }
            assertThat(validator.validate(typed.toString()).value())
                    .as(typed.toString())
                    .isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void requiresAPhoneNumber(String typed) {
        assertThat(validator.validate(typed).problems())
                .extracting(Problem::code)
                .containsExactly(REQUIRED_MISSING);
    }
}

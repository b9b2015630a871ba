package id.go.kemensos.returnee.registration.returnee;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneNumbersTest {

    @ParameterizedTest
    @CsvSource({
            "081234567890, +6281234567890",
            "+62 812-3456-7890, +6281234567890",
            "6281234567890, +6281234567890",
            "0819 0712 3456, +6281907123456",
            "+60 12-345 6789, +60123456789"})
    void normalisesWhatOfficersTypeToE164(String typed, String e164) {
        assertThat(PhoneNumbers.toE164(typed)).contains(e164);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12345", "0812", "not a number", "021"})
    void rejectsWhatIsNotAPhoneNumber(String typed) {
        assertThat(PhoneNumbers.toE164(typed)).isEmpty();
    }
}

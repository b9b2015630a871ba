package id.go.kemensos.returnee.contracts.registration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccountHolderNamesTest {

    private final AccountHolderNames names = AccountHolderNames.STANDARD;

    @ParameterizedTest(name = "bank ''{0}'' vs ID card ''{1}'': same person {2}")
    @CsvSource(delimiter = '|', textBlock = """
            SITI AMINAH                 | SITI AMINAH           | true
            siti  aminah.               | SITI AMINAH           | true
            HJ. SITI AMINAH             | SITI AMINAH           | true
            AMINAH SITI                 | SITI AMINAH           | true
            LALU MUHAMMAD ZAINI         | LALU MUHAMAD ZAINI    | true
            BAIQ NURUL HIDAYATI         | LALU MUHAMMAD ZAINI   | false
            AHMAD FAUZI                 | AHMAD FAUZAN          | false
            ''                          | SITI AMINAH           | false
            SITI AMINAH                 | SITI AMINAH BINTI ALI | false
            """)
    void takesAbbreviationsTitlesAndOrderAsTheSamePersonButNotAnotherName(
            String fromBank, String registered, boolean same) {
        assertThat(names.compare(fromBank, registered).matches()).isEqualTo(same);
    }
}

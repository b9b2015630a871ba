package id.go.kemensos.returnee.contracts.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class BankCodesTest {

    private static final BankCodes BANKS = BankCodes.load();

    @ParameterizedTest
    @CsvSource({
        "002, BRI, 15",
        "008, Mandiri, 13",
        "009, BNI, 10",
        "014, BCA, 10",
        "200, BTN, 16",
        "451, BSI, 10",
        "022, CIMB Niaga, 13",
        "028, OCBC NISP, 12"
    })
    void knowsTheUsualAccountLengthOfNationalBanks(String code, String shortName, int length) {
        assertThat(BANKS.find(code)).hasValueSatisfying(bank -> {
            assertThat(bank.code()).isEqualTo(code);
            assertThat(bank.shortName()).isEqualTo(shortName);
            assertThat(bank.accountLength()).isEqualTo(OptionalInt.of(length));
        });
    }

    @ParameterizedTest
    @CsvSource({
        "128, Bank NTB Syariah",
        "129, BPD Bali",
        "130, Bank NTT",
        "110, BJB",
        "113, Bank Jateng",
        "114, Bank Jatim",
        "121, Bank Lampung",
        "123, Bank Kalbar",
        "126, Bank Sulselbar",
        "117, Bank Sumut"
    })
    void knowsRegionalBanksWithoutALengthNorm(String code, String shortName) {
        assertThat(BANKS.find(code)).hasValueSatisfying(bank -> {
            assertThat(bank.shortName()).isEqualTo(shortName);
            assertThat(bank.accountLength()).isEmpty();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"422", "427"})
    void mapsLegacyIslamicBankCodesToBsi(String legacy) {
        assertThat(BANKS.find(legacy)).hasValueSatisfying(bank -> {
            assertThat(bank.code()).isEqualTo("451");
            assertThat(bank.shortName()).isEqualTo("BSI");
        });
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"999", "2", "0002"})
    void findsNoBankForUnknownCodes(String code) {
        assertThat(BANKS.find(code)).isEmpty();
    }

    @Test
    void toleratesSurroundingSpaces() {
        assertThat(BANKS.find(" 002 ")).map(BankCodes.Bank::shortName).contains("BRI");
    }
}

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

    @ParameterizedTest
    @CsvSource({
        "111, Bank DKI",
        "116, Bank Aceh",
        "122, Bank Kalsel",
        "132, Bank Papua",
        "118, Bank Nagari",
        "124, Bankaltimtara",
        "127, Bank SulutGo"
    })
    void knowsEveryProvincesRegionalBank(String code, String shortName) {
        assertThat(BANKS.find(code))
                .hasValueSatisfying(bank -> assertThat(bank.shortName()).isEqualTo(shortName));
    }

    @ParameterizedTest
    @CsvSource({
        "Bank BRI, 002",
        "BRI, 002",
        "bank rakyat indonesia, 002",
        "PT. Bank Mandiri (Persero) Tbk., 008",
        "BNI 46, 009",
        "Bank NTB, 128",
        "Bank NTB Syariah, 128",
        "BPD NTB, 128",
        "BPD Jawa Timur, 114",
        "Bank Jatim, 114",
        "Bank Syariah Indonesia, 451",
        "BRI Syariah, 451",
        "Bank DKI, 111"
    })
    void aSheetThatNamesTheBankInsteadOfItsCodeIsUnderstood(String name, String code) {
        assertThat(BANKS.findByName(name))
                .hasValueSatisfying(bank -> assertThat(bank.code()).isEqualTo(code));
    }

    @org.junit.jupiter.api.Test
    void everyShortNameFitsWhereAnSmsNamesTheBank() {
        assertThat(BANKS.all()).hasSizeGreaterThanOrEqualTo(60);
        assertThat(BANKS.all())
                .as("SmsTemplatesTest checks every text with a 16-character bank name")
                .allSatisfy(bank -> assertThat(bank.shortName()).hasSizeLessThanOrEqualTo(16));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bank Antah Berantah", "Bank", "PT Tbk"})
    @NullAndEmptySource
    void aNameNoBankGoesByIsNotGuessed(String name) {
        assertThat(BANKS.findByName(name)).isEmpty();
    }
}

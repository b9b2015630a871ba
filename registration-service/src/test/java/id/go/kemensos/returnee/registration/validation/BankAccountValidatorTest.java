package id.go.kemensos.returnee.registration.validation;

import static id.go.kemensos.returnee.registration.validation.ProblemCode.ACCOUNT_LENGTH_UNUSUAL;
import static id.go.kemensos.returnee.registration.validation.ProblemCode.ACCOUNT_NOT_DIGITS;
import static id.go.kemensos.returnee.registration.validation.ProblemCode.BANK_CODE_UNKNOWN;
import static id.go.kemensos.returnee.registration.validation.ProblemCode.HOLDER_NAME_MISSING;
import static id.go.kemensos.returnee.registration.validation.ProblemCode.REQUIRED_MISSING;
import static id.go.kemensos.returnee.registration.validation.ValidationFixtures.BANKS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import id.go.kemensos.returnee.registration.validation.BankAccountValidator.BankAccount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class BankAccountValidatorTest {

    /** The sample sheet's BRI account: 15 digits, leading zero kept because the column was typed as text. */
    private static final String SITI_AMINAH_BRI_ACCOUNT = "012301012345501";

    private final BankAccountValidator validator = new BankAccountValidator(BANKS);

    @Test
    void acceptsTheSampleSheetsBriAccount() {
        Checked<BankAccount> check = validator.validate("002", SITI_AMINAH_BRI_ACCOUNT, "SITI AMINAH");

        assertThat(check.problems()).isEmpty();
        assertThat(check.value()).hasValueSatisfying(account -> {
            assertThat(account.bank().shortName()).isEqualTo("BRI");
            assertThat(account.accountNumber()).isEqualTo(SITI_AMINAH_BRI_ACCOUNT);
            assertThat(account.holderName()).isEqualTo("SITI AMINAH");
        });
    }

    @ParameterizedTest(name = "bank code {0} -> {1}")
    @CsvSource({
        "002, 002",
        "2, 002",
        "02, 002",
        "2.0, 002",
        " 002 , 002",
        "14, 014",
        "427, 451",
        "422, 451",
        "451, 451",
        "128, 128"
    })
    void padsNumberTypedBankCodesAndMapsLegacyCodes(String typed, String code) {
        assertThat(validator.validate(typed, "0123456789", "SITI AMINAH").value())
                .map(account -> account.bank().code())
                .contains(code);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(
            quoteCharacter = '"',
            value = {
                "002, 0123-0101-2345-501",
                "002, 0123 0101 2345 501",
                "002, 0123.0101.2345.501",
                "002, '012301012345501"
            })
    void stripsSeparatorsFromAccountNumbers(String bank, String typed) {
        assertThat(validator.validate(bank, typed, "SITI AMINAH").value())
                .map(BankAccount::accountNumber)
                .contains(SITI_AMINAH_BRI_ACCOUNT);
    }

    @ParameterizedTest(name = "{0} with {1} digits")
    @CsvSource({
        "002, 0123456789,        true",
        "002, 12301012345501,    true",
        "002, 0123010123455011,  false",
        "009, 012345678,         true",
        "014, 01234567890,       false",
        "451, 01234567,          true",
        "427, 01234567,          true"
    })
    void warnsWhenTheAccountLengthIsOffTheBanksNorm(String bank, String account, boolean shorter) {
        Checked<BankAccount> check = validator.validate(bank, account, "SITI AMINAH");

        assertThat(check.value()).as("a warning keeps the account").isPresent();
        assertThat(check.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(ACCOUNT_LENGTH_UNUSUAL);
            assertThat(p.severity()).isEqualTo(Severity.WARNING);
            assertThat(p.messageId().contains("angka 0 di depan")).isEqualTo(shorter);
            assertThat(p.messageEn()).contains("usually have", "digits; this one has " + account.length());
        });
    }

    @ParameterizedTest(name = "kode_bank {0}, nama_bank {1} -> {2}")
    @CsvSource(
            nullValues = "null",
            value = {
                "null, Bank BRI, 002",
                "'',   BPD Jawa Timur, 114",
                "null, Bank NTB, 128",
                "451,  Bank BRI, 451",
            })
    void aSheetWithOnlyTheBanksNameIsPaidToThatBankAndTheCodeWinsWhereBothAreGiven(
            String code, String name, String expected) {
        Checked<BankAccount> check = validator.validate(code, name, "0123456789", "SITI AMINAH");
        assertThat(check.problems())
                .as("a length that only warns, at most")
                .allSatisfy(p -> assertThat(p.code()).isEqualTo(ProblemCode.ACCOUNT_LENGTH_UNUSUAL));
        assertThat(check.value().orElseThrow().bank().code()).isEqualTo(expected);
    }

    @Test
    void aBankNameNoBankGoesByIsRefusedWithTheColumnToFill() {
        Checked<BankAccount> check = validator.validate(null, "Bank Antah Berantah", "0123456789", "SITI AMINAH");
        assertThat(check.value()).isEmpty();
        assertThat(check.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(ProblemCode.BANK_NAME_UNKNOWN);
            assertThat(p.messageId()).contains("Bank Antah Berantah", "kode_bank");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "12345678901234567890", "0000123"})
    void acceptsAnyLengthWhereTheBankHasNoNorm(String account) {
        assertThat(validator.validate("128", account, "LALU MUHAMMAD ZAINI").problems())
                .isEmpty();
    }

    @ParameterizedTest(name = "{0} / {1} / {2} -> {3}")
    @CsvSource(
            nullValues = "null",
            value = {
                "999, 012301012345501,   SITI AMINAH, BANK_CODE_UNKNOWN",
                "BRI, 012301012345501,   SITI AMINAH, BANK_CODE_UNKNOWN",
                "0002, 012301012345501,  SITI AMINAH, BANK_CODE_UNKNOWN",
                "null, 012301012345501,  SITI AMINAH, REQUIRED_MISSING",
                "002, 01230101234550A,   SITI AMINAH, ACCOUNT_NOT_DIGITS",
                "002, 0123/0101/2345501, SITI AMINAH, ACCOUNT_NOT_DIGITS",
                "002, 1.23010123455E+14, SITI AMINAH, ACCOUNT_SCIENTIFIC_NOTATION",
                "002, null,              SITI AMINAH, REQUIRED_MISSING",
                "002, 012301012345501,   null,        HOLDER_NAME_MISSING",
                "002, 012301012345501,   '   ',       HOLDER_NAME_MISSING"
            })
    void rejectsRowsThatCannotBePaid(String bank, String account, String holder, ProblemCode code) {
        Checked<BankAccount> check = validator.validate(bank, account, holder);

        assertThat(check.value()).isEmpty();
        assertThat(check.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(code);
            assertThat(p.severity()).isEqualTo(Severity.ERROR);
        });
    }

    @Test
    void pointsEachProblemAtItsColumn() {
        assertThat(validator.validate("999", "12A", "").problems())
                .extracting(Problem::column, Problem::code)
                .containsExactly(
                        tuple("kode_bank", BANK_CODE_UNKNOWN),
                        tuple("no_rekening", ACCOUNT_NOT_DIGITS),
                        tuple("nama_pemilik_rekening", HOLDER_NAME_MISSING));
    }

    @Test
    void explainsAnUnknownBankCodeWithExamples() {
        assertThat(validator
                        .validate("999", SITI_AMINAH_BRI_ACCOUNT, "SITI AMINAH")
                        .problems())
                .singleElement()
                .satisfies(p -> assertThat(p.messageId()).contains("999", "002 untuk BRI"));
    }

    @Test
    void neverPrintsAWholeAccountNumber() {
        assertThat(validator
                        .validate("002", SITI_AMINAH_BRI_ACCOUNT, "SITI AMINAH")
                        .value()
                        .orElseThrow()
                        .toString())
                .doesNotContain(SITI_AMINAH_BRI_ACCOUNT)
                .contains("5501");
    }

    @ParameterizedTest
    @NullAndEmptySource
    void requiresABankCode(String code) {
        assertThat(validator
                        .validate(code, SITI_AMINAH_BRI_ACCOUNT, "SITI AMINAH")
                        .problems())
                .extracting(Problem::column, Problem::code)
                .containsExactly(tuple("kode_bank", REQUIRED_MISSING));
    }
}

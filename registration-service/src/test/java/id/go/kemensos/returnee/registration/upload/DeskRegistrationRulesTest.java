package id.go.kemensos.returnee.registration.upload;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kemensos.returnee.contracts.registration.ReturneeCategory;
import id.go.kemensos.returnee.contracts.registration.Sex;
import id.go.kemensos.returnee.registration.returnee.RegisterReturneeRequest;
import id.go.kemensos.returnee.registration.validation.Checked;
import id.go.kemensos.returnee.registration.validation.Problem;
import id.go.kemensos.returnee.registration.validation.ProblemCode;
import id.go.kemensos.returnee.registration.validation.RegionCodes;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** A desk registration is checked as the row of a list: the same rules, its problems named by the request's fields. */
class DeskRegistrationRulesTest {

    private static final Clock DEC_2026 = Clock.fixed(Instant.parse("2026-12-06T03:00:00Z"), ZoneOffset.UTC);
    private static final RegionCodes REGIONS = RegionCodes.load();
    private final DeskRegistrationRules rules =
            new DeskRegistrationRules(ReturneeRowValidator.forSheets(REGIONS, DEC_2026), REGIONS);

    @Test
    void theLaunchersSampleReturneesPassAndComeBackNormalised() {
        List<RegisterReturneeRequest> sample = JsonMapper.builder()
                .findAndAddModules()
                .build()
                .readValue(Path.of("../infra/sample/returnees.json").toFile(), new TypeReference<>() {});

        assertThat(sample).hasSize(8).allSatisfy(request -> {
            Checked<RegisterReturneeRequest> checked = rules.check(request);
            assertThat(checked.value()).as("%s", checked.problems()).isPresent();
            if (request.phone() != null) {
                assertThat(checked.value().get().phone()).startsWith("+62");
            }
            assertThat(checked.value().get().regencyCode()).isEqualTo(request.regencyCode());
        });
        assertThat(sample.get(2).familyCardNumber())
                .as("the third is the second's wife, on his family card")
                .isEqualTo(sample.get(1).familyCardNumber());
        assertThat(rules.check(sample.get(4)).problems())
                .as("the fifth has no bank account: registered, and paid in cash at a post office")
                .extracting(Problem::code)
                .contains(ProblemCode.BANK_ACCOUNT_NONE);
        assertThat(rules.check(sample.get(6)).problems())
                .as("the seventh has none either, in Kota Mataram, where the grant's bank opens accounts in bulk")
                .extracting(Problem::code)
                .contains(ProblemCode.BANK_ACCOUNT_NONE);
        assertThat(sample.get(6).regencyCode()).isEqualTo("5271");
        assertThat(rules.check(sample.get(7)).problems())
                .as("the eighth has no phone: registered, and told in person")
                .extracting(Problem::code)
                .contains(ProblemCode.PHONE_NONE);
    }

    @Test
    void anAccountIsAllOrNothingNeverHalfGiven() {
        RegisterReturneeRequest halfAccount = new RegisterReturneeRequest(
                "5202015508900001",
                "SITI AMINAH",
                Sex.FEMALE,
                LocalDate.of(1990, 8, 15),
                "52",
                "5202",
                ReturneeCategory.PMIB_DEPORTEE,
                "BP3MI",
                null,
                "MY",
                LocalDate.of(2019, 9, 2),
                "081234567890",
                "002",
                null,
                null,
                true,
                2,
                true,
                null);

        assertThat(halfAccount.isAccountComplete()).isFalse();
        Checked<RegisterReturneeRequest> checked = rules.check(halfAccount);
        assertThat(checked.value()).isEmpty();
        assertThat(checked.problems()).extracting(Problem::code).doesNotContain(ProblemCode.BANK_ACCOUNT_NONE);
    }

    @Test
    void aNikThatDisagreesWithTheBirthDateIsHeldBackWithTheFieldsNamed() {
        Checked<RegisterReturneeRequest> checked = rules.check(siti("5202015508900001", LocalDate.of(1991, 8, 15)));

        assertThat(checked.value()).isEmpty();
        assertThat(checked.problems())
                .extracting(Problem::code, Problem::column)
                .contains(org.assertj.core.groups.Tuple.tuple(ProblemCode.NIK_BIRTH_DATE_MISMATCH, "birthDate"));
    }

    @Test
    void sixteenDigitsAreNotEnough() {
        Checked<RegisterReturneeRequest> checked = rules.check(siti("5202017508900001", LocalDate.of(1990, 8, 15)));

        assertThat(checked.value()).isEmpty();
        assertThat(checked.problems()).extracting(Problem::code).contains(ProblemCode.NIK_BIRTH_DATE_INVALID);
    }

    private static RegisterReturneeRequest siti(String nik, LocalDate born) {
        return new RegisterReturneeRequest(
                nik,
                "SITI AMINAH",
                Sex.FEMALE,
                born,
                "52",
                "5202",
                ReturneeCategory.PMIB_DEPORTEE,
                "BP3MI",
                null,
                "MY",
                LocalDate.of(2019, 9, 2),
                "081234567890",
                "002",
                "012301012345501",
                "SITI AMINAH",
                true,
                3,
                true,
                null);
    }
}

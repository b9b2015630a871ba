package id.go.kemensos.returnee.eligibility.decision;

import id.go.kemensos.returnee.contracts.eligibility.Outcome;
import id.go.kemensos.returnee.contracts.registration.BankAccount;
import id.go.kemensos.returnee.contracts.registration.ReturneeCategory;
import id.go.kemensos.returnee.contracts.registration.ReturneeRegistered;
import id.go.kemensos.returnee.contracts.registration.Sex;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PlaceholderStimulantRuleTest {

    private final PlaceholderStimulantRule rule = new PlaceholderStimulantRule("BSU", "2026", 960_000, 18, "bsu-placeholder", "0.1");

    private static ReturneeRegistered bornOn(LocalDate birthDate) {
        return new ReturneeRegistered(UUID.randomUUID(), "5202**********01", "SITI AMINAH", Sex.FEMALE, birthDate, "52", "5202",
                ReturneeCategory.PMIB_DEPORTEE, "BP3MI", "MY", LocalDate.of(2019, 9, 2), "+6281234567890",
                new BankAccount("002", "012301012345501", "SITI AMINAH"), true, true, null, Instant.now());
    }

    @Test
    void anAdultIsEligibleForTheGrantAmountFromTheDataFile() {
        PlaceholderStimulantRule.Verdict verdict = rule.decide(bornOn(LocalDate.of(1990, 8, 15)), LocalDate.of(2026, 11, 22));

        assertThat(verdict.outcome()).isEqualTo(Outcome.ELIGIBLE);
        assertThat(verdict.grantAmount()).isEqualTo(960_000L);
        assertThat(verdict.failedCriteria()).isEmpty();
    }

    @Test
    void someoneTurningEighteenTomorrowIsNotYetEligible() {
        PlaceholderStimulantRule.Verdict verdict = rule.decide(bornOn(LocalDate.of(2008, 11, 23)), LocalDate.of(2026, 11, 22));

        assertThat(verdict.outcome()).isEqualTo(Outcome.INELIGIBLE);
        assertThat(verdict.grantAmount()).isZero();
        assertThat(verdict.failedCriteria()).containsExactly("C8_ADULT");
    }

    @Test
    void theSameInputsAlwaysGiveTheSameVerdict() {
        ReturneeRegistered siti = bornOn(LocalDate.of(1990, 8, 15));

        assertThat(rule.decide(siti, LocalDate.of(2026, 1, 1))).isEqualTo(rule.decide(siti, LocalDate.of(2026, 1, 1)));
    }
}

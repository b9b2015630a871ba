package id.go.kemensos.returnee.eligibility.decision;

import id.go.kemensos.returnee.contracts.eligibility.CriterionOutcome;
import id.go.kemensos.returnee.privacy.PersonalDataCipher;
import java.util.Collection;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * A decision's personal inputs (a birth date, a category, a referral source) sealed with the person's data key wherever
 * the decision is kept, in the decision table and in its event, and opened for the officers who read it: once the
 * person is erased, they read {@link CriterionOutcome#ERASED} and the rest of the decision (criteria, results,
 * citations) stays.
 */
@Component
class PersonalInputs {

    private final PersonalDataCipher cipher;

    PersonalInputs(PersonalDataCipher cipher) {
        this.cipher = cipher;
    }

    Decision sealed(Decision decision) {
        UUID person = decision.beneficiaryId();
        return decision.withCriteria(c -> c.withInputs(
                CriterionOutcome.PERSONAL_INPUTS,
                (name, value) -> value == null || isSealed(value)
                        ? value
                        : cipher.seal(person, CriterionOutcome.sealedField(name), String.valueOf(value))));
    }

    Decision opened(Decision decision) {
        UUID person = decision.beneficiaryId();
        return decision.withCriteria(c -> c.withInputs(
                CriterionOutcome.PERSONAL_INPUTS,
                (name, value) -> isSealed(value)
                        ? cipher.open(person, CriterionOutcome.sealedField(name), (String) value)
                                .orElse(CriterionOutcome.ERASED)
                        : value));
    }

    /** Reads these people's keys in one go before a page of their decisions is opened. */
    void loadKeys(Collection<UUID> people) {
        cipher.loadKeys(people);
    }

    private static boolean isSealed(Object value) {
        return value instanceof String text && PersonalDataCipher.isSealed(text);
    }
}

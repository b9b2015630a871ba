package id.go.kemensos.returnee.eligibility.decision;

import id.go.kemensos.returnee.contracts.eligibility.Outcome;
import id.go.kemensos.returnee.contracts.registration.ReturneeRegistered;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;

/**
 * PLACEHOLDER for the backbone (issue 2): one criterion, adult age, read from a data file. The versioned rule sets for
 * Laws 21/2007, 18/2017 and 11/2009 and criteria C1 to C9 (issue 4) replace it.
 */
@Component
class PlaceholderStimulantRule {

    private final String programId;
    private final String cycleId;
    private final long grantAmount;
    private final int minimumAge;
    private final String ruleSetId;
    private final String ruleSetVersion;

    PlaceholderStimulantRule(@Value("${program.id}") String programId, @Value("${program.cycle}") String cycleId,
                             @Value("${program.grant-amount}") long grantAmount, @Value("${program.minimum-age}") int minimumAge,
                             @Value("${rule-set.id}") String ruleSetId, @Value("${rule-set.version}") String ruleSetVersion) {
        this.programId = programId;
        this.cycleId = cycleId;
        this.grantAmount = grantAmount;
        this.minimumAge = minimumAge;
        this.ruleSetId = ruleSetId;
        this.ruleSetVersion = ruleSetVersion;
    }

    Verdict decide(ReturneeRegistered registration, LocalDate today) {
        boolean adult = Period.between(registration.birthDate(), today).getYears() >= minimumAge;
        return adult
                ? new Verdict(programId, cycleId, Outcome.ELIGIBLE, grantAmount, List.of("BUSINESS_STIMULANT_GRANT"), List.of(), ruleSetId, ruleSetVersion)
                : new Verdict(programId, cycleId, Outcome.INELIGIBLE, 0, List.of(), List.of("C8_ADULT"), ruleSetId, ruleSetVersion);
    }

    record Verdict(String programId, String cycleId, Outcome outcome, long grantAmount, List<String> entitlements,
                   List<String> failedCriteria, String ruleSetId, String ruleSetVersion) {
    }
}

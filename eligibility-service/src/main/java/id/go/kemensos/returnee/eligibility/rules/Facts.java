package id.go.kemensos.returnee.eligibility.rules;

import id.go.kemensos.returnee.contracts.registration.AccountHolderNames;
import id.go.kemensos.returnee.contracts.registration.ReturneeCategory;
import id.go.kemensos.returnee.contracts.registration.TraffickingStatus;
import java.time.LocalDate;
import java.time.Period;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * What eligibility knows of a registration, from registration-service's events, plus the grants already paid. The rule
 * files name these facts in their criteria; {@link #NAMES} is the vocabulary, checked when a rule set loads.
 *
 * @param traffickingStatus NONE, INDICATED or IDENTIFIED (a victim of trafficking, apart from the category); null in
 *     facts kept before it was, when the category implies it
 * @param dtsenDecile the household's welfare decile in DTSEN (1 poorest .. 10); null when the registration gave none
 * @param paidGrants "programId/cycle" of every grant paid to this person
 * @param familyHasReturnedWorker for a family member (KELUARGA_PMI): whether a returned migrant worker on their family
 *     card is registered; null for anyone else, and for a family member given no card
 */
public record Facts(
        boolean nikValidated,
        String sex,
        LocalDate birthDate,
        String provinceCode,
        String regencyCode,
        String category,
        String referralSource,
        String traffickingStatus,
        String destinationCountry,
        LocalDate returnDate,
        LocalDate registrationDate,
        String fullName,
        String bankCode,
        String accountHolderName,
        Boolean dtksListed,
        Integer dtsenDecile,
        Boolean attendedSocialGuidance,
        Set<String> paidGrants,
        Boolean familyHasReturnedWorker) {

    public static final Set<String> NAMES = Set.of(
            "nikValidated",
            "sex",
            "birthDate",
            "provinceCode",
            "regencyCode",
            "category",
            "referralSource",
            "traffickingStatus",
            "destinationCountry",
            "returnDate",
            "registrationDate",
            "relevantDate",
            "ageAtRelevantDate",
            "bankCode",
            "accountHolderMatchesName",
            "dtksListed",
            "dtsenDecile",
            "attendedSocialGuidance",
            "alreadyPaidThisCycle",
            "familyHasReturnedWorker");

    public Facts {
        paidGrants = paidGrants == null ? Set.of() : Set.copyOf(paidGrants);
    }

    /** The date that picks a rule set's version, for a decision made on {@code decisionDate}. */
    public LocalDate dateFor(RuleSet.RelevantDate relevantDate, LocalDate decisionDate) {
        return switch (relevantDate) {
            case RETURN_DATE -> returnDate;
            case REGISTRATION_DATE -> registrationDate;
            case DECISION_DATE -> decisionDate;
        };
    }

    /**
     * The facts as a rule set sees them, for a decision made on {@code decisionDate}: dates and age at its relevant
     * date, payment history for its program year.
     */
    Map<String, Object> forRuleSet(RuleSet set, LocalDate decisionDate) {
        LocalDate relevant = dateFor(set.relevantDate(), decisionDate);
        Map<String, Object> values = new HashMap<>();
        values.put("nikValidated", nikValidated);
        values.put("sex", sex);
        values.put("birthDate", birthDate);
        values.put("provinceCode", provinceCode);
        values.put("regencyCode", regencyCode);
        values.put("category", category);
        values.put("referralSource", referralSource);
        values.put("traffickingStatus", traffickingStatusOrImplied());
        values.put("destinationCountry", destinationCountry);
        values.put("returnDate", returnDate);
        values.put("registrationDate", registrationDate);
        values.put("relevantDate", relevant);
        values.put("ageAtRelevantDate", ageOn(relevant));
        values.put("bankCode", bankCode);
        values.put(
                "accountHolderMatchesName",
                accountHolderName == null || fullName == null
                        ? null
                        : AccountHolderNames.STANDARD
                                .compare(accountHolderName, fullName)
                                .matches()); // as the bank check compares
        values.put("dtksListed", dtksListed);
        values.put("dtsenDecile", dtsenDecile);
        values.put("attendedSocialGuidance", attendedSocialGuidance);
        values.put("alreadyPaidThisCycle", set.program() == null ? null : paidUnder(set));
        values.put("familyHasReturnedWorker", familyHasReturnedWorker);
        return values;
    }

    /** The status kept, or for facts kept before it was, the one their category implies. */
    public String traffickingStatusOrImplied() {
        if (traffickingStatus != null) {
            return traffickingStatus;
        }
        return category == null ? null : TraffickingStatus.implied(category).name();
    }

    /** Whether the person is a family member of a migrant worker rather than a returnee. */
    public boolean familyMember() {
        return ReturneeCategory.KELUARGA_PMI.name().equals(category);
    }

    /** Whether the person is a returned or deported migrant worker. */
    public boolean returnedWorker() {
        return ReturneeCategory.PMIB_DEPORTEE.name().equals(category)
                || ReturneeCategory.PMI_PURNA.name().equals(category);
    }

    /** Age in whole years on {@code date}; null when the birth date or the date is unknown. */
    public Integer ageOn(LocalDate date) {
        return birthDate == null || date == null
                ? null
                : Period.between(birthDate, date).getYears();
    }

    /** Whether the grant of this rule set's program year was paid to this person already. */
    public boolean paidUnder(RuleSet set) {
        return paidGrants.contains(set.programId() + "/" + set.cycleId());
    }
}

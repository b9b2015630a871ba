package id.go.kemensos.returnee.contracts.program;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A grant program as declared in {@code programs/<programId>.yaml}: what each service needs of it besides the rules
 * (which eligibility keeps, versioned by program year, in the rule set named here).
 *
 * @param ruleSet the id of the eligibility rule set that decides it
 * @param drivesReturneeStatus whether its decision is the status registration shows for a returnee (one program only)
 * @param sms SMS texts by language, then by template name (ELIGIBLE, NOT_ELIGIBLE, PAYMENT_SENT, ...)
 * @param refusalReasons the plain-words reason for each criterion of the rule set, by language
 * @param cashClaimDays how many days a person without a bank account has to collect the grant in cash at a post office,
 *     from the day PT Pos issues the claim ({@value #DEFAULT_CASH_CLAIM_DAYS} when the declaration says nothing)
 * @param collectiveAccounts where a Himbara bank opens accounts in bulk (rekening kolektif) for payees who have none;
 *     null: the program has no such agreement, and everyone without an account collects the grant at a post office
 * @param source where it was read from, for messages that name it
 */
public record Program(
        String programId,
        Title title,
        String ruleSet,
        boolean drivesReturneeStatus,
        Map<String, Map<String, String>> sms,
        Map<String, Map<String, String>> refusalReasons,
        Integer cashClaimDays,
        CollectiveAccounts collectiveAccounts,
        String source) {

    /** The languages a returnee may be told in: Bahasa Indonesia (the default) and English on request. */
    public static final List<String> LANGUAGES = List.of("id", "en");

    public record Title(String id, String en) {}

    public static final int DEFAULT_CASH_CLAIM_DAYS = 30;

    /**
     * The program's agreement with a state-owned (Himbara) bank: for a payee without an account who lives in one of
     * {@code regencies}, the platform asks {@code bankCode} to open one (rekening kolektif), checks it and pays it; the
     * person activates it at the bank with their KTP. Elsewhere the cash waits at a post office.
     *
     * @param basis the agreement or regulation it rests on, shown to auditors
     */
    public record CollectiveAccounts(String bankCode, List<String> regencies, String basis) {

        public CollectiveAccounts {
            if (bankCode == null || !bankCode.matches("\\d{3}")) {
                throw new IllegalArgumentException(
                        "collectiveAccounts.bankCode must be a 3-digit bank code: " + bankCode);
            }
            regencies = regencies == null ? List.of() : List.copyOf(regencies);
            for (String regency : regencies) {
                if (regency == null || !regency.matches("\\d{4}")) {
                    throw new IllegalArgumentException(
                            "collectiveAccounts.regencies must be 4-digit regency codes: " + regency);
                }
            }
        }
    }

    public Program {
        sms = sms == null ? Map.of() : Map.copyOf(sms);
        refusalReasons = refusalReasons == null ? Map.of() : Map.copyOf(refusalReasons);
        cashClaimDays = cashClaimDays == null ? DEFAULT_CASH_CLAIM_DAYS : cashClaimDays;
        if (cashClaimDays < 1) {
            throw new IllegalArgumentException("cashClaimDays of program " + programId + " must be at least 1");
        }
    }

    Program from(String where) {
        return new Program(
                programId,
                title,
                ruleSet,
                drivesReturneeStatus,
                sms,
                refusalReasons,
                cashClaimDays,
                collectiveAccounts,
                where);
    }

    /** The bank that opens an account for a payee without one who lives in this regency, if the program has one. */
    public Optional<String> collectiveAccountBank(String regencyCode) {
        return collectiveAccounts != null && collectiveAccounts.regencies().contains(regencyCode)
                ? Optional.of(collectiveAccounts.bankCode())
                : Optional.empty();
    }

    public Optional<String> sms(String template, String language) {
        return Optional.ofNullable(sms.getOrDefault(language, Map.of()).get(template));
    }

    /** The reason the person is told when this criterion ruled them out. */
    public Optional<String> refusalReason(String criterion, String language) {
        return Optional.ofNullable(
                refusalReasons.getOrDefault(criterion, Map.of()).get(language));
    }

    /** Each "template (language)" this program has no text for; empty when it has them all. */
    public List<String> missingTexts(Collection<String> templates, Collection<String> languages) {
        List<String> missing = new ArrayList<>();
        for (String language : languages) {
            for (String template : templates) {
                if (sms(template, language).filter(t -> !t.isBlank()).isEmpty()) {
                    missing.add(template + " (" + language + ")");
                }
            }
        }
        return missing;
    }

    /** Each "criterion (language)" this program has no refusal reason for; empty when it has them all. */
    public List<String> missingRefusalReasons(Collection<String> criteria, Collection<String> languages) {
        List<String> missing = new ArrayList<>();
        for (String criterion : criteria) {
            for (String language : languages) {
                if (refusalReason(criterion, language).filter(t -> !t.isBlank()).isEmpty()) {
                    missing.add(criterion + " (" + language + ")");
                }
            }
        }
        return missing;
    }
}

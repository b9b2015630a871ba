package id.go.kemensos.returnee.eligibility.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One version of a law's or a program's rules, as read from its YAML file: what it implements (with citations), when it
 * is in force, which date of a registration selects it, its criteria and the entitlements it grants.
 *
 * @param program     set for a grant program (its id, program year and amount in whole rupiah); null for a law
 * @param parameters  thresholds and lists the criteria refer to as {@code #name}, so that they change as data
 * @param effectiveTo last day in force, inclusive; null while in force
 * @param confidentiality whether its decisions show that someone is (or may be) a trafficking victim; open when absent
 * @param scope       whom it decides: the returnees of some provinces or regencies (a provincial or regency program),
 *                    children only (a child-protection law), or some categories (workers' families); everyone in
 *                    the country when absent
 * @param referral    the service an ELIGIBLE decision refers the person to, as an event of its own; none when absent
 */
public record RuleSet(
        String id,
        String version,
        Kind kind,
        Text title,
        List<Citation> legalBasis,
        LocalDate effectiveFrom,
        LocalDate effectiveTo,
        RelevantDate relevantDate,
        Program program,
        Map<String, Object> parameters,
        List<Criterion> criteria,
        List<Entitlement> entitlements,
        Confidentiality confidentiality,
        Scope scope,
        Referral referral) {

    public enum Kind {
        LAW,
        PROGRAM
    }

    /**
     * Which date picks the version in force: the law on the day of the decision, the program year of registration (the
     * return date is kept for rule sets that were written so).
     */
    public enum RelevantDate {
        RETURN_DATE,
        REGISTRATION_DATE,
        /** The day the decision is made: a law applies as in force then, whenever the person came home. */
        DECISION_DATE
    }

    public record Text(String id, String en) {}

    public record Citation(String instrument, String article) {

        @Override
        public String toString() {
            return instrument + " " + article;
        }
    }

    /**
     * Need to know (Law 21/2007 Art. 44). A restricted rule set's decisions are shown only to protection officers and
     * are published on a restricted topic; its protected inputs (facts that identify a victim) are shown to nobody
     * else, in any decision.
     */
    public record Confidentiality(boolean restricted, List<String> protectedInputs) {

        public static final Confidentiality OPEN = new Confidentiality(false, List.of());

        public Confidentiality {
            protectedInputs = protectedInputs == null ? List.of() : List.copyOf(protectedInputs);
        }
    }

    public record Program(String programId, String cycle, long amount) {}

    /**
     * Whom a rule set applies to: a returnee domiciled in one of the provinces or one of the regencies (BPS codes),
     * younger than {@code underAge} on the relevant date where that is set, and of one of the {@code categories} where
     * those are set (a law on workers' families decides family members only).
     */
    public record Scope(List<String> provinces, List<String> regencies, Integer underAge, List<String> categories) {

        public static final Scope NATIONWIDE = new Scope(List.of(), List.of(), null, List.of());

        public Scope {
            provinces = provinces == null ? List.of() : List.copyOf(provinces);
            regencies = regencies == null ? List.of() : List.copyOf(regencies);
            categories = categories == null ? List.of() : List.copyOf(categories);
        }

        /** @param age the person's age on the relevant date; null when unknown (then no age-bound scope covers them) */
        public boolean covers(String provinceCode, String regencyCode, Integer age, String category) {
            boolean where = (provinces.isEmpty() && regencies.isEmpty())
                    || provinces.contains(provinceCode)
                    || regencies.contains(regencyCode);
            return where
                    && (underAge == null || (age != null && age < underAge))
                    && (categories.isEmpty() || categories.contains(category));
        }
    }

    /**
     * Where an ELIGIBLE decision sends the person: the service (say CHILD_PROTECTION) and the kind of partner that
     * provides it in the person's regency (say UPTD_PPA). The referral is published as an event, for the case worker
     * and the partner; which partner organisation takes it is theirs to settle.
     */
    public record Referral(String service, String partnerType) {}

    public record Entitlement(String code, Text description) {}

    /** What a failed criterion does to the outcome: rule the person out, or send the case to an officer. */
    public enum OnFail {
        INELIGIBLE,
        REVIEW
    }

    /**
     * @param inputs     the facts the rule reads; when one is unknown the criterion is UNKNOWN and is not evaluated
     * @param rule       a SpEL boolean over {@code #fact} and {@code #parameter} variables, evaluated without access to
     *                   types or beans
     * @param reviewWhen for a criterion that rules out on failure: a SpEL boolean like {@code rule} (reading only its
     *                   inputs and the parameters) that, where it holds, sends the failed case to an officer instead;
     *                   none when absent
     * @param optionalInputs facts the rule reads that may be unknown (the rule then decides without them, and must
     *                   say how); shown with the criterion like its inputs
     */
    public record Criterion(
            String id,
            Text description,
            String citation,
            List<String> inputs,
            String rule,
            OnFail onFail,
            String reviewWhen,
            List<String> optionalInputs) {

        public Criterion {
            inputs = inputs == null ? List.of() : List.copyOf(inputs);
            optionalInputs = optionalInputs == null ? List.of() : List.copyOf(optionalInputs);
            onFail = onFail == null ? OnFail.INELIGIBLE : onFail;
        }

        /** The facts it reads, required ones first. */
        public List<String> allInputs() {
            List<String> all = new ArrayList<>(inputs);
            all.addAll(optionalInputs);
            return all;
        }
    }

    public RuleSet {
        legalBasis = legalBasis == null ? List.of() : List.copyOf(legalBasis);
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
        criteria = List.copyOf(criteria);
        entitlements = entitlements == null ? List.of() : List.copyOf(entitlements);
        confidentiality = confidentiality == null ? Confidentiality.OPEN : confidentiality;
        scope = scope == null ? Scope.NATIONWIDE : scope;
        if (!confidentiality.restricted()
                && scope.categories().contains("KPO")
                && !scope.categories().containsAll(List.of("PMIB_DEPORTEE", "PMI_PURNA", "OTHER_PPKS"))) {
            // Whoever has a decision under it would be known to be (or likely be) a victim (Law 21/2007 Art. 44).
            throw new IllegalArgumentException(
                    id + " " + version + ": an open rule set may take in KPO only with every other returnee category");
        }
    }

    /**
     * Whether it decides this returnee, domiciled where they are and as old as they are on {@code relevantDate}; one
     * outside its scope gets no decision under it at all.
     */
    public boolean covers(Facts facts, LocalDate relevantDate) {
        return scope.covers(facts.provinceCode(), facts.regencyCode(), facts.ageOn(relevantDate), facts.category());
    }

    /** Whether its decisions are for protection officers only. */
    public boolean restricted() {
        return confidentiality.restricted();
    }

    public boolean inForceOn(LocalDate date) {
        return !date.isBefore(effectiveFrom) && (effectiveTo == null || !date.isAfter(effectiveTo));
    }

    /** The decision's program id: the grant program's, or the rule set's own id for a law. */
    public String programId() {
        return program != null ? program.programId() : id;
    }

    /** The program year of a grant; a law has none. */
    public String cycleId() {
        return program != null ? program.cycle() : "-";
    }

    public long grantAmount() {
        return program != null ? program.amount() : 0;
    }

    public String label() {
        return id + "@" + version;
    }
}

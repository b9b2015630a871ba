package id.go.kemensos.returnee.eligibility.decision;

import id.go.kemensos.returnee.contracts.eligibility.CriterionOutcome;
import id.go.kemensos.returnee.eligibility.rules.CriterionResult;
import id.go.kemensos.returnee.eligibility.rules.RuleSet;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A decision in words, in Bahasa Indonesia or English, for the officer who must defend it and the auditor who asks why.
 */
final class DecisionExplainer {

    private DecisionExplainer() {}

    static String explain(Decision d, boolean indonesian) {
        Explanation e = d.explanation();
        StringBuilder text = new StringBuilder();
        String rupiah = "Rp "
                + NumberFormat.getIntegerInstance(Locale.forLanguageTag("id-ID"))
                        .format(d.grantAmount());
        if (indonesian) {
            text.append("Keputusan ")
                    .append(d.decisionId())
                    .append(": ")
                    .append(word(d.outcome().name(), true))
                    .append('\n');
            text.append("Aturan: ")
                    .append(e.title().id())
                    .append(" (")
                    .append(e.ruleSetId())
                    .append(" versi ")
                    .append(e.ruleSetVersion())
                    .append(")\nDasar hukum: ")
                    .append(e.legalBasis().stream()
                            .map(RuleSet.Citation::toString)
                            .collect(Collectors.joining("; ")))
                    .append("\nVersi dipilih menurut ")
                    .append(
                            switch (e.relevantDateKind()) {
                                case RETURN_DATE -> "tanggal kepulangan ";
                                case REGISTRATION_DATE -> "tanggal pendaftaran ";
                                case DECISION_DATE -> "tanggal keputusan ";
                            })
                    .append(e.relevantDate())
                    .append('\n');
        } else {
            text.append("Decision ")
                    .append(d.decisionId())
                    .append(": ")
                    .append(d.outcome())
                    .append('\n');
            text.append("Rules: ")
                    .append(e.title().en())
                    .append(" (")
                    .append(e.ruleSetId())
                    .append(" version ")
                    .append(e.ruleSetVersion())
                    .append(")\nLegal basis: ")
                    .append(e.legalBasis().stream()
                            .map(RuleSet.Citation::toString)
                            .collect(Collectors.joining("; ")))
                    .append("\nVersion chosen by the ")
                    .append(
                            switch (e.relevantDateKind()) {
                                case RETURN_DATE -> "return date ";
                                case REGISTRATION_DATE -> "registration date ";
                                case DECISION_DATE -> "decision date ";
                            })
                    .append(e.relevantDate())
                    .append('\n');
        }
        text.append(indonesian ? "Kriteria:\n" : "Criteria:\n");
        for (CriterionResult c : e.criteria()) {
            text.append("- ")
                    .append(c.id())
                    .append(' ')
                    .append(indonesian ? c.description().id() : c.description().en())
                    .append(": ")
                    .append(word(c.result().name(), indonesian));
            if (c.result() == CriterionOutcome.Result.FAILED) {
                text.append(
                        c.onFail() == RuleSet.OnFail.INELIGIBLE
                                ? (indonesian ? " (menggugurkan)" : " (rules out)")
                                : (indonesian ? " (perlu ditinjau petugas)" : " (for an officer to review)"));
            }
            text.append(indonesian ? " — data: " : " — inputs: ")
                    .append(c.inputs())
                    .append(indonesian ? "; dasar: " : "; citation: ")
                    .append(c.citation())
                    .append('\n');
        }
        if (!e.parameters().isEmpty()) {
            text.append(indonesian ? "Ketentuan yang berlaku: " : "Thresholds in force: ")
                    .append(e.parameters())
                    .append('\n');
        }
        if (!e.entitlements().isEmpty()) {
            text.append(indonesian ? "Hak yang diberikan: " : "Entitlements: ")
                    .append(e.entitlements().stream()
                            .map(x -> indonesian
                                    ? x.description().id()
                                    : x.description().en())
                            .collect(Collectors.joining("; ")));
            if (d.grantAmount() > 0) {
                text.append(indonesian ? "; bantuan " : "; grant ").append(rupiah);
            }
            text.append('\n');
        }
        if (d.previousDecisionId() != null) {
            text.append(indonesian ? "Menggantikan keputusan " : "Supersedes decision ")
                    .append(d.previousDecisionId())
                    .append('\n');
        }
        if (d.supersededBy() != null) {
            text.append(indonesian ? "Digantikan oleh keputusan " : "Superseded by decision ")
                    .append(d.supersededBy())
                    .append('\n');
        }
        if (d.override() != null) {
            text.append(indonesian ? "Diputus ulang oleh petugas " : "Overridden by officer ")
                    .append(d.override().officer())
                    .append(": ")
                    .append(word(d.override().outcome().name(), indonesian))
                    .append(indonesian ? ", alasan: " : ", reason: ")
                    .append(d.override().reason())
                    .append('\n');
        }
        return text.toString();
    }

    private static String word(String value, boolean indonesian) {
        if (!indonesian) {
            return value;
        }
        switch (value) {
            case "ELIGIBLE":
                return "LAYAK";
            case "INELIGIBLE":
                return "TIDAK LAYAK";
            case "NEEDS_REVIEW":
                return "PERLU DITINJAU";
            case "PASSED":
                return "terpenuhi";
            case "FAILED":
                return "tidak terpenuhi";
            default:
                return "tidak diketahui";
        }
    }
}

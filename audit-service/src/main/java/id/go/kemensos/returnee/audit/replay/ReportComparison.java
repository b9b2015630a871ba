package id.go.kemensos.returnee.audit.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The replayed totals against disbursement-service's live report, row by row (program, province, regency, state). */
public record ReportComparison(boolean matches, int rowsCompared, List<Difference> differences) {

    /** One group whose count or total differs; a side that has no such row shows 0. */
    public record Difference(
            String programId,
            String provinceCode,
            String regencyCode,
            String state,
            long replayedPayments,
            long livePayments,
            long replayedTotal,
            long liveTotal) {}

    public static ReportComparison of(
            Map<PaymentHistory.TotalKey, PaymentHistory.Total> replayed,
            Map<PaymentHistory.TotalKey, PaymentHistory.Total> live) {
        TreeSet<PaymentHistory.TotalKey> keys = new TreeSet<>(replayed.keySet());
        keys.addAll(live.keySet());
        PaymentHistory.Total none = new PaymentHistory.Total(0, 0);
        List<Difference> differences = new ArrayList<>();
        for (PaymentHistory.TotalKey key : keys) {
            PaymentHistory.Total r = replayed.getOrDefault(key, none);
            PaymentHistory.Total l = live.getOrDefault(key, none);
            if (!r.equals(l)) {
                differences.add(new Difference(
                        key.programId(),
                        key.provinceCode(),
                        key.regencyCode(),
                        key.state(),
                        r.payments(),
                        l.payments(),
                        r.total(),
                        l.total()));
            }
        }
        return new ReportComparison(differences.isEmpty(), keys.size(), differences);
    }
}

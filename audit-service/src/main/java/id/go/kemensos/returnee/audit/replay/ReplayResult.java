package id.go.kemensos.returnee.audit.replay;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What a replay rebuilt, where it wrote it, and how fast it read. */
public record ReplayResult(Run run, List<TotalRow> totals, List<PaymentHistory.Anomaly> anomalies, Figures figures) {

    public record Run(
            String replayId,
            Instant asOf,
            Map<Integer, Long> endOffsets,
            long recordsRead,
            long eventsApplied,
            long duplicates,
            long afterAsOf,
            long unreadable,
            long payments,
            Instant startedAt,
            Instant finishedAt) {}

    public record TotalRow(
            String programId, String provinceCode, String regencyCode, String state, long payments, long total) {}

    /**
     * Reading and folding the topic (of which setting the consumer up, and joining the folds at the end), then writing
     * the fresh schema.
     */
    public record Figures(
            long readMillis,
            double recordsPerSecond,
            long setupMillis,
            long finishMillis,
            long writeMillis,
            long totalMillis) {}

    /** The totals keyed as the live report is, to compare. */
    public Map<PaymentHistory.TotalKey, PaymentHistory.Total> totalsByKey() {
        Map<PaymentHistory.TotalKey, PaymentHistory.Total> byKey = new java.util.TreeMap<>();
        totals.forEach(r -> byKey.put(
                new PaymentHistory.TotalKey(r.programId(), r.provinceCode(), r.regencyCode(), r.state()),
                new PaymentHistory.Total(r.payments(), r.total())));
        return byKey;
    }

    static List<TotalRow> rows(Map<PaymentHistory.TotalKey, PaymentHistory.Total> totals) {
        return totals.entrySet().stream()
                .map(e -> new TotalRow(
                        e.getKey().programId(),
                        e.getKey().provinceCode(),
                        e.getKey().regencyCode(),
                        e.getKey().state(),
                        e.getValue().payments(),
                        e.getValue().total()))
                .toList();
    }
}

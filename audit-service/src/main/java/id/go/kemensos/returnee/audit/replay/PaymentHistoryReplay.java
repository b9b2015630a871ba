package id.go.kemensos.returnee.audit.replay;

import id.go.kemensos.returnee.audit.AuditProperties;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Rebuilds the disbursement history from Kafka alone (as it stands, or as it stood at a moment) into a fresh schema.
 */
@Service
public class PaymentHistoryReplay {

    private static final Logger log = LoggerFactory.getLogger(PaymentHistoryReplay.class);
    private static final DateTimeFormatter SUFFIX =
            DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss_SSS").withZone(ZoneOffset.UTC);

    private final DisbursementEventLog eventLog;
    private final ReplaySchema schemas;
    private final AuditProperties properties;
    private final Clock clock;

    public PaymentHistoryReplay(
            DisbursementEventLog eventLog, ReplaySchema schemas, AuditProperties properties, Clock clock) {
        this.eventLog = eventLog;
        this.schemas = schemas;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * @param asOf the moment to rebuild (null: everything on the topic now); @param schema a fresh schema's name (null:
     * a new one)
     */
    public synchronized ReplayResult replay(Instant asOf, String schema) {
        Instant started = clock.instant();
        String name =
                schema != null ? schemas.checked(schema) : properties.replaySchemaPrefix() + SUFFIX.format(started);
        schemas.create(name);
        long t0 = System.nanoTime();
        PaymentHistory history = new PaymentHistory();
        DisbursementEventLog.Pass pass = eventLog.read(asOf, history);
        long readNanos = System.nanoTime() - t0;
        long t1 = System.nanoTime();
        Collection<ReplayedPayment> payments = history.payments();
        Map<PaymentHistory.TotalKey, PaymentHistory.Total> totals = history.totals();
        List<PaymentHistory.Anomaly> anomalies = history.anomalies();
        ReplayResult.Run run = new ReplayResult.Run(
                name,
                asOf,
                pass.endOffsets(),
                pass.records(),
                history.applied(),
                history.duplicates(),
                pass.afterAsOf(),
                pass.unreadable(),
                payments.size(),
                started,
                clock.instant());
        schemas.write(name, run, payments, totals, anomalies);
        long writeNanos = System.nanoTime() - t1;
        ReplayResult.Figures figures = new ReplayResult.Figures(
                readNanos / 1_000_000,
                pass.records() / Math.max(1e-9, readNanos / 1e9),
                pass.setupMillis(),
                pass.finishMillis(),
                writeNanos / 1_000_000,
                (System.nanoTime() - t0) / 1_000_000);
        log.info(
                "Replay {}{}: {} records read ({} payment events, {} duplicates, {} after as-of) in {} ms ({} "
                        + "records/s), {} payments written in {} ms, {} anomalies",
                name,
                asOf == null ? "" : " as of " + asOf,
                pass.records(),
                history.applied(),
                history.duplicates(),
                pass.afterAsOf(),
                figures.readMillis(),
                Math.round(figures.recordsPerSecond()),
                run.payments(),
                figures.writeMillis(),
                anomalies.size());
        return new ReplayResult(run, ReplayResult.rows(totals), anomalies, figures);
    }
}

package id.go.kemensos.returnee.audit.command;

import id.go.kemensos.returnee.audit.AuditProperties;
import id.go.kemensos.returnee.audit.ledger.ChainVerification;
import id.go.kemensos.returnee.audit.ledger.ChainVerifier;
import id.go.kemensos.returnee.audit.ledger.EventLogRetention;
import id.go.kemensos.returnee.audit.ledger.KafkaComparison;
import id.go.kemensos.returnee.audit.ledger.LedgerAgainstKafka;
import id.go.kemensos.returnee.audit.replay.AsOf;
import id.go.kemensos.returnee.audit.replay.LivePaymentReport;
import id.go.kemensos.returnee.audit.replay.PaymentHistoryReplay;
import id.go.kemensos.returnee.audit.replay.ReplayResult;
import id.go.kemensos.returnee.audit.replay.ReportComparison;
import java.io.PrintStream;
import java.net.URI;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The auditor's commands. {@code verify}: every event topic kept forever, the ledger's chain intact from its first row,
 * and every row as the record on Kafka it came from. {@code replay}: the disbursement history rebuilt from Kafka into a
 * fresh schema, its totals, any anomaly, and (unless {@code --as-of} is given or {@code --compare-live=false}) its
 * differences from disbursement-service's live report. Exit status 0: all in order; 1: something found (printed); 2:
 * the command could not run.
 */
@Component
@ConditionalOnProperty("audit.command")
public class AuditCommand implements ApplicationRunner, ExitCodeGenerator {

    public static final Set<String> NAMES = Set.of("verify", "replay");
    private static final Logger log = LoggerFactory.getLogger(AuditCommand.class);
    /** MySQL's and MariaDB's ER_NO_SUCH_TABLE. */
    private static final int MISSING_TABLE = 1146;

    private final AuditProperties properties;
    private final ChainVerifier verifier;
    private final EventLogRetention retention;
    private final LedgerAgainstKafka againstKafka;
    private final PaymentHistoryReplay replay;
    private final JsonMapper json;
    private final PrintStream out = System.out;
    private int exitCode = 2;

    AuditCommand(
            AuditProperties properties,
            ChainVerifier verifier,
            EventLogRetention retention,
            LedgerAgainstKafka againstKafka,
            PaymentHistoryReplay replay,
            JsonMapper json) {
        this.properties = properties;
        this.verifier = verifier;
        this.retention = retention;
        this.againstKafka = againstKafka;
        this.replay = replay;
        this.json = json;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            exitCode = switch (properties.command()) {
                case "verify" -> verify();
                case "replay" -> replay(args);
                default -> 2;
            };
        } catch (RuntimeException e) {
            // Status 2, not the 1 of "something found", and a sentence rather than a stack trace (that goes to the
            // debug log).
            log.debug("audit {} could not run", properties.command(), e);
            out.flush();
            System.err.println("audit " + properties.command() + " could not run: " + reason(e));
            exitCode = 2;
        }
    }

    /** What failed and, innermost, why; with what to do about a database without the ledger. */
    static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String why = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        if (root instanceof SQLException sql) { // the outer message repeats the statement: the database's own says it
            return sql.getErrorCode() != MISSING_TABLE
                    ? why
                    : why + ". This database has no audit ledger: point the command at the one "
                            + "audit-service writes to (SPRING_DATASOURCE_URL), or start audit-service once so "
                            + "that its migrations create it.";
        }
        if (e == root || e.getMessage() == null) {
            return why;
        }
        return e.getMessage().contains(why) ? e.getMessage() : e.getMessage() + ": " + why;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }

    private int verify() {
        boolean ok = true;
        out.println("== Event topics (the audit log must keep every record forever)");
        for (EventLogRetention.TopicRetention topic : retention.check()) {
            out.printf(
                    "  %-28s retention.ms=%s retention.bytes=%s cleanup.policy=%s  %s%n",
                    topic.topic(),
                    topic.retentionMs(),
                    topic.retentionBytes(),
                    topic.cleanupPolicy(),
                    topic.keptForever() ? "kept forever" : "NOT KEPT FOREVER");
            ok &= topic.keptForever();
        }
        ChainVerification result = verifier.verify();
        out.printf(
                "== Audit ledger: %d rows checked, head row %d hash %s%n",
                result.rowsChecked(), result.headSeq(), result.headHash());
        out.println(
                result.sealsUnavailable() != null
                        ? "  SEALS NOT CHECKED: " + result.sealsUnavailable()
                        : "  " + result.sealsChecked() + " rows checked against their seals on audit.events");
        ok &= result.sealsUnavailable() == null;
        if (result.intact()) {
            out.println("  chain intact");
        } else {
            ok = false;
            out.printf(
                    "  FIRST BROKEN ROW %d: %s (%s)%n",
                    result.firstBroken().seq(),
                    result.firstBroken().kind(),
                    result.firstBroken().detail());
            result.findings().stream()
                    .skip(1)
                    .forEach(f -> out.printf("  then row %d: %s (%s)%n", f.seq(), f.kind(), f.detail()));
        }
        KafkaComparison kafka = againstKafka.compare();
        out.printf(
                "== Ledger against Kafka: %d records read again, %d rows compared, %d records not yet appended: %s%n",
                kafka.recordsRead(),
                kafka.rowsCompared(),
                kafka.notYetAppended(),
                kafka.matches() ? "every row as on Kafka" : kafka.differences().size() + " DIFFERENCES");
        kafka.differences()
                .forEach(d -> out.printf(
                        "  %s %s %s-%d@%d%s: %s%n",
                        d.kind(),
                        d.eventId(),
                        d.topic(),
                        d.partition(),
                        d.offset(),
                        d.seq() == null ? "" : " (row " + d.seq() + ")",
                        d.detail()));
        ok &= kafka.matches();
        return ok ? 0 : 1;
    }

    private int replay(ApplicationArguments args) {
        Instant asOf = AsOf.parse(option(args, "as-of"));
        ReplayResult result = replay.replay(asOf, option(args, "schema"));
        ReplayResult.Run run = result.run();
        out.printf(
                "== Replay into schema %s%s: %d records read from disbursement.events (end offsets %s), %d payment "
                        + "events applied, "
                        + "%d duplicates skipped, %d after the as-of time, %d unreadable; %d payments%n",
                run.replayId(),
                asOf == null ? "" : " as of " + asOf,
                run.recordsRead(),
                new TreeMap<>(run.endOffsets()),
                run.eventsApplied(),
                run.duplicates(),
                run.afterAsOf(),
                run.unreadable(),
                run.payments());
        out.printf(
                "   read and folded in %d ms (%,.0f records/s), written in %d ms%n",
                result.figures().readMillis(),
                result.figures().recordsPerSecond(),
                result.figures().writeMillis());
        out.printf(
                "  %-8s %-8s %-8s %-10s %10s %16s%n",
                "program", "province", "regency", "state", "payments", "total (Rp)");
        for (ReplayResult.TotalRow row : result.totals()) {
            out.printf(
                    "  %-8s %-8s %-8s %-10s %10d %16d%n",
                    row.programId(), row.provinceCode(), row.regencyCode(), row.state(), row.payments(), row.total());
        }
        boolean ok = result.anomalies().isEmpty() && run.unreadable() == 0;
        out.printf("== Anomalies: %d%n", result.anomalies().size());
        result.anomalies().forEach(a -> out.printf("  %s %s%n", a.kind(), a.detail()));
        boolean compare = asOf == null && !"false".equalsIgnoreCase(option(args, "compare-live"));
        if (compare) {
            URI live = option(args, "live-report-url") != null
                    ? URI.create(option(args, "live-report-url"))
                    : properties.liveReportUrl();
            String token = System.getenv("PLATFORM_ACCESS_TOKEN");
            if (token == null || token.isBlank()) {
                throw new IllegalStateException(
                        "Comparing with the live report needs your access token: set PLATFORM_ACCESS_TOKEN to an "
                                + "AUDITOR's token (locally: PLATFORM_ACCESS_TOKEN=$(java -jar "
                                + "infra/target/infra-0.1.0-SNAPSHOT-exec.jar token "
                                + "auditor)), or give --compare-live=false");
            }
            ReportComparison comparison =
                    ReportComparison.of(result.totalsByKey(), LivePaymentReport.fetch(live, json, token));
            out.printf(
                    "== Compared with the live report at %s%s: %d rows, %d differences%n",
                    live,
                    LivePaymentReport.QUERY,
                    comparison.rowsCompared(),
                    comparison.differences().size());
            comparison
                    .differences()
                    .forEach(d -> out.printf(
                            "  %s %s %s %s: replayed %d payments Rp%d, live %d payments Rp%d%n",
                            d.programId(),
                            d.provinceCode(),
                            d.regencyCode(),
                            d.state(),
                            d.replayedPayments(),
                            d.replayedTotal(),
                            d.livePayments(),
                            d.liveTotal()));
            ok &= comparison.matches();
        }
        return ok ? 0 : 1;
    }

    private static String option(ApplicationArguments args, String name) {
        List<String> values = args.getOptionValues(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}

package id.go.kemensos.returnee.audit.replay;

import id.go.kemensos.returnee.audit.AuditProperties;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Creates a fresh schema for one replay (its own Flyway history) and writes the rebuilt history into it. */
@Component
public class ReplaySchema {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    private static final List<String> PAYMENT_COLUMNS = List.of(
            "payment_id",
            "beneficiary_id",
            "program_id",
            "cycle_id",
            "decision_id",
            "province_code",
            "regency_code",
            "amount",
            "state",
            "batch_id",
            "prepared_by",
            "approved_by",
            "bank_code",
            "account_number_masked",
            "bank_reference",
            "reissue_of",
            "scheduled_at",
            "settled_at",
            "last_event_at");
    private static final List<String> TRANSITION_COLUMNS =
            List.of("payment_id", "step", "state", "event_type", "event_id", "at", "by_whom", "detail");

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final String prefix;
    private final int writers;

    private final String url;
    private final String user;
    private final String password;

    public ReplaySchema(
            DataSource dataSource,
            JdbcTemplate jdbc,
            AuditProperties properties,
            @Value("${spring.datasource.url}") String url,
            @Value("${spring.datasource.username}") String user,
            @Value("${spring.datasource.password}") String password) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.prefix = properties.replaySchemaPrefix();
        this.writers = properties.replayWriters();
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /**
     * The one connection that may LOAD DATA LOCAL (the pool's may not): opened for a replay's bulk write and closed
     * after it. Connector/J agrees on local infile when it connects, so it cannot be switched on for a pooled
     * connection.
     */
    private Connection bulkConnection() throws SQLException {
        return DriverManager.getConnection(
                url + (url.contains("?") ? "&" : "?") + "allowLoadLocalInfile=true", user, password);
    }

    /**
     * Only names under the replay prefix: the audit user may create nothing else, and a replay id never names another
     * schema.
     */
    String checked(String schema) {
        if (schema == null || !NAME.matcher(schema).matches() || !schema.startsWith(prefix)) {
            throw new IllegalArgumentException("A replay schema's name starts with " + prefix
                    + " and has only lowercase letters, digits and _: " + schema);
        }
        return schema;
    }

    public boolean exists(String schema) {
        return !jdbc.queryForList(
                        "SELECT schema_name FROM information_schema.schemata WHERE schema_name = ?",
                        String.class,
                        checked(schema))
                .isEmpty();
    }

    public void create(String schema) {
        if (exists(schema)) {
            throw new IllegalStateException("Schema " + schema + " exists; a replay always writes into a fresh one");
        }
        Flyway.configure()
                .dataSource(dataSource)
                .schemas(checked(schema))
                .defaultSchema(schema)
                .createSchemas(true)
                .locations("classpath:db/replay")
                .load()
                .migrate();
    }

    public void write(
            String schema,
            ReplayResult.Run run,
            Collection<ReplayedPayment> payments,
            Map<PaymentHistory.TotalKey, PaymentHistory.Total> totals,
            List<PaymentHistory.Anomaly> anomalies) {
        String s = checked(schema) + ".";
        // In key order, so that InnoDB appends to its clustered indexes instead of splitting pages (random UUIDs); each
        // writer
        // takes one range of keys, so that the writers' inserts do not meet in the same pages either.
        List<KeyedPayment> inKeyOrder = new ArrayList<>();
        for (ReplayedPayment p : payments) {
            inKeyOrder.add(new KeyedPayment(p.paymentId.toString(), p));
        }
        inKeyOrder.sort(Comparator.comparing(KeyedPayment::key));
        int ranges = Math.min(writers, Math.max(1, inKeyOrder.size() / 10_000));
        ExecutorService pool = Executors.newFixedThreadPool(ranges, r -> new Thread(r, "replay-writer"));
        try {
            List<Future<?>> written = new ArrayList<>();
            for (int i = 0; i < ranges; i++) {
                List<KeyedPayment> range =
                        inKeyOrder.subList(i * inKeyOrder.size() / ranges, (i + 1) * inKeyOrder.size() / ranges);
                written.add(pool.submit(() -> {
                    writeRange(s, range);
                    return null;
                }));
            }
            for (Future<?> range : written) {
                range.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while writing the replay into " + schema, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "Cannot write the replay into " + schema + ": "
                            + e.getCause().getMessage(),
                    e.getCause());
        } finally {
            pool.shutdownNow();
        }
        List<Object[]> totalRows = totals.entrySet().stream()
                .map(e -> new Object[] {
                    e.getKey().programId(),
                    e.getKey().provinceCode(),
                    e.getKey().regencyCode(),
                    e.getKey().state(),
                    e.getValue().payments(),
                    e.getValue().total()
                })
                .collect(Collectors.toList());
        jdbc.batchUpdate(
                "INSERT INTO " + s
                        + "payment_total (program_id, province_code, regency_code, state, payments, total) VALUES "
                        + "(?, ?, ?, ?, ?, ?)",
                totalRows);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < anomalies.size(); i++) {
            PaymentHistory.Anomaly a = anomalies.get(i);
            rows.add(new Object[] {i + 1, text(a.paymentId()), a.kind(), a.detail()});
        }
        jdbc.batchUpdate("INSERT INTO " + s + "anomaly (n, payment_id, kind, detail) VALUES (?, ?, ?, ?)", rows);
        jdbc.update(
                """
                INSERT INTO %sreplay_run (replay_id, as_of, end_offsets, records_read, events_applied, duplicates,
                    after_as_of, payments, anomalies,
                    started_at, finished_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""".formatted(s),
                run.replayId(),
                time(run.asOf()),
                run.endOffsets().toString(),
                run.recordsRead(),
                run.eventsApplied(),
                run.duplicates(),
                run.afterAsOf(),
                run.payments(),
                anomalies.size(),
                time(run.startedAt()),
                time(run.finishedAt()));
    }

    private record KeyedPayment(String key, ReplayedPayment payment) {}

    private void writeRange(String s, List<KeyedPayment> range) throws SQLException {
        try (Connection connection = bulkConnection()) {
            TabSeparatedLoad.load(
                    connection,
                    s + "payment",
                    PAYMENT_COLUMNS,
                    range.stream()
                            .map(keyed -> {
                                ReplayedPayment p = keyed.payment();
                                return new Object[] {
                                    keyed.key(),
                                    p.beneficiaryId,
                                    p.programId,
                                    p.cycleId,
                                    p.decisionId,
                                    p.provinceCode,
                                    p.regencyCode,
                                    p.amount,
                                    p.state,
                                    p.batchId,
                                    p.preparedBy,
                                    p.approvedBy,
                                    p.bankCode,
                                    p.accountNumberMasked,
                                    p.bankReference,
                                    p.reissueOf,
                                    p.scheduledAt,
                                    p.settledAt,
                                    p.lastEventAt
                                };
                            })
                            .iterator());
            TabSeparatedLoad.load(
                    connection,
                    s + "payment_transition",
                    TRANSITION_COLUMNS,
                    range.stream()
                            .flatMap(keyed -> keyed.payment().history().stream().map(t -> new Object[] {
                                keyed.key(),
                                t.step(),
                                t.state(),
                                t.eventType(),
                                t.eventId(),
                                t.at(),
                                t.by(),
                                t.detail() == null
                                        ? null
                                        : t.detail()
                                                .substring(
                                                        0,
                                                        Math.min(500, t.detail().length()))
                            }))
                            .iterator());
        }
    }

    public Map<PaymentHistory.TotalKey, PaymentHistory.Total> totals(String schema) {
        Map<PaymentHistory.TotalKey, PaymentHistory.Total> totals = new java.util.TreeMap<>();
        jdbc.query("SELECT * FROM " + checked(schema) + ".payment_total", rs -> {
            totals.put(
                    new PaymentHistory.TotalKey(
                            rs.getString("program_id"),
                            rs.getString("province_code"),
                            rs.getString("regency_code"),
                            rs.getString("state")),
                    new PaymentHistory.Total(rs.getLong("payments"), rs.getLong("total")));
        });
        return totals;
    }

    public List<Map<String, Object>> payments(String schema, String state) {
        return jdbc.queryForList(
                "SELECT * FROM " + checked(schema)
                        + ".payment WHERE (? IS NULL OR state = ?) ORDER BY province_code, regency_code, scheduled_at",
                state,
                state);
    }

    public List<Map<String, Object>> history(String schema, UUID paymentId) {
        return jdbc.queryForList(
                "SELECT * FROM " + checked(schema) + ".payment_transition WHERE payment_id = ? ORDER BY step",
                paymentId.toString());
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }

    private static Timestamp time(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}

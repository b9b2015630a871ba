package id.go.kemensos.returnee.disbursement.budget;

import id.go.kemensos.returnee.contracts.disbursement.BudgetCeilingSet;
import id.go.kemensos.returnee.messaging.Outbox;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Budget ceilings per program, province and fiscal year (the program year), and what approved payments have reserved
 * against them. A reservation is one guarded UPDATE, so concurrent approvals can never overspend a ceiling.
 */
@Service
public class ProgramBudgets {

    private static final Logger log = LoggerFactory.getLogger(ProgramBudgets.class);
    static final String SEED = "budgets/budget-ceilings.csv";

    public record Budget(
            String programId, String provinceCode, String fiscalYear, long ceiling, long committed, String updatedBy) {

        public long available() {
            return ceiling - committed;
        }
    }

    /** A ceiling was set (after its transaction committed): payments that waited for this budget may now fit. */
    public record CeilingSet(String programId, String provinceCode, String fiscalYear) {}

    /** Why a ceiling cannot be set: it would fall below what is already committed. */
    public static final class CeilingBelowCommitted extends RuntimeException {
        CeilingBelowCommitted(String message) {
            super(message);
        }
    }

    private final JdbcTemplate jdbc;
    private final Outbox outbox;
    private final Clock clock;

    ProgramBudgets(JdbcTemplate jdbc, Outbox outbox, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * The shipped ceilings, where none is set yet; a ceiling changed through the API is never overwritten by the file.
     */
    @Transactional
    public void loadShippedCeilings() {
        try (Reader in = new InputStreamReader(new ClassPathResource(SEED).getInputStream(), StandardCharsets.UTF_8)) {
            for (CSVRecord row : CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .setCommentMarker('#')
                    .get()
                    .parse(in)) {
                int inserted = jdbc.update(
                        "INSERT IGNORE INTO budget (program_id, province_code, fiscal_year, ceiling, committed, "
                                + "updated_by, updated_at) VALUES (?, ?, ?, ?, 0, ?, ?)",
                        row.get("program_id"),
                        row.get("province_code"),
                        row.get("fiscal_year"),
                        Long.parseLong(row.get("ceiling")),
                        "file:" + SEED,
                        Timestamp.from(clock.instant()));
                if (inserted == 1) {
                    outbox.append(new BudgetCeilingSet(
                            row.get("program_id"),
                            row.get("province_code"),
                            row.get("fiscal_year"),
                            0,
                            Long.parseLong(row.get("ceiling")),
                            0,
                            "file:" + SEED,
                            clock.instant()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + SEED, e);
        }
    }

    /**
     * Reserves an amount inside the caller's transaction.
     *
     * @return empty when reserved, else why not (no ceiling, or not enough left)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<String> reserve(String programId, String provinceCode, String fiscalYear, long amount) {
        int updated = jdbc.update(
                "UPDATE budget SET committed = committed + ? WHERE program_id = ? AND province_code = ? "
                        + "AND fiscal_year = ? AND committed + ? <= ceiling",
                amount,
                programId,
                provinceCode,
                fiscalYear,
                amount);
        if (updated == 1) {
            return Optional.empty();
        }
        return Optional.of(find(programId, provinceCode, fiscalYear)
                .map(b -> "Anggaran " + programId + " " + provinceCode + " " + fiscalYear + " tidak cukup: sisa Rp "
                        + b.available() + " dari pagu Rp " + b.ceiling() + " / budget exceeded: Rp " + b.available()
                        + " left of Rp " + b.ceiling())
                .orElse("Belum ada pagu anggaran " + programId + " " + provinceCode + " " + fiscalYear
                        + " / no budget ceiling set"));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void release(String programId, String provinceCode, String fiscalYear, long amount) {
        jdbc.update(
                "UPDATE budget SET committed = committed - ? WHERE program_id = ? AND province_code = ? AND "
                        + "fiscal_year = ?",
                amount,
                programId,
                provinceCode,
                fiscalYear);
    }

    /** Sets a ceiling (creating the budget line if needed); refused below what is committed already. */
    @Transactional
    public Budget setCeiling(String programId, String provinceCode, String fiscalYear, long ceiling, String officer) {
        Optional<Budget> before = jdbc
                .query(
                        "SELECT * FROM budget WHERE program_id = ? AND province_code = ? AND fiscal_year = ? FOR "
                                + "UPDATE",
                        (rs, n) -> budget(rs),
                        programId,
                        provinceCode,
                        fiscalYear)
                .stream()
                .findFirst();
        long committed = before.map(Budget::committed).orElse(0L);
        if (ceiling < committed) {
            throw new CeilingBelowCommitted("Pagu Rp " + ceiling + " di bawah yang sudah terpakai Rp " + committed
                    + " / the ceiling cannot be below the Rp " + committed + " already committed");
        }
        jdbc.update("""
                        INSERT INTO budget (program_id, province_code, fiscal_year, ceiling, committed, updated_by,
                            updated_at)
                        VALUES (?, ?, ?, ?, 0, ?, ?)
                        ON DUPLICATE KEY UPDATE ceiling = VALUES(ceiling), updated_by = VALUES(updated_by), updated_at = VALUES(updated_at)""", programId, provinceCode, fiscalYear, ceiling, officer, Timestamp.from(clock.instant()));
        outbox.append(new BudgetCeilingSet(
                programId,
                provinceCode,
                fiscalYear,
                before.map(Budget::ceiling).orElse(0L),
                ceiling,
                committed,
                officer,
                clock.instant()));
        log.info("Budget {} {} {} ceiling set to {} by {}", programId, provinceCode, fiscalYear, ceiling, officer);
        return find(programId, provinceCode, fiscalYear).orElseThrow();
    }

    public Optional<Budget> find(String programId, String provinceCode, String fiscalYear) {
        return jdbc
                .query(
                        "SELECT * FROM budget WHERE program_id = ? AND province_code = ? AND fiscal_year = ?",
                        (rs, n) -> budget(rs),
                        programId,
                        provinceCode,
                        fiscalYear)
                .stream()
                .findFirst();
    }

    public List<Budget> all() {
        return jdbc.query(
                "SELECT * FROM budget ORDER BY program_id, fiscal_year, province_code", (rs, n) -> budget(rs));
    }

    private static Budget budget(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Budget(
                rs.getString("program_id"),
                rs.getString("province_code"),
                rs.getString("fiscal_year"),
                rs.getLong("ceiling"),
                rs.getLong("committed"),
                rs.getString("updated_by"));
    }
}

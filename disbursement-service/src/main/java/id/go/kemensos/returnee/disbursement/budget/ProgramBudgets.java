package id.go.kemensos.returnee.disbursement.budget;

import id.go.kemensos.returnee.contracts.disbursement.BudgetCeilingSet;
import id.go.kemensos.returnee.disbursement.payment.Payment;
import id.go.kemensos.returnee.disbursement.payment.PaymentRepository;
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
 * Budget ceilings per program, province and fiscal year (the program year), optionally a ceiling for a regency within
 * its province's, and what approved payments have reserved against them. A reservation is one guarded UPDATE of the
 * province's line and, where the payment's regency has a ceiling, of the regency's line with it, so concurrent
 * approvals can never overspend either.
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

    /** A regency's ceiling within its province's budget line. */
    public record RegencyBudget(
            String programId,
            String provinceCode,
            String fiscalYear,
            String regencyCode,
            long ceiling,
            long committed,
            String updatedBy) {

        public long available() {
            return ceiling - committed;
        }
    }

    /**
     * Why a payment cannot be reserved: its regency's ceiling ({@code regencyCode} set) or its province's (null) has no
     * room, or no ceiling is set.
     */
    public record Shortfall(String regencyCode, String reason) {

        /** A province's shortfall holds up every payment of the province after it; a regency's only that regency's. */
        public boolean ofProvince() {
            return regencyCode == null;
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

    /** Why a regency's ceiling cannot be set: its province has no budget line for the program year. */
    public static final class NoProvinceBudget extends RuntimeException {
        NoProvinceBudget(String message) {
            super(message);
        }
    }

    private final JdbcTemplate jdbc;
    private final Outbox outbox;
    private final Clock clock;
    private final PaymentRepository payments;

    ProgramBudgets(JdbcTemplate jdbc, Outbox outbox, Clock clock, PaymentRepository payments) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.clock = clock;
        this.payments = payments;
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
                            clock.instant(),
                            null));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + SEED, e);
        }
    }

    /**
     * Reserves an amount for a payment to someone of {@code regencyCode}, inside the caller's transaction: from the
     * province's line, and from the regency's where it has one. One statement either way (a LEFT JOIN: no regency line,
     * nothing more to check).
     *
     * @return empty when reserved, else the shortfall (no ceiling, or not enough left, of the province or the regency)
     */
    private Optional<Shortfall> reserve(
            String programId, String provinceCode, String regencyCode, String fiscalYear, long amount) {
        // A refusal is read again under lock (the latest lines, not the transaction's snapshot) to say which line has
        // no
        // room; should neither lack it any more (given back meanwhile), the reservation is tried once more.
        for (int attempt = 0; attempt < 2; attempt++) {
            if (reserved(programId, provinceCode, regencyCode, fiscalYear, amount)) {
                return Optional.empty();
            }
            Optional<Budget> province = lockedLine(programId, provinceCode, fiscalYear);
            if (province.isEmpty()) {
                return Optional.of(new Shortfall(
                        null,
                        "Belum ada pagu anggaran " + programId + " " + provinceCode + " " + fiscalYear
                                + " / no budget ceiling set"));
            }
            Budget b = province.get();
            if (b.available() < amount || attempt == 1) {
                return Optional.of(new Shortfall(
                        null,
                        "Anggaran " + programId + " " + provinceCode + " " + fiscalYear + " tidak cukup: sisa Rp "
                                + b.available() + " dari pagu Rp " + b.ceiling() + " / budget exceeded: Rp "
                                + b.available() + " left of Rp " + b.ceiling()));
            }
            Optional<RegencyBudget> regency = lockedRegencyLine(programId, provinceCode, fiscalYear, regencyCode);
            if (regency.isPresent() && regency.get().available() < amount) {
                RegencyBudget r = regency.get();
                return Optional.of(new Shortfall(
                        regencyCode,
                        "Pagu kabupaten/kota " + regencyCode + " " + programId + " " + fiscalYear
                                + " tidak cukup: sisa Rp " + r.available() + " dari Rp " + r.ceiling()
                                + " / the regency's budget is exceeded: Rp " + r.available() + " left of Rp "
                                + r.ceiling()));
            }
        }
        throw new IllegalStateException("unreachable: the second attempt answers a shortfall");
    }

    /** The guarded UPDATE of the province's line and, where the regency has one, the regency's with it. */
    private boolean reserved(
            String programId, String provinceCode, String regencyCode, String fiscalYear, long amount) {
        return jdbc.update("""
                        UPDATE budget b LEFT JOIN regency_budget r
                            ON r.program_id = b.program_id AND r.province_code = b.province_code
                            AND r.fiscal_year = b.fiscal_year AND r.regency_code = ?
                        SET b.committed = b.committed + ?, r.committed = r.committed + ?
                        WHERE b.program_id = ? AND b.province_code = ? AND b.fiscal_year = ?
                          AND b.committed + ? <= b.ceiling
                          AND (r.regency_code IS NULL OR r.committed + ? <= r.ceiling)""", regencyCode, amount, amount, programId, provinceCode, fiscalYear, amount, amount) > 0;
    }

    private Optional<Budget> lockedLine(String programId, String provinceCode, String fiscalYear) {
        return jdbc
                .query(
                        "SELECT * FROM budget WHERE program_id = ? AND province_code = ? AND fiscal_year = ? "
                                + "FOR UPDATE",
                        (rs, n) -> budget(rs),
                        programId,
                        provinceCode,
                        fiscalYear)
                .stream()
                .findFirst();
    }

    private Optional<RegencyBudget> lockedRegencyLine(
            String programId, String provinceCode, String fiscalYear, String regencyCode) {
        return jdbc
                .query(
                        "SELECT * FROM regency_budget WHERE program_id = ? AND province_code = ? AND fiscal_year = ? "
                                + "AND regency_code = ? FOR UPDATE",
                        (rs, n) -> regencyBudget(rs),
                        programId,
                        provinceCode,
                        fiscalYear,
                        regencyCode)
                .stream()
                .findFirst();
    }

    /** Reserves a payment's amount on its program year's lines: its province's, and its regency's where there is one. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Shortfall> reserve(Payment payment) {
        return reserve(
                payment.programId(),
                payment.provinceCode(),
                payment.terms().regencyCode(),
                payment.cycleId(),
                payment.amount());
    }

    /** Gives a payment's amount back to the lines it was reserved on. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void release(Payment payment) {
        release(
                payment.programId(),
                payment.provinceCode(),
                payment.terms().regencyCode(),
                payment.cycleId(),
                payment.amount());
    }

    /** Gives an amount back, to the province's line and to the regency's where it has one. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void release(String programId, String provinceCode, String regencyCode, String fiscalYear, long amount) {
        jdbc.update("""
                        UPDATE budget b LEFT JOIN regency_budget r
                            ON r.program_id = b.program_id AND r.province_code = b.province_code
                            AND r.fiscal_year = b.fiscal_year AND r.regency_code = ?
                        SET b.committed = b.committed - ?, r.committed = r.committed - ?
                        WHERE b.program_id = ? AND b.province_code = ? AND b.fiscal_year = ?""", regencyCode, amount, amount, programId, provinceCode, fiscalYear);
    }

    /**
     * Sets a regency's ceiling within its province's line (which must exist), creating the regency's line if needed
     * with what its payments already hold of the province's: the province's line is locked meanwhile, so that no
     * reservation slips between the count and the new line. Refused below what is committed.
     */
    @Transactional
    public RegencyBudget setRegencyCeiling(
            String programId,
            String provinceCode,
            String fiscalYear,
            String regencyCode,
            long ceiling,
            String officer) {
        if (lockedLine(programId, provinceCode, fiscalYear).isEmpty()) {
            throw new NoProvinceBudget("Tetapkan dulu pagu provinsi " + provinceCode + " untuk " + programId + " "
                    + fiscalYear + " / set the province's ceiling for this program year first");
        }
        Optional<RegencyBudget> before = lockedRegencyLine(programId, provinceCode, fiscalYear, regencyCode);
        long committed = before.map(RegencyBudget::committed)
                .orElseGet(() -> payments.heldBudget(programId, provinceCode, fiscalYear, regencyCode));
        if (ceiling < committed) {
            throw new CeilingBelowCommitted("Pagu Rp " + ceiling + " di bawah yang sudah terpakai Rp " + committed
                    + " / the ceiling cannot be below the Rp " + committed + " already committed");
        }
        jdbc.update(
                """
                        INSERT INTO regency_budget (program_id, province_code, fiscal_year, regency_code, ceiling,
                            committed, updated_by, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        ON DUPLICATE KEY UPDATE ceiling = VALUES(ceiling), updated_by = VALUES(updated_by),
                            updated_at = VALUES(updated_at)""",
                programId,
                provinceCode,
                fiscalYear,
                regencyCode,
                ceiling,
                committed,
                officer,
                Timestamp.from(clock.instant()));
        outbox.append(new BudgetCeilingSet(
                programId,
                provinceCode,
                fiscalYear,
                before.map(RegencyBudget::ceiling).orElse(0L),
                ceiling,
                committed,
                officer,
                clock.instant(),
                regencyCode));
        log.info(
                "Budget {} {} {} ceiling of regency {} set to {} by {}",
                programId,
                provinceCode,
                fiscalYear,
                regencyCode,
                ceiling,
                officer);
        return findRegency(programId, provinceCode, fiscalYear, regencyCode).orElseThrow();
    }

    public Optional<RegencyBudget> findRegency(
            String programId, String provinceCode, String fiscalYear, String regencyCode) {
        return jdbc
                .query(
                        "SELECT * FROM regency_budget WHERE program_id = ? AND province_code = ? AND fiscal_year = ? "
                                + "AND regency_code = ?",
                        (rs, n) -> regencyBudget(rs),
                        programId,
                        provinceCode,
                        fiscalYear,
                        regencyCode)
                .stream()
                .findFirst();
    }

    /** A province's regency ceilings of a program year, by regency. */
    public List<RegencyBudget> regencies(String programId, String provinceCode, String fiscalYear) {
        return jdbc.query(
                "SELECT * FROM regency_budget WHERE program_id = ? AND province_code = ? AND fiscal_year = ? "
                        + "ORDER BY regency_code",
                (rs, n) -> regencyBudget(rs),
                programId,
                provinceCode,
                fiscalYear);
    }

    /** Sets a ceiling (creating the budget line if needed); refused below what is committed already. */
    @Transactional
    public Budget setCeiling(String programId, String provinceCode, String fiscalYear, long ceiling, String officer) {
        Optional<Budget> before = lockedLine(programId, provinceCode, fiscalYear);
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
                clock.instant(),
                null));
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

    private static RegencyBudget regencyBudget(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new RegencyBudget(
                rs.getString("program_id"),
                rs.getString("province_code"),
                rs.getString("fiscal_year"),
                rs.getString("regency_code"),
                rs.getLong("ceiling"),
                rs.getLong("committed"),
                rs.getString("updated_by"));
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

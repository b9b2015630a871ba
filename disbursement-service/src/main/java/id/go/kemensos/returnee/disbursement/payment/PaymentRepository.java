package id.go.kemensos.returnee.disbursement.payment;

import id.go.kemensos.returnee.contracts.disbursement.PaymentChannel;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The only code that reads or writes {@code payment_intent}. Payments are loaded (locked where they are about to
 * change), changed by their own transitions, and saved whole; a save applies only over the version it was loaded at, so
 * a change made meanwhile is never overwritten. The unique (program, cycle, person, live) key is the guarantee that
 * nobody is paid twice in a program year: a second schedule of the same grant inserts nothing.
 */
@Repository
public class PaymentRepository {

    private static final String COLUMNS = """
            payment_id, program_id, cycle_id, beneficiary_id, decision_id, amount, province_code, regency_code,
            reissue_of, scheduled_at, state, live, account_check, account_checked_at, account_check_detail, holder_seen,
            checked_bank_code, checked_account, checked_account_version, account_masked, approved_by, batch_id,
            waiting_reason, bank_code, paid_account, bank_reference, failure_code, failure_reason, status_checks,
            next_check_at, settled_at, updated_at, version, channel, claim_deadline, opening_bank_code, opening_reference,
            opened_account""";
    private static final String VALUES =
            Stream.of(COLUMNS.split(",")).map(c -> ":" + c.strip()).collect(Collectors.joining(", "));
    private static final String SELECT = "SELECT " + COLUMNS + " FROM payment_intent ";
    private static final RowMapper<Payment> PAYMENT = (rs, n) -> payment(rs);

    private final NamedParameterJdbcTemplate jdbc;

    PaymentRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false when the person already has a live payment of this program year (nothing inserted) */
    public boolean insertIfAbsent(Payment payment) {
        return jdbc.update("INSERT IGNORE INTO payment_intent (" + COLUMNS + ") VALUES (" + VALUES + ")", row(payment))
                == 1;
    }

    /** How many payments are in each state, for the engineer on call ({@code platform_payments}). */
    public Map<String, Long> countByState() {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query("SELECT state, COUNT(*) AS payments FROM payment_intent GROUP BY state", (RowCallbackHandler)
                rs -> counts.put(rs.getString("state"), rs.getLong("payments")));
        return counts;
    }

    public Optional<Payment> find(UUID paymentId) {
        return one(SELECT + "WHERE payment_id = :id", paymentId);
    }

    /** The payment, locked until the transaction ends: for a change. */
    public Optional<Payment> lock(UUID paymentId) {
        return one(SELECT + "WHERE payment_id = :id FOR UPDATE", paymentId);
    }

    /** The payments, locked until the transaction ends (in key order, as every such lock is taken). */
    public List<Payment> lockAll(Collection<UUID> paymentIds) {
        if (paymentIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query(
                SELECT + "WHERE payment_id IN (:ids) ORDER BY payment_id FOR UPDATE",
                Map.of("ids", paymentIds.stream().map(UUID::toString).toList()),
                PAYMENT);
    }

    /** Writes what a payment's transitions changed, over the version it was loaded at. */
    public void save(Payment payment) {
        if (jdbc.update(UPDATE, changes(payment)) != 1) {
            throw conflict(payment);
        }
        payment.version++;
    }

    public void saveAll(List<Payment> payments) {
        if (payments.isEmpty()) {
            return;
        }
        int[] updated = jdbc.batchUpdate(
                UPDATE, payments.stream().map(PaymentRepository::changes).toArray(MapSqlParameterSource[]::new));
        for (int i = 0; i < updated.length; i++) {
            if (updated[i] == 0) {
                throw conflict(payments.get(i));
            }
            payments.get(i).version++;
        }
    }

    private static final String UPDATE = """
            UPDATE payment_intent SET state = :state, live = :live, account_check = :account_check,
                account_checked_at = :account_checked_at, account_check_detail = :account_check_detail,
                holder_seen = :holder_seen, checked_bank_code = :checked_bank_code, checked_account = :checked_account,
                checked_account_version = :checked_account_version, account_masked = :account_masked,
                approved_by = :approved_by, batch_id = :batch_id, waiting_reason = :waiting_reason,
                bank_code = :bank_code, paid_account = :paid_account, bank_reference = :bank_reference,
                failure_code = :failure_code,
                failure_reason = :failure_reason, status_checks = :status_checks, next_check_at = :next_check_at,
                settled_at = :settled_at, updated_at = :updated_at, version = version + 1, channel = :channel,
                claim_deadline = :claim_deadline, opening_bank_code = :opening_bank_code,
                opening_reference = :opening_reference, opened_account = :opened_account
            WHERE payment_id = :payment_id AND version = :version""";

    // --- what each part of the service works on ----------------------------------------------------------------------

    /**
     * The work a scheduled round claims, as a wider condition than its claims': a look without locks finds whether it
     * may have any, so that an idle round is one statement rather than a transaction of four round trips.
     */
    public enum Waiting {
        /** Approved payments to send, and sent ones whose status check is due ({@link #claimApproved}, {@link #claimDueForStatusCheck}). */
        TRANSFERS("state = 'APPROVED' OR (state = 'SENT' AND next_check_at <= :now)"),
        /** Accounts to check ({@link #claimAccountChecks}). */
        ACCOUNT_CHECKS("account_check IN ('PENDING', 'CHECKING') AND state = 'SCHEDULED'"),
        /** Accounts a bank is to open ({@link #claimUnrequestedOpenings}, {@link #claimOpeningsDue}). */
        OPENINGS("account_check = 'OPENING' AND state = 'SCHEDULED'");

        private final String condition;

        Waiting(String condition) {
            this.condition = condition;
        }
    }

    /** Whether any payment may wait for this work now; a true answer may find nothing to claim, a false one is sure. */
    public boolean anyWaiting(Waiting work, Instant now) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM payment_intent WHERE " + work.condition + ")",
                Map.of("now", Timestamp.from(now)),
                Boolean.class));
    }

    /** Approved payments, oldest first, locked for the dispatcher; rows another dispatcher holds are skipped. */
    public List<Payment> claimApproved(int limit) {
        return jdbc.query(
                SELECT + "WHERE state = 'APPROVED' ORDER BY scheduled_at LIMIT :limit FOR UPDATE SKIP LOCKED",
                Map.of("limit", limit),
                PAYMENT);
    }

    /**
     * Payments waiting for a bank to open their person's account that no opening request carries yet, oldest first,
     * locked for the opener.
     */
    public List<Payment> claimUnrequestedOpenings(int limit) {
        return jdbc.query(SELECT + """
                        WHERE state = 'SCHEDULED' AND account_check = 'OPENING' AND opening_reference IS NULL
                        ORDER BY scheduled_at LIMIT :limit FOR UPDATE SKIP LOCKED""", Map.of("limit", limit), PAYMENT);
    }

    /** Payments in an opening request whose status is due to be asked, locked for the opener. */
    public List<Payment> claimOpeningsDue(Instant now, int limit) {
        return jdbc.query(
                SELECT + """
                        WHERE state = 'SCHEDULED' AND account_check = 'OPENING' AND opening_reference IS NOT NULL
                          AND next_check_at <= :now
                        ORDER BY opening_reference, scheduled_at LIMIT :limit FOR UPDATE SKIP LOCKED""",
                new MapSqlParameterSource().addValue("now", Timestamp.from(now)).addValue("limit", limit),
                PAYMENT);
    }

    /** Per opening request, how many of its payments still wait for the account it asks for. */
    public Map<String, Integer> countAwaitingOpening(Collection<String> references) {
        if (references.isEmpty()) {
            return Map.of();
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        jdbc.query("""
                        SELECT opening_reference, COUNT(*) FROM payment_intent
                        WHERE state = 'SCHEDULED' AND account_check = 'OPENING' AND opening_reference IN (:references)
                        GROUP BY opening_reference""", Map.of("references", references), (RowCallbackHandler)
                rs -> counts.put(rs.getString(1), rs.getInt(2)));
        return counts;
    }

    /** Sent payments without a final answer whose status check is due, locked for the dispatcher. */
    public List<Payment> claimDueForStatusCheck(Instant now, int limit) {
        return jdbc.query(
                SELECT
                        + "WHERE state = 'SENT' AND next_check_at <= :now ORDER BY next_check_at LIMIT :limit "
                        + "FOR UPDATE SKIP LOCKED",
                new MapSqlParameterSource("now", Timestamp.from(now)).addValue("limit", limit),
                PAYMENT);
    }

    /**
     * Scheduled payments whose account is to be checked: not yet asked, asked without an answer before
     * {@code unansweredBefore} (a bank that is down is not asked again at once, round after round), or whose check a
     * crash cut short before {@code abandonedBefore}; only those whose payee has arrived from registration (read,
     * never written, here), so that late ones hold up nobody.
     */
    public List<Payment> claimAccountChecks(Instant abandonedBefore, Instant unansweredBefore, int limit) {
        return jdbc.query(
                SELECT + """
                        WHERE state = 'SCHEDULED'
                          AND ((account_check = 'PENDING'
                                AND (account_checked_at IS NULL OR account_checked_at < :unanswered))
                            OR (account_check = 'CHECKING' AND account_checked_at < :before))
                          AND EXISTS (SELECT 1 FROM payee y WHERE y.beneficiary_id = payment_intent.beneficiary_id)
                        ORDER BY scheduled_at LIMIT :limit FOR UPDATE SKIP LOCKED""",
                new MapSqlParameterSource("before", Timestamp.from(abandonedBefore))
                        .addValue("unanswered", Timestamp.from(unansweredBefore))
                        .addValue("limit", limit),
                PAYMENT);
    }

    /**
     * A province's verified, unbatched scheduled payments of a program year, in scheduling order, locked for a batch.
     */
    public List<Payment> lockBatchable(String programId, String cycleId, String provinceCode) {
        return jdbc.query(
                SELECT + """
                        WHERE program_id = :program AND cycle_id = :cycle AND province_code = :province
                          AND state = 'SCHEDULED'
                          AND batch_id IS NULL AND account_check = 'VERIFIED'
                        ORDER BY scheduled_at, payment_id FOR UPDATE""",
                new MapSqlParameterSource("program", programId)
                        .addValue("cycle", cycleId)
                        .addValue("province", provinceCode),
                PAYMENT);
    }

    /** Verified unbatched payments up to an amount that wait for a budget, in scheduling order, locked for approval. */
    /**
     * What a regency's payments of a program year hold of the budget: approved, waiting in a batch, or sent and not
     * given back (a failed, returned, cancelled or reissued payment gave its amount back).
     */
    public long heldBudget(String programId, String provinceCode, String cycleId, String regencyCode) {
        Long held = jdbc.queryForObject(
                """
                        SELECT COALESCE(SUM(amount), 0) FROM payment_intent
                        WHERE program_id = :program AND province_code = :province AND cycle_id = :cycle
                          AND regency_code = :regency
                          AND (state IN ('APPROVED', 'SENT', 'SETTLED') OR (state = 'SCHEDULED' AND batch_id IS NOT NULL))""",
                new MapSqlParameterSource("program", programId)
                        .addValue("province", provinceCode)
                        .addValue("cycle", cycleId)
                        .addValue("regency", regencyCode),
                Long.class);
        return held == null ? 0 : held;
    }

    public List<Payment> lockAwaitingBudget(String programId, String provinceCode, String cycleId, long maxAmount) {
        return jdbc.query(
                SELECT + """
                        WHERE program_id = :program AND province_code = :province AND cycle_id = :cycle
                          AND state = 'SCHEDULED'
                          AND batch_id IS NULL AND account_check = 'VERIFIED' AND amount <= :max
                        ORDER BY scheduled_at FOR UPDATE""",
                new MapSqlParameterSource("program", programId)
                        .addValue("province", provinceCode)
                        .addValue("cycle", cycleId)
                        .addValue("max", maxAmount),
                PAYMENT);
    }

    /** Every payment a batch holds, whatever became of it since (a cancelled one has left it), in scheduling order. */
    public List<Payment> inBatch(UUID batchId) {
        return jdbc.query(
                SELECT + "WHERE batch_id = :batch AND state <> 'CANCELLED' ORDER BY scheduled_at",
                Map.of("batch", batchId.toString()),
                PAYMENT);
    }

    /** The payments a batch still holds (scheduled, waiting for its checker), locked. */
    public List<Payment> lockInBatch(UUID batchId) {
        return jdbc.query(
                SELECT + "WHERE batch_id = :batch AND state = 'SCHEDULED' ORDER BY scheduled_at FOR UPDATE",
                Map.of("batch", batchId.toString()),
                PAYMENT);
    }

    /** A person's payments not yet sent (scheduled or approved), locked: what an account amendment may reach. */
    public List<Payment> lockUnsent(UUID beneficiaryId) {
        return jdbc.query(
                SELECT + "WHERE beneficiary_id = :person AND state IN ('SCHEDULED', 'APPROVED') FOR UPDATE",
                Map.of("person", beneficiaryId.toString()),
                PAYMENT);
    }

    /** A person's payments of a program not yet sent, unlocked: a cancellation locks each, its batch first. */
    public List<Payment> unsent(UUID beneficiaryId, String programId) {
        return jdbc.query(
                SELECT
                        + "WHERE beneficiary_id = :person AND program_id = :program AND state IN ('SCHEDULED', 'APPROVED')",
                new MapSqlParameterSource("person", beneficiaryId.toString()).addValue("program", programId),
                PAYMENT);
    }

    /** Scheduled payments whose account check found a mismatch, of a province (null: all), in scheduling order. */
    public List<Payment> awaitingAccountReview(String provinceCode) {
        return jdbc.query(SELECT + """
                        WHERE (:province IS NULL OR province_code = :province) AND state = 'SCHEDULED'
                          AND account_check = 'MISMATCH'
                        ORDER BY scheduled_at""", new MapSqlParameterSource("province", provinceCode), PAYMENT);
    }

    /** A province's (null: every province's) payments in the given states, last changed first. */
    public List<Payment> inStates(String provinceCode, Collection<PaymentState> states, int limit) {
        return jdbc.query(
                SELECT + """
                        WHERE (:province IS NULL OR province_code = :province) AND state IN (:states)
                        ORDER BY updated_at DESC LIMIT :limit""",
                new MapSqlParameterSource("province", provinceCode)
                        .addValue("limit", limit)
                        .addValue("states", states.stream().map(Enum::name).toList()),
                PAYMENT);
    }

    /** Payments the ledger settled in [from, to), including those returned or reissued since. */
    public List<Payment> settledBetween(Instant from, Instant to) {
        return jdbc.query(
                SELECT
                        + "WHERE settled_at >= :from AND settled_at < :to "
                        + "AND state IN ('SETTLED', 'RETURNED', 'REISSUED')",
                new MapSqlParameterSource("from", Timestamp.from(from)).addValue("to", Timestamp.from(to)),
                PAYMENT);
    }

    /**
     * Counts and totals of the payments that count (live ones, and reissued ones for their history), grouped.
     *
     * @param utcOffsetHours the zone of a day's grouping (7, 8 or 9: WIB, WITA, WIT)
     * @return per group: each grouping's key (as {@link PaymentGrouping#key()}), {@code payments} and {@code total}
     */
    public List<Map<String, Object>> totals(
            List<PaymentGrouping> groups, int utcOffsetHours, String programId, String cycleId, String provinceCode) {
        if (utcOffsetHours < 7 || utcOffsetHours > 9) {
            throw new IllegalArgumentException("Indonesia's zones are UTC+7 to UTC+9, not " + utcOffsetHours);
        }
        // Column expressions come from the enum, never from a request.
        String selected = groups.stream()
                .map(g -> g.expression(utcOffsetHours) + " AS " + g.key())
                .collect(Collectors.joining(", "));
        String keys = groups.stream().map(PaymentGrouping::key).collect(Collectors.joining(", "));
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT " + selected + ", COUNT(*) AS payments, SUM(p.amount) AS total "
                        + "FROM payment_intent p LEFT JOIN payee y ON y.beneficiary_id = p.beneficiary_id "
                        + "WHERE (p.live IS NOT NULL OR p.state = 'REISSUED') "
                        + "AND (:program IS NULL OR p.program_id = :program) AND (:cycle IS NULL OR p.cycle_id = :cycle) "
                        + "AND (:province IS NULL OR p.province_code = :province) "
                        + "GROUP BY " + keys + " ORDER BY " + keys,
                new MapSqlParameterSource("program", programId)
                        .addValue("cycle", cycleId)
                        .addValue("province", provinceCode));
        // A day is a calendar date, written as one ("2026-12-05"), not as a driver's midnight timestamp.
        rows.forEach(row -> row.computeIfPresent(
                PaymentGrouping.DAY.key(),
                (key, day) ->
                        day instanceof java.sql.Date date ? date.toLocalDate().toString() : day.toString()));
        return rows;
    }

    // --- mapping -----------------------------------------------------------------------------------------------------

    private Optional<Payment> one(String sql, UUID paymentId) {
        return jdbc.query(sql, Map.of("id", paymentId.toString()), PAYMENT).stream()
                .findFirst();
    }

    private static OptimisticLockingFailureException conflict(Payment payment) {
        return new OptimisticLockingFailureException(
                "Payment " + payment.paymentId() + " changed since it was read (version " + payment.version + ")");
    }

    private static MapSqlParameterSource row(Payment p) {
        Payment.Terms t = p.terms;
        return changes(p)
                .addValue("program_id", t.programId())
                .addValue("cycle_id", t.cycleId())
                .addValue("beneficiary_id", t.beneficiaryId().toString())
                .addValue("decision_id", t.decisionId().toString())
                .addValue("amount", t.amount())
                .addValue("province_code", t.provinceCode())
                .addValue("regency_code", t.regencyCode())
                .addValue("reissue_of", text(t.reissueOf()))
                .addValue("scheduled_at", Timestamp.from(t.scheduledAt()));
    }

    private static MapSqlParameterSource changes(Payment p) {
        Payment.CheckedAccount checked = p.checkedAccount;
        return new MapSqlParameterSource()
                .addValue("payment_id", p.paymentId().toString())
                .addValue("state", p.state.name())
                .addValue("live", p.live ? 1 : null) // NULL leaves the person's one live slot to a replacement
                .addValue("account_check", p.accountCheck.name())
                .addValue("account_checked_at", timestamp(p.accountCheckedAt))
                .addValue("account_check_detail", p.accountCheckDetail)
                .addValue("holder_seen", p.sealedHolderSeen)
                .addValue("checked_bank_code", checked == null ? null : checked.bankCode())
                .addValue("checked_account", checked == null ? null : checked.sealedAccount())
                .addValue("checked_account_version", checked == null ? null : checked.accountVersion())
                .addValue("account_masked", p.accountMasked)
                .addValue("approved_by", p.approvedBy)
                .addValue("batch_id", text(p.batchId))
                .addValue("waiting_reason", p.waitingReason)
                .addValue("bank_code", p.bankCode)
                .addValue("paid_account", p.sealedPaidAccount)
                .addValue("bank_reference", p.bankReference)
                .addValue("failure_code", p.failureCode)
                .addValue("failure_reason", p.failureReason)
                .addValue("status_checks", p.statusChecks)
                .addValue("next_check_at", timestamp(p.nextCheckAt))
                .addValue("settled_at", timestamp(p.settledAt))
                .addValue("updated_at", timestamp(p.updatedAt))
                .addValue("version", p.version)
                .addValue("channel", p.channel.name())
                .addValue("claim_deadline", p.claimDeadline == null ? null : Date.valueOf(p.claimDeadline))
                .addValue("opening_bank_code", p.openingBankCode)
                .addValue("opening_reference", p.openingReference)
                .addValue("opened_account", p.sealedOpenedAccount);
    }

    private static Payment payment(ResultSet rs) throws SQLException {
        Payment p = new Payment(new Payment.Terms(
                uuid(rs, "payment_id"),
                rs.getString("program_id"),
                rs.getString("cycle_id"),
                uuid(rs, "beneficiary_id"),
                uuid(rs, "decision_id"),
                rs.getLong("amount"),
                rs.getString("province_code"),
                rs.getString("regency_code"),
                uuid(rs, "reissue_of"),
                instant(rs, "scheduled_at")));
        p.state = PaymentState.valueOf(rs.getString("state"));
        p.live = rs.getObject("live") != null;
        p.accountCheck = Payment.AccountCheck.valueOf(rs.getString("account_check"));
        p.accountCheckedAt = instant(rs, "account_checked_at");
        p.accountCheckDetail = rs.getString("account_check_detail");
        p.sealedHolderSeen = rs.getString("holder_seen");
        String checkedBank = rs.getString("checked_bank_code");
        p.checkedAccount = checkedBank == null
                ? null
                : new Payment.CheckedAccount(
                        checkedBank, rs.getString("checked_account"), rs.getInt("checked_account_version"));
        p.accountMasked = rs.getString("account_masked");
        p.approvedBy = rs.getString("approved_by");
        p.batchId = uuid(rs, "batch_id");
        p.waitingReason = rs.getString("waiting_reason");
        p.bankCode = rs.getString("bank_code");
        p.sealedPaidAccount = rs.getString("paid_account");
        p.bankReference = rs.getString("bank_reference");
        p.failureCode = rs.getString("failure_code");
        p.failureReason = rs.getString("failure_reason");
        p.statusChecks = rs.getInt("status_checks");
        p.nextCheckAt = instant(rs, "next_check_at");
        p.settledAt = instant(rs, "settled_at");
        p.updatedAt = instant(rs, "updated_at");
        p.version = rs.getInt("version");
        p.channel = PaymentChannel.valueOf(rs.getString("channel"));
        Date deadline = rs.getDate("claim_deadline");
        p.claimDeadline = deadline == null ? null : deadline.toLocalDate();
        p.openingBankCode = rs.getString("opening_bank_code");
        p.openingReference = rs.getString("opening_reference");
        p.sealedOpenedAccount = rs.getString("opened_account");
        return p;
    }

    private static UUID uuid(ResultSet rs, String column) throws SQLException {
        String value = rs.getString(column);
        return value == null ? null : UUID.fromString(value);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Timestamp timestamp(Instant value) {
        return value == null ? null : Timestamp.from(value);
    }

    private static String text(UUID value) {
        return value == null ? null : value.toString();
    }
}

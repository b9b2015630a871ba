package id.go.kemensos.returnee.disbursement.reconciliation;

import id.go.kemensos.returnee.contracts.disbursement.ReconciliationCompleted;
import id.go.kemensos.returnee.disbursement.ledger.PaymentReturns;
import id.go.kemensos.returnee.disbursement.payment.Payment;
import id.go.kemensos.returnee.disbursement.payment.PaymentRepository;
import id.go.kemensos.returnee.disbursement.payment.PaymentState;
import id.go.kemensos.returnee.messaging.Outbox;
import id.go.kemensos.returnee.messaging.TimeOrderedIds;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Matches a bank statement (CSV: value_date, bank_reference, partner_reference, beneficiary_bank_code,
 * beneficiary_account_no, amount, status; or SWIFT MT940, see {@link Mt940Statement}) to the ledger by the payment id
 * the transfer carried as its reference. Breaks: a line the ledger does not know, a line for a payment the ledger has
 * not settled, an amount that differs, and a payment the ledger settled within the statement's dates that the statement
 * does not show. A RETURNED line turns its settled payment RETURNED. The same statement imported twice gives back the
 * first reconciliation.
 */
@Service
public class StatementReconciliation {

    public enum BreakKind {
        UNKNOWN_IN_LEDGER,
        NOT_SETTLED_IN_LEDGER,
        AMOUNT_MISMATCH,
        MISSING_FROM_STATEMENT
    }

    public record Break(
            long lineNo,
            BreakKind kind,
            UUID paymentId,
            String bankReference,
            Long ledgerAmount,
            Long statementAmount,
            String detail) {}

    public record Reconciliation(
            UUID reconciliationId,
            String fileName,
            LocalDate from,
            LocalDate to,
            long statementLines,
            long matched,
            long returned,
            long breaks,
            String importedBy,
            List<Break> breakList) {}

    /** The statement cannot be read: a missing column, a bad date or amount, with the line (or MT940 entry) number. */
    public static final class UnreadableStatement extends RuntimeException {
        public UnreadableStatement(String message) {
            super(message);
        }
    }

    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    /** A credit on the statement matches a payment the ledger settled, even if it was returned or reissued since. */
    private static final Set<PaymentState> SETTLED_ONCE =
            EnumSet.of(PaymentState.SETTLED, PaymentState.RETURNED, PaymentState.REISSUED);

    private static final Logger log = LoggerFactory.getLogger(StatementReconciliation.class);

    private final JdbcTemplate jdbc;
    private final PaymentRepository payments;
    private final PaymentReturns returns;
    private final Outbox outbox;
    private final Clock clock;

    StatementReconciliation(
            JdbcTemplate jdbc, PaymentRepository payments, PaymentReturns returns, Outbox outbox, Clock clock) {
        this.jdbc = jdbc;
        this.payments = payments;
        this.returns = returns;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public Reconciliation reconcile(Path statement, String fileName, String sha256, String importedBy)
            throws IOException {
        Optional<UUID> earlier = jdbc
                .queryForList(
                        "SELECT reconciliation_id FROM reconciliation WHERE content_sha256 = ?", String.class, sha256)
                .stream()
                .map(UUID::fromString)
                .findFirst();
        if (earlier.isPresent()) {
            return find(earlier.get()).orElseThrow();
        }
        UUID id = TimeOrderedIds.next();
        List<Break> breaks = new ArrayList<>();
        Set<String> onStatement = new HashSet<>();
        long matched = 0;
        long returned = 0;
        LocalDate from = null;
        LocalDate to = null;
        List<StatementLine> lines = read(statement);
        for (StatementLine line : lines) {
            from = from == null || line.valueDate().isBefore(from) ? line.valueDate() : from;
            to = to == null || line.valueDate().isAfter(to) ? line.valueDate() : to;
            String reference = line.partnerReference();
            onStatement.add(reference);
            Optional<Payment> payment = payment(reference);
            if (payment.isEmpty()) {
                breaks.add(new Break(
                        line.lineNo(),
                        BreakKind.UNKNOWN_IN_LEDGER,
                        null,
                        line.bankReference(),
                        null,
                        line.amount(),
                        "Tidak ada pembayaran dengan referensi " + reference + " / no payment with this reference"));
                continue;
            }
            UUID paymentId = UUID.fromString(reference);
            long ledgerAmount = payment.get().amount();
            PaymentState state = payment.get().state();
            if (ledgerAmount != line.amount()) {
                breaks.add(new Break(
                        line.lineNo(),
                        BreakKind.AMOUNT_MISMATCH,
                        paymentId,
                        line.bankReference(),
                        ledgerAmount,
                        line.amount(),
                        "Jumlah di rekening koran Rp " + line.amount() + ", di buku besar Rp " + ledgerAmount
                                + " / amounts differ"));
                continue;
            }
            if (line.returned()) {
                if (returns.markReturned(paymentId, line.bankReference(), id)) {
                    returned++;
                }
                continue;
            }
            if (!SETTLED_ONCE.contains(state)) {
                breaks.add(new Break(
                        line.lineNo(),
                        BreakKind.NOT_SETTLED_IN_LEDGER,
                        paymentId,
                        line.bankReference(),
                        ledgerAmount,
                        line.amount(),
                        "Bank mengkredit, buku besar masih " + state + " / credited by the bank, " + state
                                + " in the ledger"));
                continue;
            }
            matched++;
        }
        if (from != null) {
            long lineNo = lines.get(lines.size() - 1).lineNo() + 1;
            for (Payment settled : payments.settledBetween(
                    from.atStartOfDay(WIB).toInstant(),
                    to.plusDays(1).atStartOfDay(WIB).toInstant())) {
                if (!onStatement.contains(settled.paymentId().toString())) {
                    breaks.add(new Break(
                            lineNo++,
                            BreakKind.MISSING_FROM_STATEMENT,
                            settled.paymentId(),
                            settled.bankReference(),
                            settled.amount(),
                            null,
                            "Lunas di buku besar tetapi tidak ada di rekening koran / settled in the "
                                    + "ledger, not on the statement"));
                }
            }
        }
        save(id, fileName, sha256, from, to, lines.size(), matched, returned, breaks, importedBy);
        log.info(
                "Reconciliation {} of {}: {} lines, {} matched, {} returned, {} breaks",
                id,
                fileName,
                lines.size(),
                matched,
                returned,
                breaks.size());
        return find(id).orElseThrow();
    }

    /** The statement's entries: MT940 when it starts like one (a FIN block or :20:), CSV otherwise. */
    static List<StatementLine> read(Path statement) throws IOException {
        String text = Files.readString(statement, StandardCharsets.UTF_8);
        return Mt940Statement.looksLikeMt940(text)
                ? Mt940Statement.read(text)
                : CsvStatement.read(new StringReader(text));
    }

    public Optional<Reconciliation> find(UUID id) {
        List<Break> breaks = jdbc.query(
                "SELECT * FROM reconciliation_break WHERE reconciliation_id = ? ORDER BY line_no",
                (rs, n) -> new Break(
                        rs.getLong("line_no"),
                        BreakKind.valueOf(rs.getString("kind")),
                        rs.getString("payment_id") == null ? null : UUID.fromString(rs.getString("payment_id")),
                        rs.getString("bank_reference"),
                        (Long) rs.getObject("ledger_amount", Long.class),
                        (Long) rs.getObject("statement_amount", Long.class),
                        rs.getString("detail")),
                id.toString());
        return jdbc
                .query(
                        "SELECT * FROM reconciliation WHERE reconciliation_id = ?",
                        (rs, n) -> new Reconciliation(
                                id,
                                rs.getString("file_name"),
                                rs.getDate("period_from") == null
                                        ? null
                                        : rs.getDate("period_from").toLocalDate(),
                                rs.getDate("period_to") == null
                                        ? null
                                        : rs.getDate("period_to").toLocalDate(),
                                rs.getLong("statement_lines"),
                                rs.getLong("matched"),
                                rs.getLong("returned"),
                                rs.getLong("breaks"),
                                rs.getString("imported_by"),
                                breaks),
                        id.toString())
                .stream()
                .findFirst();
    }

    private Optional<Payment> payment(String reference) {
        try {
            return payments.find(UUID.fromString(reference));
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
    }

    private void save(
            UUID id,
            String fileName,
            String sha256,
            LocalDate from,
            LocalDate to,
            long lines,
            long matched,
            long returned,
            List<Break> breaks,
            String importedBy) {
        jdbc.update(
                "INSERT INTO reconciliation (reconciliation_id, file_name, content_sha256, period_from, period_to, "
                        + "statement_lines, matched, "
                        + "returned, breaks, imported_by, completed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id.toString(),
                fileName,
                sha256,
                from == null ? null : Date.valueOf(from),
                to == null ? null : Date.valueOf(to),
                lines,
                matched,
                returned,
                breaks.size(),
                importedBy,
                Timestamp.from(clock.instant()));
        jdbc.batchUpdate(
                "INSERT INTO reconciliation_break (reconciliation_id, line_no, kind, payment_id, bank_reference, "
                        + "ledger_amount, statement_amount, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                breaks.stream()
                        .map(b -> new Object[] {
                            id.toString(),
                            b.lineNo(),
                            b.kind().name(),
                            b.paymentId() == null ? null : b.paymentId().toString(),
                            b.bankReference(),
                            b.ledgerAmount(),
                            b.statementAmount(),
                            b.detail()
                        })
                        .toList());
        outbox.append(new ReconciliationCompleted(
                id,
                fileName,
                from,
                to,
                lines,
                matched,
                returned,
                count(breaks, BreakKind.MISSING_FROM_STATEMENT),
                count(breaks, BreakKind.UNKNOWN_IN_LEDGER),
                count(breaks, BreakKind.NOT_SETTLED_IN_LEDGER),
                count(breaks, BreakKind.AMOUNT_MISMATCH),
                importedBy,
                clock.instant()));
    }

    private static long count(List<Break> breaks, BreakKind kind) {
        return breaks.stream().filter(b -> b.kind() == kind).count();
    }
}

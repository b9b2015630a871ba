package id.go.kemensos.returnee.disbursement.account;

import id.go.kemensos.returnee.contracts.MaskedValues;
import id.go.kemensos.returnee.contracts.disbursement.PaymentAccountChecked;
import id.go.kemensos.returnee.disbursement.DisbursementProperties;
import id.go.kemensos.returnee.messaging.LockConflicts;
import id.go.kemensos.returnee.disbursement.bank.BankGatewayClient;
import id.go.kemensos.returnee.disbursement.ledger.PaymentLedger;
import id.go.kemensos.returnee.messaging.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Asks the bank, before a payment can be approved, whose account it is going to: an open account whose holder is the
 * registered person is VERIFIED (and, with automatic approval, approved within budget); a closed or unknown account, or
 * another name, is a MISMATCH for a finance officer. The bank is called outside any transaction; a payment whose check was
 * cut short by a crash is checked again after a minute.
 */
@Component
class AccountVerifier implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AccountVerifier.class);
    private static final Duration ABANDONED = Duration.ofMinutes(1);
    private static final int BATCH = 200;

    record Check(UUID paymentId, UUID beneficiaryId, String programId, String cycleId, String provinceCode, long amount, String bankCode,
                 String accountNumber, String holderName, String registeredName) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final BankGatewayClient bank;
    private final PaymentLedger ledger;
    private final Outbox outbox;
    private final Clock clock;
    private final DisbursementProperties properties;
    private final AccountHolderNames names;
    private final ExecutorService calls;

    AccountVerifier(JdbcTemplate jdbc, TransactionTemplate tx, BankGatewayClient bank, PaymentLedger ledger, Outbox outbox, Clock clock,
                    DisbursementProperties properties) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.bank = bank;
        this.ledger = ledger;
        this.outbox = outbox;
        this.clock = clock;
        this.properties = properties;
        this.names = new AccountHolderNames(properties.accountInquiry().nameSimilarity());
        this.calls = Executors.newFixedThreadPool(properties.dispatch().parallelCalls());
    }

    /** Inquiries run in parallel, as transfers do: one slow bank answer must not hold up the others. */
    @Scheduled(fixedDelayString = "${disbursement.dispatch.interval}")
    void verifyPending() {
        List<Check> checks = claim();
        CompletableFuture.allOf(checks.stream().map(check -> CompletableFuture.runAsync(() -> {
            BankGatewayClient.AccountInquiry answer = bank.inquire(check.paymentId().toString(), check.bankCode(), check.accountNumber());
            LockConflicts.retry("account check of payment " + check.paymentId(), () -> tx.executeWithoutResult(status -> record(check, answer)));
        }, calls)).toArray(CompletableFuture[]::new)).join();
    }

    @Override
    public void close() {
        calls.shutdown();
    }

    /** Marks a batch of pending checks CHECKING (so that a second pass does not take them) and returns them. */
    private List<Check> claim() {
        return tx.execute(status -> {
            Timestamp now = Timestamp.from(clock.instant());
            List<Check> checks = jdbc.query("""
                            SELECT p.payment_id, p.beneficiary_id, p.program_id, p.cycle_id, p.province_code, p.amount, y.bank_code,
                                   y.account_number, y.account_holder_name, y.full_name
                            FROM payment_intent p JOIN payee y ON y.beneficiary_id = p.beneficiary_id
                            WHERE p.state = 'SCHEDULED' AND (p.account_check = 'PENDING'
                                  OR (p.account_check = 'CHECKING' AND p.account_checked_at < ?))
                            ORDER BY p.scheduled_at LIMIT ? FOR UPDATE SKIP LOCKED""",
                    (rs, n) -> new Check(UUID.fromString(rs.getString("payment_id")), UUID.fromString(rs.getString("beneficiary_id")),
                            rs.getString("program_id"), rs.getString("cycle_id"), rs.getString("province_code"), rs.getLong("amount"),
                            rs.getString("bank_code"), rs.getString("account_number"), rs.getString("account_holder_name"),
                            rs.getString("full_name")),
                    Timestamp.from(clock.instant().minus(ABANDONED)), BATCH);
            for (Check check : checks) {
                jdbc.update("UPDATE payment_intent SET account_check = 'CHECKING', account_checked_at = ? WHERE payment_id = ?", now,
                        check.paymentId().toString());
            }
            return checks;
        });
    }

    private void record(Check check, BankGatewayClient.AccountInquiry answer) {
        if (answer instanceof BankGatewayClient.AccountInquiry.Unknown unknown) {
            jdbc.update("UPDATE payment_intent SET account_check = 'PENDING' WHERE payment_id = ? AND account_check = 'CHECKING'",
                    check.paymentId().toString());
            log.warn("Account inquiry for payment {} unanswered ({}); it is asked again", check.paymentId(), unknown.reason());
            return;
        }
        String seen = null;
        String result;
        String detail;
        double score = 0;
        if (answer instanceof BankGatewayClient.AccountInquiry.Holder holder) {
            seen = holder.name();
            AccountHolderNames.Comparison comparison = names.compare(holder.name(), check.registeredName());
            score = comparison.score();
            result = comparison.matches() ? "VERIFIED" : "MISMATCH";
            detail = comparison.matches() ? null : "Nama pemilik rekening di bank \"" + holder.name() + "\" tidak sesuai nama terdaftar / "
                    + "the bank's account holder does not match the registered name (score " + String.format(java.util.Locale.ROOT, "%.2f", score) + ")";
        } else {
            BankGatewayClient.AccountInquiry.Refused refused = (BankGatewayClient.AccountInquiry.Refused) answer;
            result = "MISMATCH";
            detail = "Rekening ditolak bank: " + refused.reason() + " / the bank refused the account (" + refused.code() + ")";
        }
        // The account checked is the account paid: kept on the payment, so that a later amendment cannot redirect it unchecked.
        int updated = jdbc.update("UPDATE payment_intent SET account_check = ?, account_holder_seen = ?, account_check_detail = ?, "
                        + "account_checked_at = ?, checked_bank_code = ?, checked_account_number = ?, checked_holder_name = ? "
                        + "WHERE payment_id = ? AND account_check = 'CHECKING' AND state = 'SCHEDULED'", result, seen, detail,
                Timestamp.from(clock.instant()), check.bankCode(), check.accountNumber(), check.holderName(), check.paymentId().toString());
        if (updated == 0) {
            return; // the payee's account changed meanwhile, and the check starts again
        }
        outbox.append(new PaymentAccountChecked(check.paymentId(), check.beneficiaryId(), result, check.bankCode(),
                MaskedValues.lastFour(check.accountNumber()), score, detail, clock.instant()));
        if ("VERIFIED".equals(result)) {
            ledger.approveIfAutomatic(new PaymentLedger.Scheduled(check.paymentId(), check.beneficiaryId(), check.programId(), check.cycleId(),
                    check.provinceCode(), check.amount()));
        } else {
            log.info("Payment {} held: account {} {}", check.paymentId(), MaskedValues.lastFour(check.accountNumber()), detail);
        }
    }
}

package id.go.kemensos.returnee.disbursement.account;

import id.go.kemensos.returnee.contracts.registration.AccountHolderNames;
import id.go.kemensos.returnee.contracts.registration.BankAccount;
import id.go.kemensos.returnee.disbursement.payee.PayeeSeal;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

    record Check(UUID paymentId, UUID beneficiaryId, String programId, String cycleId, String provinceCode, long amount,
                 int accountVersion, PayeeSeal.Payee payee) {

        BankAccount account() {
            return payee.account();
        }
    }

    /** A claimed row, before its payee's personal data is opened. */
    private record Claimed(UUID paymentId, UUID beneficiaryId, String programId, String cycleId, String provinceCode, long amount,
                           int accountVersion, String sealedPayee) {
    }

    /** Why a payment of an erased person is held: nobody can be paid whose account can no longer be read. */
    static final String ERASED = "Data pribadi penerima telah dihapus / the payee's personal data was erased";

    private final JdbcTemplate jdbc;
    private final PayeeSeal seal;
    private final TransactionTemplate tx;
    private final BankGatewayClient bank;
    private final PaymentLedger ledger;
    private final Outbox outbox;
    private final Clock clock;
    private final DisbursementProperties properties;
    private final AccountHolderNames names;
    private final ExecutorService calls;

    AccountVerifier(JdbcTemplate jdbc, PayeeSeal seal, TransactionTemplate tx, BankGatewayClient bank, PaymentLedger ledger, Outbox outbox,
                    Clock clock, DisbursementProperties properties) {
        this.jdbc = jdbc;
        this.seal = seal;
        this.tx = tx;
        this.bank = bank;
        this.ledger = ledger;
        this.outbox = outbox;
        this.clock = clock;
        this.properties = properties;
        this.names = AccountHolderNames.STANDARD; // the rule eligibility applies too
        this.calls = Executors.newFixedThreadPool(properties.dispatch().parallelCalls());
    }

    /** Inquiries run in parallel, as transfers do: one slow bank answer must not hold up the others. */
    @Scheduled(fixedDelayString = "${disbursement.dispatch.interval}")
    void verifyPending() {
        List<Check> checks = claim();
        CompletableFuture.allOf(checks.stream().map(check -> CompletableFuture.runAsync(() -> {
            BankGatewayClient.AccountInquiry answer = bank.inquire(check.paymentId().toString(), check.account().bankCode(),
                    check.account().accountNumber());
            LockConflicts.retry("account check of payment " + check.paymentId(), () -> tx.executeWithoutResult(status -> record(check, answer)));
        }, calls)).toArray(CompletableFuture[]::new)).join();
    }

    @Override
    public void close() {
        calls.shutdown();
    }

    /**
     * Marks a batch of pending checks CHECKING (so that a second pass does not take them) and returns them. A payment whose
     * payee was erased cannot be checked or paid: it is marked a MISMATCH for finance to see.
     */
    private List<Check> claim() {
        return tx.execute(status -> {
            Timestamp now = Timestamp.from(clock.instant());
            List<Claimed> claimed = jdbc.query("""
                            SELECT p.payment_id, p.beneficiary_id, p.program_id, p.cycle_id, p.province_code, p.amount, y.account_version,
                                   y.personal_data
                            FROM payment_intent p JOIN payee y ON y.beneficiary_id = p.beneficiary_id
                            WHERE p.state = 'SCHEDULED' AND (p.account_check = 'PENDING'
                                  OR (p.account_check = 'CHECKING' AND p.account_checked_at < ?))
                            ORDER BY p.scheduled_at LIMIT ? FOR UPDATE SKIP LOCKED""",
                    (rs, n) -> new Claimed(UUID.fromString(rs.getString("payment_id")), UUID.fromString(rs.getString("beneficiary_id")),
                            rs.getString("program_id"), rs.getString("cycle_id"), rs.getString("province_code"), rs.getLong("amount"),
                            rs.getInt("account_version"), rs.getString("personal_data")),
                    Timestamp.from(clock.instant().minus(ABANDONED)), BATCH);
            seal.loadKeys(claimed.stream().map(Claimed::beneficiaryId).toList());
            List<Check> checks = new ArrayList<>();
            for (Claimed c : claimed) {
                Optional<PayeeSeal.Payee> payee = seal.openPayee(c.beneficiaryId(), c.sealedPayee());
                if (payee.isEmpty()) {
                    jdbc.update("UPDATE payment_intent SET account_check = 'MISMATCH', account_checked_at = ?, account_check_detail = ? "
                            + "WHERE payment_id = ?", now, ERASED, c.paymentId().toString());
                    continue;
                }
                jdbc.update("UPDATE payment_intent SET account_check = 'CHECKING', account_checked_at = ? WHERE payment_id = ?", now,
                        c.paymentId().toString());
                checks.add(new Check(c.paymentId(), c.beneficiaryId(), c.programId(), c.cycleId(), c.provinceCode(), c.amount(),
                        c.accountVersion(), payee.get()));
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
            AccountHolderNames.Comparison comparison = names.compare(holder.name(), check.payee().fullName());
            score = comparison.score();
            result = comparison.matches() ? "VERIFIED" : "MISMATCH";
            // The names themselves are shown to finance from the sealed columns, never written into the detail or its event.
            detail = comparison.matches() ? null : "Nama pemilik rekening di bank tidak sesuai nama terdaftar / "
                    + "the bank's account holder does not match the registered name (score " + String.format(java.util.Locale.ROOT, "%.2f", score) + ")";
        } else {
            BankGatewayClient.AccountInquiry.Refused refused = (BankGatewayClient.AccountInquiry.Refused) answer;
            result = "MISMATCH";
            detail = "Rekening ditolak bank: " + refused.reason() + " / the bank refused the account (" + refused.code() + ")";
        }
        // The account checked is the account paid: kept on the payment, so that a later amendment cannot redirect it unchecked.
        int updated = jdbc.update("UPDATE payment_intent SET account_check = ?, holder_seen = ?, account_check_detail = ?, "
                        + "account_checked_at = ?, checked_bank_code = ?, checked_account = ?, checked_account_version = ?, account_masked = ? "
                        + "WHERE payment_id = ? AND account_check = 'CHECKING' AND state = 'SCHEDULED'", result,
                seen == null ? null : seal.holderSeen(check.beneficiaryId(), seen), detail, Timestamp.from(clock.instant()),
                check.account().bankCode(), seal.account(check.beneficiaryId(), PayeeSeal.CHECKED_ACCOUNT, check.account()),
                check.accountVersion(), check.account().maskedAccountNumber(), check.paymentId().toString());
        if (updated == 0) {
            return; // the payee's account changed meanwhile, and the check starts again
        }
        outbox.append(new PaymentAccountChecked(check.paymentId(), check.beneficiaryId(), result, check.account().bankCode(),
                check.account().maskedAccountNumber(), score, detail, clock.instant()));
        if ("VERIFIED".equals(result)) {
            ledger.approveIfAutomatic(new PaymentLedger.Scheduled(check.paymentId(), check.beneficiaryId(), check.programId(), check.cycleId(),
                    check.provinceCode(), check.amount()));
        } else {
            log.info("Payment {} held: account {} {}", check.paymentId(), check.account().maskedAccountNumber(), detail);
        }
    }
}

package id.go.kemensos.returnee.disbursement.account;

import id.go.kemensos.returnee.contracts.MaskedValues;
import id.go.kemensos.returnee.contracts.disbursement.PaymentAccountChecked;
import id.go.kemensos.returnee.disbursement.Refusal;
import id.go.kemensos.returnee.disbursement.ledger.PaymentLedger;
import id.go.kemensos.returnee.messaging.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Payments whose account the bank could not confirm as the registered person's. A finance officer who has seen proof (a
 * joint account, a bank's spelling) accepts the account, with a reason; otherwise the returnee's account is amended at
 * registration, and the payment is checked again against the new one.
 */
@Service
public class AccountReviews {

    private static final Logger log = LoggerFactory.getLogger(AccountReviews.class);

    private final JdbcTemplate jdbc;
    private final PaymentLedger ledger;
    private final Outbox outbox;
    private final Clock clock;

    AccountReviews(JdbcTemplate jdbc, PaymentLedger ledger, Outbox outbox, Clock clock) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.outbox = outbox;
        this.clock = clock;
    }

    public List<Map<String, Object>> pending(String provinceCode) {
        return jdbc.queryForList("""
                SELECT p.payment_id, p.beneficiary_id, p.program_id, p.cycle_id, p.amount, p.regency_code, y.full_name AS registered_name,
                       p.account_holder_seen, COALESCE(p.checked_bank_code, y.bank_code) AS bank_code,
                       CONCAT('***', RIGHT(COALESCE(p.checked_account_number, y.account_number), 4)) AS account_number_masked,
                       p.account_check_detail, p.account_checked_at
                FROM payment_intent p JOIN payee y ON y.beneficiary_id = p.beneficiary_id
                WHERE p.province_code = ? AND p.state = 'SCHEDULED' AND p.account_check = 'MISMATCH'
                ORDER BY p.scheduled_at""", provinceCode);
    }

    @Transactional
    public void accept(UUID paymentId, String officer, String reason) {
        List<Map<String, Object>> rows = jdbc.queryForList("""
                SELECT p.beneficiary_id, p.program_id, p.cycle_id, p.province_code, p.amount, p.account_check,
                       COALESCE(p.checked_bank_code, y.bank_code) AS bank_code, COALESCE(p.checked_account_number, y.account_number) AS account_number
                FROM payment_intent p JOIN payee y ON y.beneficiary_id = p.beneficiary_id
                WHERE p.payment_id = ? AND p.state = 'SCHEDULED' FOR UPDATE""", paymentId.toString());
        if (rows.isEmpty()) {
            throw Refusal.notFound("Tidak ada pembayaran terjadwal " + paymentId + " / no scheduled payment " + paymentId);
        }
        Map<String, Object> p = rows.get(0);
        if (!"MISMATCH".equals(p.get("account_check"))) {
            throw Refusal.conflict("Rekening pembayaran ini tidak menunggu tinjauan (" + p.get("account_check") + ") / "
                    + "this payment's account is not waiting for review");
        }
        String detail = "Diterima petugas " + officer + ": " + reason + " / accepted by " + officer;
        jdbc.update("UPDATE payment_intent SET account_check = 'VERIFIED', account_check_detail = ? WHERE payment_id = ?", detail,
                paymentId.toString());
        UUID beneficiaryId = UUID.fromString((String) p.get("beneficiary_id"));
        outbox.append(new PaymentAccountChecked(paymentId, beneficiaryId, "VERIFIED_BY_OFFICER", (String) p.get("bank_code"),
                MaskedValues.lastFour((String) p.get("account_number")), 0, detail, clock.instant()));
        ledger.approveIfAutomatic(new PaymentLedger.Scheduled(paymentId, beneficiaryId, (String) p.get("program_id"), (String) p.get("cycle_id"),
                (String) p.get("province_code"), ((Number) p.get("amount")).longValue()));
        log.info("Account of payment {} accepted by {}", paymentId, officer);
    }
}

package id.go.kemensos.returnee.disbursement.account;

import id.go.kemensos.returnee.disbursement.payee.PayeeSeal;
import id.go.kemensos.returnee.contracts.disbursement.PaymentAccountChecked;
import id.go.kemensos.returnee.security.Refusal;
import id.go.kemensos.returnee.disbursement.ledger.PaymentLedger;
import id.go.kemensos.returnee.messaging.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
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
    private final PayeeSeal seal;
    private final PaymentLedger ledger;
    private final Outbox outbox;
    private final Clock clock;

    AccountReviews(JdbcTemplate jdbc, PayeeSeal seal, PaymentLedger ledger, Outbox outbox, Clock clock) {
        this.jdbc = jdbc;
        this.seal = seal;
        this.ledger = ledger;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Payments held for a finance officer's review, with the two names to compare (the registered one and the bank's), opened
     * from their sealed columns; an erased payee's read as null.
     */
    public List<Map<String, Object>> pending(String provinceCode) { // null: every province
        List<Map<String, Object>> rows = jdbc.queryForList("""
                SELECT p.payment_id, p.beneficiary_id, p.program_id, p.cycle_id, p.amount, p.regency_code, y.personal_data,
                       p.holder_seen, COALESCE(p.checked_bank_code, y.bank_code) AS bank_code, p.account_masked,
                       p.account_check_detail, p.account_checked_at
                FROM payment_intent p JOIN payee y ON y.beneficiary_id = p.beneficiary_id
                WHERE (? IS NULL OR p.province_code = ?) AND p.state = 'SCHEDULED' AND p.account_check = 'MISMATCH'
                ORDER BY p.scheduled_at""", provinceCode, provinceCode);
        seal.loadKeys(rows.stream().map(r -> UUID.fromString((String) r.get("beneficiary_id"))).toList());
        List<Map<String, Object>> shown = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            UUID person = UUID.fromString((String) row.get("beneficiary_id"));
            Optional<PayeeSeal.Payee> payee = seal.openPayee(person, (String) row.remove("personal_data"));
            String holderSeen = (String) row.remove("holder_seen");
            Map<String, Object> review = new LinkedHashMap<>(row);
            review.put("registered_name", payee.map(PayeeSeal.Payee::fullName).orElse(null));
            review.put("account_holder_seen", holderSeen == null ? null : seal.openHolderSeen(person, holderSeen).orElse(null));
            review.put("account_number_masked", row.get("account_masked") != null ? row.get("account_masked")
                    : payee.map(p -> p.account().maskedAccountNumber()).orElse(null));
            review.remove("account_masked");
            shown.add(review);
        }
        return shown;
    }

    @Transactional
    public void accept(UUID paymentId, String officer, String reason) {
        List<Map<String, Object>> rows = jdbc.queryForList("""
                SELECT p.beneficiary_id, p.program_id, p.cycle_id, p.province_code, p.amount, p.account_check, p.account_check_detail,
                       COALESCE(p.checked_bank_code, y.bank_code) AS bank_code, p.account_masked
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
        if (AccountVerifier.ERASED.equals(p.get("account_check_detail"))) {
            throw Refusal.conflict("Data pribadi penerima telah dihapus; pembayaran tidak dapat dikirim / "
                    + "the payee's personal data was erased; the payment cannot be sent");
        }
        String detail = "Diterima petugas " + officer + ": " + reason + " / accepted by " + officer;
        jdbc.update("UPDATE payment_intent SET account_check = 'VERIFIED', account_check_detail = ? WHERE payment_id = ?", detail,
                paymentId.toString());
        UUID beneficiaryId = UUID.fromString((String) p.get("beneficiary_id"));
        outbox.append(new PaymentAccountChecked(paymentId, beneficiaryId, "VERIFIED_BY_OFFICER", (String) p.get("bank_code"),
                (String) p.get("account_masked"), 0, detail, clock.instant()));
        ledger.approveIfAutomatic(new PaymentLedger.Scheduled(paymentId, beneficiaryId, (String) p.get("program_id"), (String) p.get("cycle_id"),
                (String) p.get("province_code"), ((Number) p.get("amount")).longValue()));
        log.info("Account of payment {} accepted by {}", paymentId, officer);
    }
}

package id.go.kemensos.returnee.disbursement.payee;

import id.go.kemensos.returnee.contracts.MaskedValues;
import id.go.kemensos.returnee.contracts.registration.ReturneeRegistered;
import id.go.kemensos.returnee.contracts.registration.ReturneeUpdated;
import id.go.kemensos.returnee.messaging.IncomingEvent;
import id.go.kemensos.returnee.messaging.ProcessedEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;

/**
 * Keeps the payee details that transfers need, from registration-service's events. An account amendment reaches every
 * payment not yet batched or approved: those are checked again, on the new account. A payment already in a batch or
 * approved keeps the account its inquiry checked, the one the officers approved (a logged warning says so); if that
 * transfer fails, its reissue goes to the new account, checked first.
 */
@Service
public class PayeeProjection {

    static final String CONSUMER = "disbursement.registration-events";
    private static final Logger log = LoggerFactory.getLogger(PayeeProjection.class);

    private final ProcessedEvents processed;
    private final JdbcTemplate jdbc;

    PayeeProjection(ProcessedEvents processed, JdbcTemplate jdbc) {
        this.processed = processed;
        this.jdbc = jdbc;
    }

    @Transactional
    public void onRegistrationEvent(IncomingEvent event) {
        if (!processed.markHandled(CONSUMER, event.id())) {
            return;
        }
        event.payloadAs(ReturneeRegistered.class).ifPresent(r -> jdbc.update("""
                        INSERT INTO payee (beneficiary_id, full_name, province_code, regency_code, bank_code, account_number,
                            account_holder_name, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        ON DUPLICATE KEY UPDATE full_name = VALUES(full_name), province_code = VALUES(province_code),
                            regency_code = VALUES(regency_code), bank_code = VALUES(bank_code),
                            account_number = VALUES(account_number), account_holder_name = VALUES(account_holder_name),
                            updated_at = VALUES(updated_at)""",
                r.beneficiaryId().toString(), r.fullName(), r.provinceCode(), r.regencyCode(), r.bankAccount().bankCode(),
                r.bankAccount().accountNumber(), r.bankAccount().holderName(), Timestamp.from(r.registeredAt())));
        event.payloadAs(ReturneeUpdated.class).ifPresent(u -> {
            jdbc.update("UPDATE payee SET bank_code = ?, account_number = ?, account_holder_name = ?, updated_at = ? WHERE beneficiary_id = ?",
                    u.bankAccount().bankCode(), u.bankAccount().accountNumber(), u.bankAccount().holderName(),
                    Timestamp.from(u.updatedAt()), u.beneficiaryId().toString());
            jdbc.update("UPDATE payment_intent SET account_check = 'PENDING', account_holder_seen = NULL, account_check_detail = NULL "
                    + "WHERE beneficiary_id = ? AND state = 'SCHEDULED' AND batch_id IS NULL", u.beneficiaryId().toString());
            jdbc.query("""
                            SELECT payment_id, state, checked_bank_code, checked_account_number FROM payment_intent
                            WHERE beneficiary_id = ? AND (state = 'APPROVED' OR (state = 'SCHEDULED' AND batch_id IS NOT NULL))
                              AND checked_account_number IS NOT NULL AND NOT (checked_bank_code = ? AND checked_account_number = ?)""",
                    rs -> {
                        log.warn("Payment {} ({}) will be paid to the account its inquiry checked, {} {}, not to the amended {} {} "
                                        + "(checked for the person's later payments and any reissue)", rs.getString("payment_id"),
                                "APPROVED".equals(rs.getString("state")) ? "approved" : "in a batch", rs.getString("checked_bank_code"),
                                MaskedValues.lastFour(rs.getString("checked_account_number")), u.bankAccount().bankCode(),
                                MaskedValues.lastFour(u.bankAccount().accountNumber()));
                    }, u.beneficiaryId().toString(), u.bankAccount().bankCode(), u.bankAccount().accountNumber());
        });
    }
}

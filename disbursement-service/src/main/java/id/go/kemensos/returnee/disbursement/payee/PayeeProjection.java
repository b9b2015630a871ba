package id.go.kemensos.returnee.disbursement.payee;

import id.go.kemensos.returnee.contracts.registration.ReturneeRegistered;
import id.go.kemensos.returnee.contracts.registration.ReturneeUpdated;
import id.go.kemensos.returnee.messaging.IncomingEvent;
import id.go.kemensos.returnee.messaging.ProcessedEvents;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;

/**
 * Keeps the payee details that transfers need, from registration-service's events. The dispatcher reads them when it claims
 * a payment, so an account amendment reaches every payment not yet sent and none already sent.
 */
@Service
public class PayeeProjection {

    static final String CONSUMER = "disbursement.registration-events";

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
            // A payment not yet approved is checked again against the new account; one already approved goes to it as approved.
            jdbc.update("UPDATE payment_intent SET account_check = 'PENDING', account_holder_seen = NULL, account_check_detail = NULL "
                    + "WHERE beneficiary_id = ? AND state = 'SCHEDULED' AND batch_id IS NULL", u.beneficiaryId().toString());
        });
    }
}

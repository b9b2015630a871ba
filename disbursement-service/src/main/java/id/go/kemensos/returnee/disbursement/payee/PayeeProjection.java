package id.go.kemensos.returnee.disbursement.payee;

import id.go.kemensos.returnee.contracts.registration.BankAccount;
import id.go.kemensos.returnee.contracts.registration.PersonalDataErased;
import id.go.kemensos.returnee.contracts.registration.PersonalDetails;
import id.go.kemensos.returnee.contracts.registration.ReturneeRegistered;
import id.go.kemensos.returnee.privacy.PersonalDataCipher;
import id.go.kemensos.returnee.contracts.registration.ReturneeUpdated;
import id.go.kemensos.returnee.messaging.IncomingEvent;
import id.go.kemensos.returnee.messaging.ProcessedEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

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
    private final PayeeSeal seal;
    private final PersonalDataCipher cipher;

    PayeeProjection(ProcessedEvents processed, JdbcTemplate jdbc, PayeeSeal seal, PersonalDataCipher cipher) {
        this.processed = processed;
        this.jdbc = jdbc;
        this.seal = seal;
        this.cipher = cipher;
    }

    @Transactional
    public void onRegistrationEvent(IncomingEvent event) {
        if (!processed.markHandled(CONSUMER, event.id())) {
            return;
        }
        event.payloadAs(ReturneeRegistered.class).ifPresent(this::registered);
        event.payloadAs(ReturneeUpdated.class).ifPresent(this::updated);
        event.payloadAs(PersonalDataErased.class).ifPresent(erased -> cipher.forgetKey(erased.beneficiaryId()));
    }

    private void registered(ReturneeRegistered r) {
        Optional<PersonalDetails> details = cipher.details(r);
        if (details.isEmpty()) {
            log.info("Registration of beneficiary {} arrived after the person was erased; no payee kept", r.beneficiaryId());
            return;
        }
        BankAccount account = details.get().bankAccount();
        // account_version counts the payee's accounts: a payment checked against an older version is checked again.
        jdbc.update("""
                        INSERT INTO payee (beneficiary_id, personal_data, province_code, regency_code, bank_code, account_version, updated_at)
                        VALUES (?, ?, ?, ?, ?, 1, ?)
                        ON DUPLICATE KEY UPDATE personal_data = VALUES(personal_data), province_code = VALUES(province_code),
                            regency_code = VALUES(regency_code), bank_code = VALUES(bank_code), updated_at = VALUES(updated_at)""",
                r.beneficiaryId().toString(), seal.payee(r.beneficiaryId(), details.get().fullName(), account), r.provinceCode(),
                r.regencyCode(), account.bankCode(), Timestamp.from(r.registeredAt()));
    }

    private void updated(ReturneeUpdated u) {
        Optional<PersonalDetails> contact = cipher.details(u);
        List<PayeeSeal.Payee> known = jdbc.queryForList("SELECT personal_data FROM payee WHERE beneficiary_id = ? FOR UPDATE", String.class,
                u.beneficiaryId().toString()).stream().flatMap(sealed -> seal.openPayee(u.beneficiaryId(), sealed).stream()).toList();
        if (contact.isEmpty() || known.isEmpty() || contact.get().bankAccount() == null
                || contact.get().bankAccount().equals(known.get(0).account())) {
            return; // erased, not registered here yet, or only the phone changed
        }
        BankAccount account = contact.get().bankAccount();
        jdbc.update("UPDATE payee SET personal_data = ?, bank_code = ?, account_version = account_version + 1, updated_at = ? "
                        + "WHERE beneficiary_id = ?", seal.payee(u.beneficiaryId(), known.get(0).fullName(), account), account.bankCode(),
                Timestamp.from(u.updatedAt()), u.beneficiaryId().toString());
        jdbc.update("UPDATE payment_intent SET account_check = 'PENDING', holder_seen = NULL, account_check_detail = NULL "
                + "WHERE beneficiary_id = ? AND state = 'SCHEDULED' AND batch_id IS NULL", u.beneficiaryId().toString());
        jdbc.query("""
                        SELECT payment_id, state, checked_bank_code, account_masked FROM payment_intent
                        WHERE beneficiary_id = ? AND (state = 'APPROVED' OR (state = 'SCHEDULED' AND batch_id IS NOT NULL))
                          AND checked_account IS NOT NULL""",
                rs -> {
                    log.warn("Payment {} ({}) will be paid to the account its inquiry checked, {} {}, not to the amended {} {} "
                                    + "(checked for the person's later payments and any reissue)", rs.getString("payment_id"),
                            "APPROVED".equals(rs.getString("state")) ? "approved" : "in a batch", rs.getString("checked_bank_code"),
                            rs.getString("account_masked"), account.bankCode(), account.maskedAccountNumber());
                }, u.beneficiaryId().toString());
    }
}

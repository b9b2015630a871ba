package id.go.kemensos.returnee.disbursement.payee;

import id.go.kemensos.returnee.contracts.registration.AgeBand;
import id.go.kemensos.returnee.contracts.registration.BankAccount;
import id.go.kemensos.returnee.contracts.registration.PersonalDataErased;
import id.go.kemensos.returnee.contracts.registration.PersonalDetails;
import id.go.kemensos.returnee.contracts.registration.ReturneeRegistered;
import id.go.kemensos.returnee.contracts.registration.ReturneeUpdated;
import id.go.kemensos.returnee.disbursement.payment.Payment;
import id.go.kemensos.returnee.disbursement.payment.PaymentRepository;
import id.go.kemensos.returnee.disbursement.payment.PaymentState;
import id.go.kemensos.returnee.privacy.PersonalDataCipher;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

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
    /** Ages are counted on the ministry's day of registration, as registration-service counts them. */
    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    private final JdbcTemplate jdbc;
    private final PayeeSeal seal;
    private final PersonalDataCipher cipher;
    private final PaymentRepository payments;
    private final NamedParameterJdbcTemplate named;
    private final Clock clock;

    PayeeProjection(
            JdbcTemplate jdbc, PayeeSeal seal, PersonalDataCipher cipher, PaymentRepository payments, Clock clock) {
        this.payments = payments;
        this.clock = clock;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.jdbc = jdbc;
        this.seal = seal;
        this.cipher = cipher;
    }

    /**
     * A payee as kept here: the sealed name and account, the bank's code in clear, the account's version, and whether
     * they have a phone to be told by SMS.
     */
    public record Payee(
            UUID beneficiaryId, String sealedPersonalData, String bankCode, int accountVersion, boolean hasPhone) {}

    /** A payee with their name and account opened; empty once the person was erased. */
    public record OpenedPayee(Payee kept, Optional<PayeeSeal.Payee> opened) {}

    /**
     * These people's payees, opened with their keys (read in one go), by beneficiary id; people not registered here
     * (yet) are absent.
     */
    public Map<UUID, OpenedPayee> open(Collection<UUID> people) {
        Map<UUID, Payee> found = find(people);
        seal.loadKeys(people);
        Map<UUID, OpenedPayee> opened = new HashMap<>();
        found.forEach((person, payee) ->
                opened.put(person, new OpenedPayee(payee, seal.openPayee(person, payee.sealedPersonalData()))));
        return opened;
    }

    /**
     * Where the batch of payments collected in cash goes, in place of a bank's code: PT Pos, whose offices pay them out.
     */
    public static final String POST_OFFICE = "POS";

    /**
     * The bank a payment goes to (POS for cash at a post office): its checked account's, or, where no inquiry ran, its payee's as registered now (null
     * while the payee has not arrived).
     */
    public static String bankOf(Payment payment, Payee payee) {
        if (payment.isCash()) {
            return POST_OFFICE;
        }
        if (payment.checkedAccount() != null) {
            return payment.checkedAccount().bankCode();
        }
        if (payee == null) {
            return null;
        }
        return payee.bankCode() == null ? POST_OFFICE : payee.bankCode();
    }

    /** These people's payees, by beneficiary id; people not registered here (yet) are absent. */
    public Map<UUID, Payee> find(Collection<UUID> people) {
        if (people.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Payee> found = new HashMap<>();
        named.query(
                "SELECT beneficiary_id, personal_data, bank_code, account_version, has_phone FROM payee "
                        + "WHERE beneficiary_id IN (:people)",
                Map.of("people", people.stream().map(UUID::toString).distinct().toList()),
                rs -> {
                    UUID person = UUID.fromString(rs.getString("beneficiary_id"));
                    found.put(
                            person,
                            new Payee(
                                    person,
                                    rs.getString("personal_data"),
                                    rs.getString("bank_code"),
                                    rs.getInt("account_version"),
                                    rs.getBoolean("has_phone")));
                });
        return found;
    }

    /** A person's erasure: their key is forgotten here, so their sealed payee data can no longer be opened. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void erased(PersonalDataErased erased) {
        cipher.forgetKey(erased.beneficiaryId());
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void registered(ReturneeRegistered r) {
        Optional<PersonalDetails> details = cipher.details(r);
        if (details.isEmpty()) {
            log.info(
                    "Registration of beneficiary {} arrived after the person was erased; no payee kept",
                    r.beneficiaryId());
            return;
        }
        BankAccount account = details.get().bankAccount();
        // account_version counts the payee's accounts: a payment checked against an older version is checked again.
        jdbc.update(
                """
                        INSERT INTO payee (beneficiary_id, personal_data, province_code, regency_code, bank_code,
                            account_version, updated_at, has_phone, sex, age_band)
                        VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, ?)
                        ON DUPLICATE KEY UPDATE personal_data = VALUES(personal_data),
                            province_code = VALUES(province_code), has_phone = VALUES(has_phone),
                            regency_code = VALUES(regency_code), bank_code = VALUES(bank_code), updated_at = VALUES(updated_at),
                            sex = VALUES(sex), age_band = VALUES(age_band)""",
                r.beneficiaryId().toString(),
                seal.payee(
                        r.beneficiaryId(),
                        details.get().nikMasked(),
                        details.get().fullName(),
                        account),
                r.provinceCode(),
                r.regencyCode(),
                account == null ? null : account.bankCode(),
                Timestamp.from(r.registeredAt()),
                details.get().phoneE164() != null,
                r.sex() == null ? null : r.sex().name(),
                details.get().birthDate() == null
                        ? null
                        : AgeBand.of(details.get().birthDate(), LocalDate.ofInstant(r.registeredAt(), JAKARTA))
                                .name());
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void updated(ReturneeUpdated u) {
        Optional<PersonalDetails> contact = cipher.details(u);
        List<PayeeSeal.Payee> known = jdbc
                .queryForList(
                        "SELECT personal_data FROM payee WHERE beneficiary_id = ? FOR UPDATE",
                        String.class,
                        u.beneficiaryId().toString())
                .stream()
                .flatMap(text -> seal.openPayee(u.beneficiaryId(), text).stream())
                .toList();
        if (contact.isPresent() && !known.isEmpty()) {
            jdbc.update(
                    "UPDATE payee SET has_phone = ? WHERE beneficiary_id = ?",
                    contact.get().phoneE164() != null,
                    u.beneficiaryId().toString());
        }
        if (contact.isEmpty()
                || known.isEmpty()
                || contact.get().bankAccount() == null
                || contact.get().bankAccount().equals(known.get(0).account())) {
            return; // erased, not registered here yet, or only the phone changed
        }
        BankAccount account = contact.get().bankAccount();
        jdbc.update(
                "UPDATE payee SET personal_data = ?, bank_code = ?, account_version = account_version + 1, "
                        + "updated_at = ? WHERE beneficiary_id = ?",
                seal.payee(
                        u.beneficiaryId(),
                        known.get(0).nikMasked(),
                        known.get(0).fullName(),
                        account),
                account.bankCode(),
                Timestamp.from(u.updatedAt()),
                u.beneficiaryId().toString());
        Instant now = Instant.now(clock);
        List<Payment> rechecked = new ArrayList<>();
        for (Payment payment : payments.lockUnsent(u.beneficiaryId())) {
            if (payment.payeeAccountAmended(now)) {
                rechecked.add(payment);
            } else if (payment.keepsCheckedAccount()) {
                log.warn(
                        "Payment {} ({}) will be paid to the account its inquiry checked, {} {}, not to the "
                                + "amended {} {} (checked for the person's later payments and any reissue)",
                        payment.paymentId(),
                        payment.state() == PaymentState.APPROVED ? "approved" : "in a batch",
                        payment.checkedAccount().bankCode(),
                        payment.accountMasked(),
                        account.bankCode(),
                        account.maskedAccountNumber());
            }
        }
        payments.saveAll(rechecked);
    }
}

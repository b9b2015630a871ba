package id.go.kemensos.returnee.disbursement.payee;

import id.go.kemensos.returnee.contracts.MaskedValues;
import id.go.kemensos.returnee.contracts.registration.BankAccount;
import id.go.kemensos.returnee.messaging.CodeMigration;
import id.go.kemensos.returnee.privacy.PersonKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Version 7: the payee's name and account, and a payment's checked account, sent-to account and bank-given holder name,
 * are sealed with the person's data key ({@link PayeeSeal}); the bank code and the masked account number stay clear. A
 * payment's check is compared with the payee's account by the account's version ({@code account_version}, counted up by
 * each amendment), not by its digits. Written in Java because sealing needs the person's key, which
 * registration-service creates (its schema version 9 creates the keys of people registered before): a row whose key
 * does not exist yet stops this migration with a message, and it runs again at the next start.
 */
@Component
class PayeeSealMigration extends CodeMigration {

    private final PayeeSeal seal;
    private final PersonKeys keys;

    PayeeSealMigration(PayeeSeal seal, PersonKeys keys) {
        super(7, "sealed payee data");
        this.seal = seal;
        this.keys = keys;
    }

    @Override
    protected void migrate(JdbcTemplate jdbc) {
        jdbc.execute("ALTER TABLE payee ADD COLUMN IF NOT EXISTS personal_data MEDIUMTEXT NULL AFTER beneficiary_id, "
                + "ADD COLUMN IF NOT EXISTS account_version INT NOT NULL DEFAULT 1");
        jdbc.execute("ALTER TABLE payment_intent ADD COLUMN IF NOT EXISTS checked_account MEDIUMTEXT NULL, "
                + "ADD COLUMN IF NOT EXISTS checked_account_version INT NULL, ADD COLUMN IF NOT EXISTS "
                + "paid_account MEDIUMTEXT NULL, "
                + "ADD COLUMN IF NOT EXISTS account_masked VARCHAR(8) NULL, ADD COLUMN IF NOT EXISTS "
                + "holder_seen MEDIUMTEXT NULL");
        List<Object[]> payees = new ArrayList<>();
        jdbc.query(
                "SELECT beneficiary_id, full_name, bank_code, account_number, account_holder_name FROM payee "
                        + "WHERE personal_data IS NULL",
                rs -> {
                    UUID person = keyOf(rs.getString(1));
                    payees.add(new Object[] {
                        seal.payee(
                                person,
                                null,
                                rs.getString(2),
                                new BankAccount(rs.getString(3), rs.getString(4), rs.getString(5))),
                        person.toString()
                    });
                });
        batched(jdbc, "UPDATE payee SET personal_data = ? WHERE beneficiary_id = ?", payees);
        List<Object[]> payments = new ArrayList<>();
        jdbc.query("""
                SELECT p.payment_id, p.beneficiary_id, p.bank_code, p.account_number, p.checked_bank_code, p.checked_account_number,
                       p.checked_holder_name, p.account_holder_seen, y.account_holder_name, y.bank_code, y.account_number
                FROM payment_intent p LEFT JOIN payee y ON y.beneficiary_id = p.beneficiary_id""", rs -> {
            UUID person = keyOf(rs.getString(2));
            String holder = rs.getString(7) != null ? rs.getString(7) : rs.getString(9);
            String checked = rs.getString(6) == null
                    ? null
                    : seal.account(
                            person,
                            PayeeSeal.CHECKED_ACCOUNT,
                            new BankAccount(rs.getString(5), rs.getString(6), rs.getString(7)));
            String paid = rs.getString(4) == null
                    ? null
                    : seal.account(
                            person, PayeeSeal.PAID_ACCOUNT, new BankAccount(rs.getString(3), rs.getString(4), holder));
            String shown = rs.getString(4) != null ? rs.getString(4) : rs.getString(6);
            // Checked against the payee's account as it is now: version 1, the current one; else an older one (0).
            Integer version = checked == null
                    ? null
                    : Objects.equals(rs.getString(5), rs.getString(10))
                                    && Objects.equals(rs.getString(6), rs.getString(11))
                            ? 1
                            : 0;
            payments.add(new Object[] {
                checked,
                version,
                paid,
                shown == null ? null : MaskedValues.lastFour(shown),
                rs.getString(8) == null ? null : seal.holderSeen(person, rs.getString(8)),
                rs.getString(1)
            });
        });
        batched(
                jdbc,
                "UPDATE payment_intent SET checked_account = ?, checked_account_version = ?, paid_account = ?, "
                        + "account_masked = ?, holder_seen = ? WHERE payment_id = ?",
                payments);
        jdbc.execute("ALTER TABLE payee DROP COLUMN full_name, DROP COLUMN account_number, "
                + "DROP COLUMN account_holder_name");
        jdbc.execute("ALTER TABLE payment_intent DROP COLUMN account_number, DROP COLUMN checked_account_number, "
                + "DROP COLUMN checked_holder_name, DROP COLUMN account_holder_seen");
    }

    private UUID keyOf(String beneficiaryId) {
        UUID person = UUID.fromString(beneficiaryId);
        keys.requireExisting(person);
        return person;
    }
}

package id.go.kemensos.returnee.disbursement.payee;

import id.go.kemensos.returnee.contracts.disbursement.CashClaimIssued;
import id.go.kemensos.returnee.contracts.registration.BankAccount;
import id.go.kemensos.returnee.contracts.registration.PersonalDetails;
import id.go.kemensos.returnee.privacy.PersonalDataCipher;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The personal data disbursement keeps, sealed with each person's data key: the payee's name and account
 * ({@code payee.personal_data}), and on a payment the account a bank opened for a payee who had none, the account its
 * inquiry checked, the account it was sent to and the
 * holder name the bank gave. Everything else (bank code, last four digits, amounts, states) stays clear for SQL and
 * reports. Once a person is erased, these open as empty: their payments stay, without the personal fields.
 */
@Component
public class PayeeSeal {

    public static final String CHECKED_ACCOUNT = "checkedAccount";
    public static final String PAID_ACCOUNT = "paidAccount";
    /** An account a bank opened for a payee who had none (rekening kolektif), until it is checked. */
    public static final String OPENED_ACCOUNT = "openedAccount";

    private static final String PAYEE = "payee";
    private static final String HOLDER_SEEN = "accountHolderSeen";

    /**
     * A payee as registered: the name the bank's holder must match, the account to pay, and the masked NIK the batch's
     * nominal list shows (null for payees kept before it was).
     */
    public record Payee(String fullName, BankAccount account, String nikMasked) {}

    private final PersonalDataCipher cipher;

    PayeeSeal(PersonalDataCipher cipher) {
        this.cipher = cipher;
    }

    String payee(UUID person, String nikMasked, String fullName, BankAccount account) {
        return cipher.sealRecord(
                person, PAYEE, new PersonalDetails(nikMasked, fullName, null, null, account, null, null, null, null));
    }

    public Optional<Payee> openPayee(UUID person, String sealed) {
        return cipher.openRecord(person, PAYEE, sealed, PersonalDetails.class)
                .map(p -> new Payee(p.fullName(), p.bankAccount(), p.nikMasked()));
    }

    public String account(UUID person, String field, BankAccount account) {
        return cipher.sealRecord(person, field, account);
    }

    public Optional<BankAccount> openAccount(UUID person, String field, String sealed) {
        return cipher.openRecord(person, field, sealed, BankAccount.class);
    }

    public String holderSeen(UUID person, String name) {
        return cipher.seal(person, HOLDER_SEEN, name);
    }

    public Optional<String> openHolderSeen(UUID person, String sealed) {
        return cipher.open(person, HOLDER_SEEN, sealed);
    }

    /** A cash claim's code, sealed for its person alone, as it travels to the SMS that tells them. */
    public String claimCode(UUID person, String code) {
        return cipher.seal(person, CashClaimIssued.CLAIM_CODE_FIELD, code);
    }

    /** Reads these people's keys in one go, before a batch of their payments is opened. */
    public void loadKeys(Collection<UUID> people) {
        cipher.loadKeys(people);
    }
}

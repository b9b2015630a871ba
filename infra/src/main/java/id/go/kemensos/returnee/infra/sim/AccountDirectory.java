package id.go.kemensos.returnee.infra.sim;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * The simulated banks' account holders, the source of account-inquiry names. Keyed by the 3-digit bank code: SNAP's
 * {@code beneficiaryBankCode} may carry a 4-digit branch suffix (e.g. {@code 0020307}), which does not change the
 * account.
 *
 * <p>With auto-open on (the default) any unregistered, syntactically valid account exists, so load tests need not
 * register thousands of accounts; its holder name is empty unless a source of names is given (the local platform and
 * the benchmarks give the names their returnees registered). A test that wants "Invalid Account" turns auto-open off.
 */
final class AccountDirectory {

    /** 3-digit bank code, optionally followed by a 4-digit branch code. */
    static final Pattern BANK_CODE = Pattern.compile("^\\d{3}(\\d{4})?$");
    /**
     * Account numbers are digits only; lengths vary by bank (10 to 16 in practice) so only the upper bound is checked.
     */
    static final Pattern ACCOUNT_NO = Pattern.compile("^\\d{1,34}$");

    record Account(String holderName, boolean closed) {}

    private final Map<String, Account> accounts = new ConcurrentHashMap<>();
    private volatile boolean autoOpen = true;
    /** Where an auto-opened account's holder name comes from (bank code, account number); none: the name is empty. */
    private volatile BiFunction<String, String, String> autoOpenHolders = (bank, account) -> "";

    void register(String bankCode, String accountNo, String holderName) {
        requireValid(bankCode, accountNo);
        accounts.put(key(bankCode, accountNo), new Account(holderName == null ? "" : holderName, false));
    }

    /** Closes a registered account, or records an unknown one as existing-but-closed. */
    void close(String bankCode, String accountNo) {
        requireValid(bankCode, accountNo);
        accounts.merge(
                key(bankCode, accountNo), new Account("", true), (old, fresh) -> new Account(old.holderName(), true));
    }

    Optional<Account> find(String bankCode, String accountNo) {
        Account account = accounts.get(key(bankCode, accountNo));
        if (account == null && autoOpen) {
            String holder = autoOpenHolders.apply(bankKey(bankCode), accountNo);
            return Optional.of(new Account(holder == null ? "" : holder, false));
        }
        return Optional.ofNullable(account);
    }

    void autoOpenHolders(BiFunction<String, String, String> holders) {
        autoOpenHolders = holders;
    }

    void autoOpen(boolean enabled) {
        autoOpen = enabled;
    }

    void clear() {
        accounts.clear();
        autoOpen = true;
        autoOpenHolders = (bank, account) -> "";
    }

    static String bankKey(String bankCode) {
        return bankCode.substring(0, 3);
    }

    static boolean validBankCode(String bankCode) {
        return bankCode != null && BANK_CODE.matcher(bankCode).matches();
    }

    static boolean validAccountNo(String accountNo) {
        return accountNo != null && ACCOUNT_NO.matcher(accountNo).matches();
    }

    private static String key(String bankCode, String accountNo) {
        return bankKey(bankCode) + "/" + accountNo;
    }

    private static void requireValid(String bankCode, String accountNo) {
        if (!validBankCode(bankCode)) {
            throw new IllegalArgumentException("bank code must be 3 or 7 digits: " + bankCode);
        }
        if (!validAccountNo(accountNo)) {
            throw new IllegalArgumentException("account number must be digits only: " + SimulatorHttp.mask(accountNo));
        }
    }
}

package id.go.kemensos.returnee.testsupport;

import id.go.kemensos.returnee.contracts.registration.BankAccount;
import id.go.kemensos.returnee.contracts.registration.PersonalDetails;
import id.go.kemensos.returnee.infra.stack.LocalStack;
import id.go.kemensos.returnee.infra.stack.StackDatabase;
import id.go.kemensos.returnee.privacy.DatabasePersonKeyStore;
import id.go.kemensos.returnee.privacy.PersonKeys;
import id.go.kemensos.returnee.privacy.PersonalDataCipher;
import id.go.kemensos.returnee.privacy.PlatformKeys;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the personal columns the services keep sealed (disbursement's payee and payment accounts, notification's
 * contacts) with the stack's keys, as the services themselves open them: for tests that check which account was paid or
 * which phone is kept. The field names are the services' own (disbursement's PayeeSeal, notification's SealedContacts).
 */
public final class SealedColumns {

    private final JdbcTemplate jdbc;
    private final PersonKeys keys;
    private final PersonalDataCipher cipher;

    SealedColumns(LocalStack stack) {
        this.jdbc = new JdbcTemplate(new DriverManagerDataSource(StackDatabase.serverUrl(), "root", ""));
        // Nothing kept unwrapped: a test reads what the key vault holds now.
        this.keys = new PersonKeys(
                PlatformKeys.load(LocalStack.keysDirectory(stack.home())),
                new DatabasePersonKeyStore(jdbc, Clock.systemUTC()),
                Duration.ZERO);
        this.cipher = new PersonalDataCipher(keys, JsonMapper.builder().build());
    }

    /**
     * A new person's details sealed as registration-service seals them (their key created in the key vault), for a test
     * that publishes a registration event itself.
     */
    public String sealAsRegistration(UUID person, PersonalDetails details) {
        return cipher.sealRecord(
                keys.createAll(List.of(person)).get(person), person, PersonalDataCipher.DETAILS, details);
    }

    /** The account disbursement would pay the person to now. */
    public Optional<BankAccount> payeeAccount(UUID person) {
        return first(jdbc.queryForList(
                        "SELECT personal_data FROM disbursement.payee WHERE beneficiary_id = ?",
                        String.class,
                        person.toString()))
                .flatMap(text -> cipher.openRecord(person, "payee", text, PersonalDetails.class))
                .map(PersonalDetails::bankAccount);
    }

    /**
     * The account the person's (only) payment was checked against ({@code checked_account}) or sent to
     * ({@code paid_account}).
     */
    public Optional<BankAccount> paymentAccount(UUID person, String column) {
        String field = switch (column) {
            case "checked_account" -> "checkedAccount";
            case "paid_account" -> "paidAccount";
            default -> throw new IllegalArgumentException(column);
        };
        return first(jdbc.queryForList(
                        "SELECT " + column + " FROM disbursement.payment_intent WHERE beneficiary_id = ?",
                        String.class,
                        person.toString()))
                .flatMap(text -> cipher.openRecord(person, field, text, BankAccount.class));
    }

    /** The phone notification would text the person at now. */
    public Optional<String> contactPhone(UUID person) {
        return first(jdbc.queryForList(
                        "SELECT personal_data FROM notification.contact WHERE beneficiary_id = ?",
                        String.class,
                        person.toString()))
                .flatMap(text -> cipher.openRecord(person, "contact", text, PersonalDetails.class))
                .map(PersonalDetails::phoneE164);
    }

    private static Optional<String> first(List<String> values) {
        return values.stream().filter(v -> v != null).findFirst();
    }
}

package id.go.kemensos.returnee.privacy;

import com.google.crypto.tink.Aead;
import id.go.kemensos.returnee.contracts.registration.PersonalDetails;
import id.go.kemensos.returnee.contracts.registration.ReturneeRegistered;
import id.go.kemensos.returnee.contracts.registration.ReturneeUpdated;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seals one personal field of one person (a name, a phone, an account number) with that person's data key, binding it
 * to the person and the field as associated data, so that a sealed value copied to another person or field does not
 * open. Sealed text is {@value #PREFIX} followed by URL-safe base64; it can be stored in a column or an event payload.
 * A record (a person's {@link PersonalDetails}, eligibility's facts) is sealed whole as JSON: one operation per record,
 * not per field.
 */
public final class PersonalDataCipher {

    static final String PREFIX = "pd1:";
    /** The field name a person's {@link PersonalDetails} are sealed under, in tables and events alike. */
    public static final String DETAILS = "personalDetails";

    private final PersonKeys keys;
    private final JsonMapper json;

    public PersonalDataCipher(PersonKeys keys, JsonMapper json) {
        this.keys = keys;
        this.json = json;
    }

    /** A record sealed whole as JSON; null stays null. */
    public String sealRecord(UUID person, String field, Object value) {
        return value == null ? null : seal(person, field, json.writeValueAsString(value));
    }

    /** Likewise with a key just created for the person ({@link PersonKeys#createAll}). */
    public String sealRecord(Aead key, UUID person, String field, Object value) {
        return value == null ? null : sealWith(key, person, field, json.writeValueAsString(value));
    }

    /** A record sealed by {@link #sealRecord}; empty when the person was erased. */
    public <T> Optional<T> openRecord(UUID person, String field, String sealed, Class<T> type) {
        return open(person, field, sealed).map(text -> json.readValue(text, type));
    }

    public String seal(UUID person, PersonalDetails details) {
        return sealRecord(person, DETAILS, details);
    }

    /** The person's details; empty when they were erased. */
    public Optional<PersonalDetails> open(UUID person, String sealed) {
        return openRecord(person, DETAILS, sealed, PersonalDetails.class);
    }

    /**
     * The personal fields of a registration: opened, or as an event from before sealing carried them; empty once
     * erased.
     */
    public Optional<PersonalDetails> details(ReturneeRegistered registered) {
        return registered.personalData() == null
                ? Optional.of(registered.clearDetails())
                : open(registered.beneficiaryId(), registered.personalData());
    }

    /** The new phone and account of an amendment, likewise. */
    public Optional<PersonalDetails> details(ReturneeUpdated updated) {
        return updated.personalData() == null
                ? Optional.of(updated.clearDetails())
                : open(updated.beneficiaryId(), updated.personalData());
    }

    /** Drops the person's unwrapped key held here (their erasure was announced by the service that destroyed it). */
    public void forgetKey(UUID person) {
        keys.forget(person);
    }

    /** Reads the keys of these people in one go, before opening or sealing a batch of their fields. */
    public void loadKeys(Collection<UUID> people) {
        keys.load(people);
    }

    /** Whether a text is a sealed value (and not, say, a value from before sealing or {@code [restricted]}). */
    public static boolean isSealed(String text) {
        return text != null && text.startsWith(PREFIX);
    }

    /** The sealed form of a value; null stays null. */
    public String seal(UUID person, String field, String value) {
        if (value == null) {
            return null;
        }
        return sealWith(keys.forPerson(person), person, field, value);
    }

    private static String sealWith(Aead key, UUID person, String field, String value) {
        try {
            byte[] sealed = key.encrypt(value.getBytes(StandardCharsets.UTF_8), associatedData(person, field));
            return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot seal a personal field", e);
        }
    }

    /**
     * The value; empty when the person's data was erased (their key destroyed). A value that was not sealed for this
     * person and field, or was altered, is refused: that is tampering, not erasure.
     */
    public Optional<String> open(UUID person, String field, String sealed) {
        if (sealed == null) {
            return Optional.empty();
        }
        if (!sealed.startsWith(PREFIX)) {
            throw new IllegalArgumentException("Not a sealed personal field");
        }
        Optional<Aead> key = keys.existing(person);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        try {
            byte[] plain = key.get()
                    .decrypt(
                            Base64.getUrlDecoder().decode(sealed.substring(PREFIX.length())),
                            associatedData(person, field));
            return Optional.of(new String(plain, StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    "A personal field that was not sealed for " + field + " of this person, or was altered", e);
        }
    }

    private static byte[] associatedData(UUID person, String field) {
        return (person + "/" + field).getBytes(StandardCharsets.US_ASCII);
    }
}

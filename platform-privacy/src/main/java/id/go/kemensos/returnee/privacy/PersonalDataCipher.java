package id.go.kemensos.returnee.privacy;

import com.google.crypto.tink.Aead;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Seals one personal field of one person (a name, a phone, an account number) with that person's data key, binding it to
 * the person and the field as associated data, so that a sealed value copied to another person or field does not open.
 * Sealed text is {@value #PREFIX} followed by URL-safe base64; it can be stored in a column or an event payload.
 */
public final class PersonalDataCipher {

    static final String PREFIX = "pd1:";

    private final PersonKeys keys;

    public PersonalDataCipher(PersonKeys keys) {
        this.keys = keys;
    }

    /** The sealed form of a value; null stays null. */
    public String seal(UUID person, String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            byte[] sealed = keys.forPerson(person).encrypt(value.getBytes(StandardCharsets.UTF_8), associatedData(person, field));
            return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot seal a personal field", e);
        }
    }

    /**
     * The value; empty when the person's data was erased (their key destroyed). A value that was not sealed for this person
     * and field, or was altered, is refused: that is tampering, not erasure.
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
            byte[] plain = key.get().decrypt(Base64.getUrlDecoder().decode(sealed.substring(PREFIX.length())), associatedData(person, field));
            return Optional.of(new String(plain, StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("A personal field that was not sealed for " + field + " of this person, or was altered", e);
        }
    }

    private static byte[] associatedData(UUID person, String field) {
        return (person + "/" + field).getBytes(StandardCharsets.US_ASCII);
    }
}

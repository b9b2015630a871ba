package id.go.kemensos.returnee.privacy;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Optional;
import java.util.UUID;

/**
 * Each person's own data key (AES-256-GCM), wrapped by the master key with the person's id as associated data (a wrapped
 * key moved to another person's row does not open), kept in the {@link PersonKeyStore}. Erasing a person destroys it.
 */
public final class PersonKeys {

    private final PlatformKeys platform;
    private final PersonKeyStore store;

    public PersonKeys(PlatformKeys platform, PersonKeyStore store) {
        this.platform = platform;
        this.store = store;
    }

    /** The person's key, created on first use; refused for a person whose key was destroyed (erased people stay erased). */
    public Aead forPerson(UUID person) {
        Optional<Aead> existing = existing(person);
        if (existing.isPresent()) {
            return existing.get();
        }
        if (store.destroyed(person)) {
            throw new PersonErased(person);
        }
        try {
            KeysetHandle key = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            store.insertIfAbsent(person, TinkProtoKeysetFormat.serializeEncryptedKeyset(key, platform.master(), associatedData(person)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot create a data key", e);
        }
        // Whoever stored first wins a race; both then use the stored key.
        return existing(person).orElseThrow(() -> new PersonErased(person));
    }

    /** The person's key if it exists and was not destroyed. */
    public Optional<Aead> existing(UUID person) {
        return store.find(person).map(wrapped -> {
            try {
                return TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, platform.master(), associatedData(person))
                        .getPrimitive(RegistryConfiguration.get(), Aead.class);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("The data key of " + person + " does not open with the master key", e);
            }
        });
    }

    /** Destroys the person's key: everything sealed with it, wherever it is kept, can no longer be read. */
    public boolean erase(UUID person) {
        return store.destroy(person);
    }

    private static byte[] associatedData(UUID person) {
        return ("person-key:" + person).getBytes(StandardCharsets.US_ASCII);
    }

    /** The person's data was erased: nothing new may be sealed for them. */
    public static final class PersonErased extends RuntimeException {

        public PersonErased(UUID person) {
            super("Personal data of " + person + " was erased");
        }
    }
}

package id.go.kemensos.returnee.privacy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Each person's own data key (AES-256-GCM), wrapped by the master key with the person's id as associated data (a
 * wrapped key moved to another person's row does not open), kept in the {@link PersonKeyStore}. Erasing a person
 * destroys it. Unwrapped keys are kept in memory for {@link #DEFAULT_KEPT} at most (and a bounded number of them), so
 * that reading a page of people or a batch of events does not read and unwrap one key per field; a key destroyed by
 * another service is therefore still usable here for at most that long.
 */
public final class PersonKeys {

    public static final Duration DEFAULT_KEPT = Duration.ofSeconds(30);
    private static final long KEPT_AT_MOST = 20_000;

    private final PlatformKeys platform;
    private final PersonKeyStore store;
    private final Cache<UUID, Aead> unwrapped;

    public PersonKeys(PlatformKeys platform, PersonKeyStore store) {
        this(platform, store, DEFAULT_KEPT);
    }

    public PersonKeys(PlatformKeys platform, PersonKeyStore store, Duration kept) {
        this.platform = platform;
        this.store = store;
        this.unwrapped = Caffeine.newBuilder()
                .maximumSize(KEPT_AT_MOST)
                .expireAfterWrite(kept)
                .build();
    }

    /**
     * The person's key, created on first use; refused for a person whose key was destroyed (erased people stay erased).
     */
    public Aead forPerson(UUID person) {
        Optional<Aead> existing = existing(person);
        if (existing.isPresent()) {
            return existing.get();
        }
        if (store.destroyed(person)) {
            throw new PersonErased(person);
        }
        store.insertIfAbsent(person, wrap(person, newKey()));
        // Whoever stored first wins a race; both then use the stored key.
        return existing(person).orElseThrow(() -> new PersonErased(person));
    }

    /**
     * New keys for people registered now (ids nobody has used), stored in one write, for the caller to seal their
     * fields with. They are not kept here: if the caller's transaction rolls back, the keys are gone, and so must be
     * anything sealed with them.
     */
    public Map<UUID, Aead> createAll(Collection<UUID> people) {
        Map<UUID, byte[]> wrapped = new LinkedHashMap<>();
        Map<UUID, Aead> created = new LinkedHashMap<>();
        for (UUID person : people) {
            KeysetHandle key = newKey();
            wrapped.put(person, wrap(person, key));
            created.put(person, primitive(person, key));
        }
        store.insertAllIfAbsent(wrapped);
        return created;
    }

    /** The person's key if it exists and was not destroyed. */
    public Optional<Aead> existing(UUID person) {
        Aead kept = unwrapped.getIfPresent(person);
        if (kept != null) {
            return Optional.of(kept);
        }
        Optional<Aead> key = store.find(person).map(wrappedKey -> unwrap(person, wrappedKey));
        key.ifPresent(k -> unwrapped.put(person, k));
        return key;
    }

    /**
     * Refuses a person whose key was never created: a service other than registration seals an existing row (a schema
     * migration) only once registration-service (its schema version 9) has created the keys of people registered
     * before.
     */
    public void requireExisting(UUID person) {
        if (existing(person).isEmpty() && !store.destroyed(person)) {
            throw new IllegalStateException(
                    "No data key for " + person + " yet: registration-service (schema version 9) creates the "
                            + "keys of people registered before; start it first, then this service again");
        }
    }

    /**
     * Reads the keys of these people in one go (a page of a list, a batch of events), so that opening them reads
     * nothing more.
     */
    public void load(Collection<UUID> people) {
        List<UUID> missing = people.stream()
                .distinct()
                .filter(p -> unwrapped.getIfPresent(p) == null)
                .toList();
        if (!missing.isEmpty()) {
            store.findAll(missing).forEach((person, wrappedKey) -> unwrapped.put(person, unwrap(person, wrappedKey)));
        }
    }

    /** Destroys the person's key: everything sealed with it, wherever it is kept, can no longer be read. */
    public boolean erase(UUID person) {
        boolean destroyed = store.destroy(person);
        unwrapped.invalidate(person);
        return destroyed;
    }

    /** Forgets the person's unwrapped key here (their erasure was announced by the service that destroyed it). */
    public void forget(UUID person) {
        unwrapped.invalidate(person);
    }

    private static KeysetHandle newKey() {
        try {
            return KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot create a data key", e);
        }
    }

    private byte[] wrap(UUID person, KeysetHandle key) {
        try {
            return TinkProtoKeysetFormat.serializeEncryptedKeyset(key, platform.master(), associatedData(person));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot wrap a data key", e);
        }
    }

    private Aead unwrap(UUID person, byte[] wrappedKey) {
        try {
            return primitive(
                    person,
                    TinkProtoKeysetFormat.parseEncryptedKeyset(wrappedKey, platform.master(), associatedData(person)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The data key of " + person + " does not open with the master key", e);
        }
    }

    private static Aead primitive(UUID person, KeysetHandle key) {
        try {
            return key.getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The data key of " + person + " is not an AEAD key", e);
        }
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

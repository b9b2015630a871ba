package id.go.kemensos.returnee.privacy;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import com.google.crypto.tink.prf.PrfConfig;
import com.google.crypto.tink.prf.PrfSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform's two secret keys, as Tink keysets: the master key, which wraps every person's data key (AES-256-GCM),
 * and the NIK index key (HMAC-SHA256), which makes blind indexes. Read from a directory, each key either
 * <ul>
 * <li>sealed by a key held in HashiCorp Vault's transit engine ({@code master-key.vault.json}: Vault's address, the
 * transit key's name and the keyset encrypted by it, opened once at start through {@link VaultTransitAead} with the
 * token in {@value #VAULT_TOKEN}, e.g. Vault Agent's token sink), so that the files alone open nothing; the local stack
 * does this with its Vault simulator, production with its Vault;</li>
 * <li>or in clear ({@value #MASTER_KEY}), mounted as a secret, for a deployment without a Vault (and unit tests).</li>
 * </ul>
 * The rest of this module only sees the master key as an {@link Aead}.
 */
public final class PlatformKeys {

    public static final String MASTER_KEY = "master-key.json";
    public static final String NIK_INDEX_KEY = "nik-index-key.json";
    /** The token this service presents to Vault (a secret of its own, allowed to decrypt only). */
    public static final String VAULT_TOKEN = "vault-token";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A keyset sealed by a Vault transit key: where to open it, and the encrypted keyset (Tink's JSON format). */
    record VaultSealedKeyset(String vault, String transitKey, String keyset) {}

    static {
        try {
            AeadConfig.register();
            PrfConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Aead master;
    private final PrfSet nikIndex;
    private final Path nikIndexFile;

    PlatformKeys(Aead master, PrfSet nikIndex, Path nikIndexFile) {
        this.master = master;
        this.nikIndex = nikIndex;
        this.nikIndexFile = nikIndexFile;
    }

    /**
     * Reads the keys: the master key must be there (a missing file stops the caller with one line naming it); the NIK
     * index key only where NIKs are looked up (registration-service), so the other services are not given it.
     */
    public static PlatformKeys load(Path directory) {
        return load(directory, null);
    }

    /** As {@link #load(Path)}, reaching Vault at {@code vaultAddress} instead of the address the sealed files name. */
    public static PlatformKeys load(Path directory, URI vaultAddress) {
        try {
            // One Vault client for both keys when they are sealed by the same transit key (they are, as sealInVault
            // writes them).
            Map<String, Aead> keks = new HashMap<>();
            KeysetHandle master = read(directory, MASTER_KEY, vaultAddress, keks);
            if (master == null) {
                throw new IllegalStateException("Missing key " + directory.resolve(MASTER_KEY) + " (or "
                        + sealedName(MASTER_KEY) + "): mount it as a secret (the local stack generates it)");
            }
            KeysetHandle index = read(directory, NIK_INDEX_KEY, vaultAddress, keks);
            return new PlatformKeys(
                    master.getPrimitive(RegistryConfiguration.get(), Aead.class),
                    index == null ? null : index.getPrimitive(RegistryConfiguration.get(), PrfSet.class),
                    directory.resolve(NIK_INDEX_KEY));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "The platform's keys in " + directory + " cannot be opened: " + e.getMessage(), e);
        }
    }

    /**
     * Seals both keys with the Vault transit key {@code transitKey} (a token allowed to encrypt): a key already sealed
     * is kept, a key in clear is sealed and its clear file deleted, a missing key is generated. Never replaces key
     * material.
     */
    public static void sealInVault(Path directory, URI vault, String token, String transitKey) {
        Aead kek = VaultTransitAead.connect(vault, token, transitKey);
        try {
            Files.createDirectories(directory);
            sealInVault(directory, MASTER_KEY, PredefinedAeadParameters.AES256_GCM, vault, transitKey, kek);
            sealInVault(directory, NIK_INDEX_KEY, PredefinedPrfParameters.HMAC_SHA256_PRF, vault, transitKey, kek);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the platform's keys to " + directory, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "Cannot seal the platform's keys in Vault " + vault + ": " + e.getMessage(), e);
        }
    }

    /** Writes the token a service presents to Vault next to the sealed keys. */
    public static void writeVaultToken(Path directory, String token) {
        try {
            Files.createDirectories(directory);
            writeSecret(directory.resolve(VAULT_TOKEN), token);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + directory.resolve(VAULT_TOKEN), e);
        }
    }

    /** Creates whichever of the two keys is absent, in clear (a key that exists is never replaced). */
    public static void generateIfAbsent(Path directory) {
        try {
            Files.createDirectories(directory);
            write(directory.resolve(MASTER_KEY), PredefinedAeadParameters.AES256_GCM);
            write(directory.resolve(NIK_INDEX_KEY), PredefinedPrfParameters.HMAC_SHA256_PRF);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the platform's keys to " + directory, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    Aead master() {
        return master;
    }

    PrfSet nikIndex() {
        if (nikIndex == null) {
            throw new IllegalStateException(
                    "Missing key " + nikIndexFile + ": mount it as a secret (the local stack generates it)");
        }
        return nikIndex;
    }

    /** The key {@code name} of the directory, sealed or in clear; null when neither file is there. */
    private static KeysetHandle read(Path directory, String name, URI vaultAddress, Map<String, Aead> keks)
            throws GeneralSecurityException {
        Path sealed = directory.resolve(sealedName(name));
        Path clear = directory.resolve(name);
        try {
            if (Files.isReadable(sealed)) {
                VaultSealedKeyset file =
                        JSON.readValue(Files.readString(sealed, StandardCharsets.UTF_8), VaultSealedKeyset.class);
                Path tokenFile = directory.resolve(VAULT_TOKEN);
                if (!Files.isReadable(tokenFile)) {
                    throw new IllegalStateException("Missing " + tokenFile
                            + ": the token this service presents to Vault to open " + sealed.getFileName());
                }
                URI address = vaultAddress != null ? vaultAddress : URI.create(file.vault());
                String token =
                        Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
                Aead kek = keks.computeIfAbsent(
                        address + " " + file.transitKey(),
                        client -> VaultTransitAead.connect(address, token, file.transitKey()));
                return TinkJsonProtoKeysetFormat.parseEncryptedKeyset(file.keyset(), kek, associatedData(name));
            }
            if (Files.isReadable(clear)) {
                return TinkJsonProtoKeysetFormat.parseKeyset(
                        Files.readString(clear, StandardCharsets.UTF_8), InsecureSecretKeyAccess.get());
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + directory + "/" + name, e);
        }
    }

    private static void sealInVault(
            Path directory,
            String name,
            com.google.crypto.tink.Parameters parameters,
            URI vault,
            String transitKey,
            Aead kek)
            throws IOException, GeneralSecurityException {
        Path sealed = directory.resolve(sealedName(name));
        if (Files.exists(sealed)) {
            return;
        }
        Path clear = directory.resolve(name);
        KeysetHandle handle = Files.exists(clear)
                ? TinkJsonProtoKeysetFormat.parseKeyset(
                        Files.readString(clear, StandardCharsets.UTF_8), InsecureSecretKeyAccess.get())
                : KeysetHandle.generateNew(parameters);
        String keyset = TinkJsonProtoKeysetFormat.serializeEncryptedKeyset(handle, kek, associatedData(name));
        writeSecret(sealed, JSON.writeValueAsString(new VaultSealedKeyset(vault.toString(), transitKey, keyset)));
        Files.deleteIfExists(clear);
    }

    /** Binds a sealed keyset to its role, so the NIK index key's file cannot be passed off as the master key. */
    private static byte[] associatedData(String name) {
        return ("returnee-platform/" + name).getBytes(StandardCharsets.UTF_8);
    }

    static String sealedName(String name) {
        return name.replace(".json", ".vault.json");
    }

    private static void write(Path file, com.google.crypto.tink.Parameters parameters)
            throws IOException, GeneralSecurityException {
        if (Files.exists(file)
                || Files.exists(
                        file.resolveSibling(sealedName(file.getFileName().toString())))) {
            return;
        }
        writeSecret(
                file,
                TinkJsonProtoKeysetFormat.serializeKeyset(
                        KeysetHandle.generateNew(parameters), InsecureSecretKeyAccess.get()));
    }

    private static void writeSecret(Path file, String content) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.writeString(partial, content, StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the directory's own protection applies
        }
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}

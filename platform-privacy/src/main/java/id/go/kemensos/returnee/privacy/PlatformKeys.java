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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;

/**
 * The platform's two secret keys, as Tink keysets: the master key, which wraps every person's data key (AES-256-GCM), and
 * the NIK index key (HMAC-SHA256), which makes blind indexes. Read from a directory holding {@value #MASTER_KEY} and
 * {@value #NIK_INDEX_KEY}: the local stack generates them in its work directory; production mounts them as secrets. A
 * KMS-held master key is another {@link Aead} (Tink's KMS clients give one): the rest of this module only sees the Aead.
 */
public final class PlatformKeys {

    public static final String MASTER_KEY = "master-key.json";
    public static final String NIK_INDEX_KEY = "nik-index-key.json";

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
     * Reads the keys: the master key must be there (a missing file stops the caller with one line naming it); the NIK index
     * key only where NIKs are looked up (registration-service), so the other services are not given it.
     */
    public static PlatformKeys load(Path directory) {
        try {
            KeysetHandle master = read(directory.resolve(MASTER_KEY));
            Path indexFile = directory.resolve(NIK_INDEX_KEY);
            PrfSet index = Files.exists(indexFile) ? read(indexFile).getPrimitive(RegistryConfiguration.get(), PrfSet.class) : null;
            return new PlatformKeys(master.getPrimitive(RegistryConfiguration.get(), Aead.class), index, indexFile);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The platform's keys in " + directory + " are not valid Tink keysets: " + e.getMessage(), e);
        }
    }

    /** Creates whichever of the two keys is absent (the local stack; a key that exists is never replaced). */
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
            throw new IllegalStateException("Missing key " + nikIndexFile + ": mount it as a secret (the local stack generates it)");
        }
        return nikIndex;
    }

    private static KeysetHandle read(Path file) throws GeneralSecurityException {
        if (!Files.isReadable(file)) {
            throw new IllegalStateException("Missing key " + file + ": mount it as a secret (the local stack generates it)");
        }
        try {
            return TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(file, StandardCharsets.UTF_8), InsecureSecretKeyAccess.get());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private static void write(Path file, com.google.crypto.tink.Parameters parameters) throws IOException, GeneralSecurityException {
        if (Files.exists(file)) {
            return;
        }
        String json = TinkJsonProtoKeysetFormat.serializeKeyset(KeysetHandle.generateNew(parameters), InsecureSecretKeyAccess.get());
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.writeString(partial, json, StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the directory's own protection applies
        }
        Files.move(partial, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}

package id.go.kemensos.returnee.infra.sim;

import id.go.kemensos.returnee.infra.stack.PlatformHome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the SNAP partner credentials of the platform (the disbursement service's identity at the bank) are kept:
 * <ul>
 *   <li>{@code partner-private-key.pem}: RSA 2048 private key, PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}, 64-char
 *       lines); signs access token requests;</li>
 *   <li>{@code partner-public-key.pem}: its X.509 SubjectPublicKeyInfo PEM ({@code -----BEGIN PUBLIC KEY-----}), what
 *       the bank registers;</li>
 *   <li>{@code client-secret}: 32 random bytes, Base64, one line; the HMAC-SHA512 key of service calls is the UTF-8
 *       bytes of that Base64 text as it stands (not the decoded bytes).</li>
 * </ul>
 * Generated once by {@link #ensureExist()} and reused afterwards, readable by the owner only where the file system
 * supports POSIX permissions.
 */
public record BankPartnerCredentials(String partnerId, Path privateKeyFile, Path publicKeyFile, Path clientSecretFile) {

    /** The partner id (and SNAP client key) of the platform at the local bank simulator. */
    public static final String LOCAL_PARTNER_ID = "KEMENSOS01";

    private static final Logger log = LoggerFactory.getLogger(BankPartnerCredentials.class);
    private static final int RSA_BITS = 2048;
    private static final int SECRET_BYTES = 32;
    private static final String PRIVATE_LABEL = "PRIVATE KEY";
    private static final String PUBLIC_LABEL = "PUBLIC KEY";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    /**
     * The local stack's credentials, in {@code work/bank}; the files may not exist yet (see {@link #ensureExist()}).
     */
    public static BankPartnerCredentials local(PlatformHome home) {
        return in(home.workDir("bank"), LOCAL_PARTNER_ID);
    }

    /** Credentials of {@code partnerId} kept in {@code directory} under the standard file names. */
    public static BankPartnerCredentials in(Path directory, String partnerId) {
        Path dir = directory.toAbsolutePath().normalize();
        return new BankPartnerCredentials(
                partnerId,
                dir.resolve("partner-private-key.pem"),
                dir.resolve("partner-public-key.pem"),
                dir.resolve("client-secret"));
    }

    /**
     * Creates whatever is missing: a new RSA key pair when there is no private key (a missing public key alone is
     * derived from the private key), a new client secret when there is none. Existing files are never replaced.
     */
    public BankPartnerCredentials ensureExist() {
        try {
            Files.createDirectories(privateKeyFile.getParent());
            if (!Files.exists(privateKeyFile)) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(RSA_BITS, new SecureRandom());
                KeyPair pair = generator.generateKeyPair();
                // Public key first: a private key on disk implies its public key can be (re)derived from it.
                write(publicKeyFile, pem(PUBLIC_LABEL, pair.getPublic().getEncoded()));
                write(privateKeyFile, pem(PRIVATE_LABEL, pair.getPrivate().getEncoded()));
                log.info("Generated the SNAP partner key pair of {} in {}", partnerId, privateKeyFile.getParent());
            } else if (!Files.exists(publicKeyFile)) {
                write(
                        publicKeyFile,
                        pem(PUBLIC_LABEL, derivePublicKey(privateKey()).getEncoded()));
                log.info("Derived the missing SNAP partner public key of {} from its private key", partnerId);
            }
            if (!Files.exists(clientSecretFile)) {
                byte[] secret = new byte[SECRET_BYTES];
                new SecureRandom().nextBytes(secret);
                write(clientSecretFile, Base64.getEncoder().encodeToString(secret) + "\n");
                log.info("Generated the SNAP client secret of {} in {}", partnerId, clientSecretFile.getParent());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot write the SNAP partner credentials in " + privateKeyFile.getParent(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate the SNAP partner credentials", e);
        }
        if (!((RSAPublicKey) publicKey())
                .getModulus()
                .equals(((RSAPublicKey) derivePublicKey(privateKey())).getModulus())) {
            throw new IllegalStateException(publicKeyFile + " is not the public key of " + privateKeyFile
                    + "; delete both to have a new pair generated");
        }
        return this;
    }

    public PrivateKey privateKey() {
        try {
            return KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(readPem(privateKeyFile, PRIVATE_LABEL)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(privateKeyFile + " is not a PKCS#8 RSA private key", e);
        }
    }

    public PublicKey publicKey() {
        try {
            return KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(readPem(publicKeyFile, PUBLIC_LABEL)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(publicKeyFile + " is not an X.509 RSA public key", e);
        }
    }

    /** The client secret exactly as the HMAC key is made of it: the file's one line, without the line break. */
    public String clientSecret() {
        try {
            String secret = Files.readString(clientSecretFile, StandardCharsets.US_ASCII)
                    .strip();
            if (secret.isEmpty()) {
                throw new IllegalStateException(clientSecretFile + " is empty");
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + clientSecretFile, e);
        }
    }

    /** Registers these credentials with a bank simulator. */
    public void registerWith(BankGatewaySimulator bank) {
        bank.registerPartner(partnerId, publicKey(), clientSecret());
    }

    /** PT Pos knows the platform as the same SNAP partner (locally with the same client secret). */
    public void registerWith(PostOfficeSimulator postOffice) {
        postOffice.registerPartner(partnerId, publicKey(), clientSecret());
    }

    /** PEM text: the DER bytes in Base64, 64 characters a line, between BEGIN/END lines of the label. */
    static String pem(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    private static byte[] readPem(Path file, String label) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalStateException(file + " is not a PEM file with a " + label);
        }
        return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
    }

    private static PublicKey derivePublicKey(PrivateKey privateKey) {
        if (!(privateKey instanceof RSAPrivateCrtKey crt)) {
            throw new IllegalStateException(
                    "the partner private key carries no public exponent; delete it to regenerate");
        }
        try {
            return KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot derive the partner public key", e);
        }
    }

    /** Writes through an owner-only temporary file moved into place, so the file is never briefly world-readable. */
    private static void write(Path file, String content) throws IOException {
        Path dir = file.getParent();
        boolean posix = Files.getFileStore(dir).supportsFileAttributeView("posix");
        Path temp = posix
                ? Files.createTempFile(
                        dir, file.getFileName() + ".", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                : Files.createTempFile(dir, file.getFileName() + ".", ".tmp");
        try {
            if (!posix) {
                restrictToOwner(temp);
            }
            Files.writeString(temp, content, StandardCharsets.US_ASCII);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Best effort where POSIX permissions are unavailable (e.g. Windows): owner read/write only. */
    private static void restrictToOwner(Path file) {
        java.io.File f = file.toFile();
        boolean ok = f.setReadable(false, false)
                & f.setReadable(true, true)
                & f.setWritable(false, false)
                & f.setWritable(true, true)
                & f.setExecutable(false, false);
        if (!ok) {
            log.debug("Could not restrict the permissions of {}", file);
        }
    }
}

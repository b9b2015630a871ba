package id.go.kemensos.returnee.disbursement.bank;

import jakarta.validation.constraints.NotBlank;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The platform's credentials as a SNAP BI partner of its paying bank: the partner id (also the client key), the RSA
 * private key whose public half the bank registered (signs access-token requests), and the client secret the bank
 * issued (HMAC of each transaction). No defaults: a service without them does not start, and says which is missing.
 *
 * @param privateKeyFile   PKCS#8 PEM ("BEGIN PRIVATE KEY")
 * @param clientSecretFile one line, the secret as the bank issued it
 */
@Validated
@ConfigurationProperties("disbursement.bank-partner")
public record SnapPartner(
        @NotBlank String partnerId,
        @NotBlank String privateKeyFile,
        @NotBlank String clientSecretFile,
        @NotBlank String channelId) {

    PrivateKey privateKey() {
        try {
            String pem = Files.readString(Path.of(privateKeyFile), StandardCharsets.US_ASCII);
            String base64 =
                    pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the bank partner's private key " + privateKeyFile, e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException(
                    "The bank partner's private key " + privateKeyFile + " is not a PKCS#8 RSA key in PEM", e);
        }
    }

    byte[] clientSecret() {
        try {
            String secret = Files.readString(Path.of(clientSecretFile), StandardCharsets.UTF_8)
                    .strip();
            if (secret.isEmpty()) {
                throw new IllegalStateException("The bank's client secret file " + clientSecretFile + " is empty");
            }
            return secret.getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the bank's client secret " + clientSecretFile, e);
        }
    }
}

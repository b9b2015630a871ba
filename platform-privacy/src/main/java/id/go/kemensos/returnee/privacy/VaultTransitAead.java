package id.go.kemensos.returnee.privacy;

import com.google.crypto.tink.Aead;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.http.HttpStatusCode;
import org.springframework.vault.authentication.TokenAuthentication;
import org.springframework.vault.client.ClientHttpRequestFactoryFactory;
import org.springframework.vault.client.VaultClientResponseException;
import org.springframework.vault.client.VaultEndpoint;
import org.springframework.vault.core.VaultOperations;
import org.springframework.vault.core.VaultTemplate;
import org.springframework.vault.support.ClientOptions;
import org.springframework.vault.support.SslConfiguration;
import org.springframework.vault.support.VaultResponse;
import org.springframework.web.client.HttpStatusCodeException;

/**
 * A key held by HashiCorp Vault's transit engine, as a Tink {@link Aead}: encryption and decryption happen inside
 * Vault, so the key itself never reaches the platform. Used as the key-encryption key of the platform's keysets
 * ({@link PlatformKeys}), i.e. once per key at a service's start, not per person. Associated data goes to Vault's
 * {@code associated_data} (AES-GCM keys), which Spring Vault's transit template does not expose, hence the plain
 * {@code write}. Vault being briefly unreachable or failing (5xx) is retried with backoff; a refusal (403, 400) is not.
 */
public final class VaultTransitAead implements Aead {

    private static final Log LOG = LogFactory.getLog(VaultTransitAead.class);

    private final VaultOperations vault;
    private final URI address;
    private final String mount;
    private final String keyName;
    private final Retry retry;

    VaultTransitAead(VaultOperations vault, URI address, String mount, String keyName, Retry retry) {
        this.vault = vault;
        this.address = address;
        this.mount = mount;
        this.keyName = keyName;
        this.retry = retry;
    }

    /** The key {@code keyName} of the transit engine at {@code address} (mounted at {@code transit}), with a token. */
    public static VaultTransitAead connect(URI address, String token, String keyName) {
        VaultTemplate template = new VaultTemplate(
                VaultEndpoint.from(address),
                ClientHttpRequestFactoryFactory.create(
                        new ClientOptions(Duration.ofSeconds(2), Duration.ofSeconds(5)),
                        SslConfiguration.unconfigured()),
                new org.springframework.vault.authentication.SimpleSessionManager(new TokenAuthentication(token)));
        RetryConfig config = RetryConfig.custom()
                .maxAttempts(6)
                .intervalFunction(
                        IntervalFunction.ofExponentialBackoff(Duration.ofMillis(250), 2.0, Duration.ofSeconds(4)))
                .retryOnException(VaultTransitAead::isTransient)
                .build();
        Retry retry = Retry.of("vault-transit-" + keyName, config);
        retry.getEventPublisher()
                .onRetry(
                        event -> LOG.warn("Vault at " + address + " failed (attempt " + event.getNumberOfRetryAttempts()
                                + "), retrying in " + event.getWaitInterval().toMillis() + " ms: "
                                + event.getLastThrowable().getMessage()));
        return new VaultTransitAead(template, address, "transit", keyName, retry);
    }

    @Override
    public byte[] encrypt(byte[] plaintext, byte[] associatedData) throws GeneralSecurityException {
        String ciphertext = call(
                "encrypt",
                Map.of("plaintext", base64(plaintext), "associated_data", base64(associatedData)),
                "ciphertext");
        return ciphertext.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    @Override
    public byte[] decrypt(byte[] ciphertext, byte[] associatedData) throws GeneralSecurityException {
        String plaintext = call(
                "decrypt",
                Map.of(
                        "ciphertext",
                        new String(ciphertext, java.nio.charset.StandardCharsets.US_ASCII),
                        "associated_data",
                        base64(associatedData)),
                "plaintext");
        return Base64.getDecoder().decode(plaintext);
    }

    private String call(String operation, Map<String, String> body, String field) throws GeneralSecurityException {
        String path = mount + "/" + operation + "/" + keyName;
        Supplier<VaultResponse> request = Retry.decorateSupplier(retry, () -> vault.write(path, body));
        VaultResponse response;
        try {
            response = request.get();
        } catch (RuntimeException e) {
            throw new GeneralSecurityException(
                    "Vault at " + address + " refused or failed " + operation + " with transit key '" + keyName
                            + "': "
                            + e.getMessage(),
                    e);
        }
        Object value = response == null || response.getData() == null
                ? null
                : response.getData().get(field);
        if (!(value instanceof String text)) {
            throw new GeneralSecurityException(
                    "Vault's " + operation + " reply for key '" + keyName + "' has no " + field);
        }
        return text;
    }

    /** Unreachable, timed out or 5xx: worth another try. A 4xx (no permission, bad ciphertext) will not change. */
    static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            HttpStatusCode status = cause instanceof VaultClientResponseException vault
                    ? vault.getStatusCode()
                    : cause instanceof HttpStatusCodeException http ? http.getStatusCode() : null;
            if (status != null) {
                return status.is5xxServerError();
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return true;
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes == null ? new byte[0] : bytes);
    }
}

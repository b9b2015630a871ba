package id.go.kemensos.returnee.disbursement.bank;

import id.go.kemensos.returnee.gateway.GatewayAuthentication;
import id.go.kemensos.returnee.gateway.GatewayUnavailableException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * SNAP BI authentication, as Bank Indonesia's standard has it. An access token (B2B) is requested with the timestamp
 * and client key signed by the partner's RSA key (SHA256withRSA) and kept until shortly before it expires; every
 * transaction then carries the token, a timestamp, a request id unique for the day ({@code X-EXTERNAL-ID}) and an
 * HMAC-SHA512 with the client secret over method, path, token, the body's SHA-256 and the timestamp.
 */
public final class SnapAuthentication implements GatewayAuthentication {

    static final String ACCESS_TOKEN = "/snap/v1.0/access-token/b2b";
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    /** A token is renewed this long before the bank says it expires, so that none expires in flight. */
    private static final Duration RENEW_BEFORE = Duration.ofSeconds(60);

    private static final Logger log = LoggerFactory.getLogger(SnapAuthentication.class);

    private record Token(String value, Instant renewAt) {}

    private final URI bank;
    private final String partnerId;
    private final String channelId;
    private final PrivateKey privateKey;
    private final byte[] clientSecret;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final SecureRandom random = new SecureRandom();
    private volatile Token token;

    public SnapAuthentication(URI bank, SnapPartner partner, Clock clock) {
        this.bank = bank;
        this.partnerId = partner.partnerId();
        this.channelId = partner.channelId();
        this.privateKey = partner.privateKey();
        this.clientSecret = partner.clientSecret();
        this.clock = clock;
    }

    @Override
    public void authenticate(HttpRequest.Builder request, String method, String path, byte[] body) {
        String accessToken = accessToken();
        String timestamp = TIMESTAMP.format(clock.instant().atZone(JAKARTA));
        String stringToSign = method + ":" + path + ":" + accessToken + ":"
                + HexFormat.of().formatHex(sha256(body)) + ":" + timestamp;
        request.header("Authorization", "Bearer " + accessToken)
                .header("X-TIMESTAMP", timestamp)
                .header("X-SIGNATURE", Base64.getEncoder().encodeToString(hmacSha512(stringToSign)))
                .header("X-PARTNER-ID", partnerId)
                .header("X-EXTERNAL-ID", externalId())
                .header("CHANNEL-ID", channelId);
    }

    @Override
    public void refused(String path) {
        log.warn("The bank refused the access token on {}; a new one is requested for the next call", path);
        token = null;
    }

    private String accessToken() {
        Token current = token;
        if (current != null && clock.instant().isBefore(current.renewAt())) {
            return current.value();
        }
        synchronized (this) {
            current = token;
            if (current == null || !clock.instant().isBefore(current.renewAt())) {
                current = requestToken();
                token = current;
            }
            return current.value();
        }
    }

    private Token requestToken() {
        String timestamp = TIMESTAMP.format(clock.instant().atZone(JAKARTA));
        HttpRequest request = HttpRequest.newBuilder(bank.resolve(ACCESS_TOKEN))
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .header("X-TIMESTAMP", timestamp)
                .header("X-CLIENT-KEY", partnerId)
                .header("X-SIGNATURE", Base64.getEncoder().encodeToString(rsaSign(partnerId + "|" + timestamp)))
                .POST(HttpRequest.BodyPublishers.ofString("{\"grantType\":\"client_credentials\"}"))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new GatewayUnavailableException("bank access token: " + e.getMessage(), false, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayUnavailableException("bank access token: interrupted", false, e);
        }
        JsonNode body = response.body().isBlank() ? null : json.readTree(response.body());
        if (response.statusCode() != 200 || body == null || !body.hasNonNull("accessToken")) {
            String reason = body == null
                    ? ""
                    : body.path("responseCode").asString("") + " "
                            + body.path("responseMessage").asString("");
            throw new GatewayUnavailableException(
                    "bank refused the access token request: HTTP " + response.statusCode() + " " + reason, false, null);
        }
        long lifetime = Long.parseLong(body.path("expiresIn").asString("900"));
        return new Token(
                body.get("accessToken").asString(),
                clock.instant().plusSeconds(lifetime).minus(RENEW_BEFORE));
    }

    /**
     * Numeric, unique per day at the bank: 30 random digits never repeat in practice (and a repeat is refused, not
     * booked).
     */
    private String externalId() {
        StringBuilder digits = new StringBuilder(30);
        for (int i = 0; i < 30; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        return digits.toString();
    }

    private byte[] rsaSign(String text) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(privateKey);
            signature.update(text.getBytes(StandardCharsets.UTF_8));
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA256withRSA signing failed", e);
        }
    }

    private byte[] hmacSha512(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(new SecretKeySpec(clientSecret, "HmacSHA512"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA512 unavailable", e);
        }
    }

    private static byte[] sha256(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}

package id.go.kemensos.returnee.infra.sim;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kemensos.returnee.infra.sim.SimClient.Response;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The partner side of SNAP BI authentication, written from the spec independently of the simulator's checks: gets a B2B
 * access token with an RSA-signed request, then signs every service call with HMAC-SHA512, a fresh X-TIMESTAMP and a
 * fresh X-EXTERNAL-ID.
 */
final class SnapClient {

    static final String ACCESS_TOKEN_PATH = "/snap/v1.0/access-token/b2b";
    static final String CHANNEL_ID = "95221";
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    private static final AtomicLong EXTERNAL_ID_SEQUENCE = new AtomicLong();

    private final SimClient http;
    private final String partnerId;
    private final PrivateKey privateKey;
    private final String clientSecret;
    private String accessToken;

    SnapClient(SimClient http, String partnerId, PrivateKey privateKey, String clientSecret) {
        this.http = http;
        this.partnerId = partnerId;
        this.privateKey = privateKey;
        this.clientSecret = clientSecret;
    }

    String partnerId() {
        return partnerId;
    }

    /** Now in Jakarta time, e.g. 2026-12-05T09:30:00+07:00. */
    static String timestamp() {
        return timestamp(ZonedDateTime.now(JAKARTA));
    }

    static String timestamp(ZonedDateTime at) {
        return at.format(TIMESTAMP);
    }

    /** A numeric id unique within this test JVM: epoch millis and a sequence number, 19 digits. */
    static String externalId() {
        return System.currentTimeMillis() + String.format("%06d", EXTERNAL_ID_SEQUENCE.incrementAndGet() % 1_000_000);
    }

    /** Requests a token the proper way. */
    Response requestToken() {
        String timestamp = timestamp();
        return requestToken(
                partnerId,
                timestamp,
                rsaSignature(partnerId + "|" + timestamp),
                "{\"grantType\":\"client_credentials\"}");
    }

    /** Requests a token with exactly these headers and body, for the refusal tests. */
    Response requestToken(String clientKey, String timestamp, String signature, String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-TIMESTAMP", timestamp);
        headers.put("X-CLIENT-KEY", clientKey);
        headers.put("X-SIGNATURE", signature);
        return http.send("POST", ACCESS_TOKEN_PATH, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** The cached access token, requested on first use. */
    synchronized String accessToken() {
        if (accessToken == null) {
            Response reply = requestToken();
            assertThat(reply.status()).as("access token: %s", reply.body()).isEqualTo(200);
            accessToken = reply.field("accessToken");
        }
        return accessToken;
    }

    /** Forgets the cached token, so the next call requests a new one. */
    synchronized void forgetToken() {
        accessToken = null;
    }

    /** A properly authenticated POST. */
    Response post(String path, Object body) {
        byte[] bytes = SimClient.bytes(body);
        return send("POST", path, bytes, headers("POST", path, accessToken(), bytes, timestamp(), externalId()));
    }

    Response send(String method, String path, byte[] body, Map<String, String> headers) {
        return http.send(method, path, body, headers);
    }

    /** All SNAP headers of a service call, signed over exactly these values; tests then alter one of them. */
    Map<String, String> headers(
            String method, String pathAndQuery, String token, byte[] body, String timestamp, String externalId) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + token);
        headers.put("X-TIMESTAMP", timestamp);
        headers.put("X-PARTNER-ID", partnerId);
        headers.put("X-EXTERNAL-ID", externalId);
        headers.put("CHANNEL-ID", CHANNEL_ID);
        headers.put(
                "X-SIGNATURE",
                hmacSignature(method + ":" + pathAndQuery + ":" + token + ":" + sha256Hex(body) + ":" + timestamp));
        return headers;
    }

    String rsaSignature(String stringToSign) {
        try {
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(privateKey);
            signer.update(stringToSign.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String hmacSignature(String stringToSign) {
        try {
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(new SecretKeySpec(clientSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA512"));
            return Base64.getEncoder().encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256Hex(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

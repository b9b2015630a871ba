package id.go.kemensos.returnee.notification.sms;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Checks the gateway's signature on a delivery receipt: header {@code X-Receipt-Signature: t=<unix seconds>,v1=<hex>},
 * where v1 is HMAC-SHA256 with the secret shared with the gateway over {@code t + "." + body}. A receipt without it,
 * with another signature, or signed more than five minutes from now is refused: anyone can reach the endpoint, only the
 * gateway knows the secret, and an old receipt replayed cannot change a message's state later.
 */
@Component
class ReceiptSignature {

    static final String HEADER = "X-Receipt-Signature";
    private static final Duration TOLERANCE = Duration.ofMinutes(5);

    private final byte[] secret;
    private final Clock clock;

    ReceiptSignature(@Value("${notification.receipt-signing-secret}") String secret, Clock clock) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException(
                    "notification.receipt-signing-secret (SMS_RECEIPT_SECRET) is not set: receipts could not be "
                            + "checked");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    /** Why the receipt is refused, or null when the gateway signed it now. */
    String refusal(String header, byte[] body) {
        if (header == null || header.isBlank()) {
            return "unsigned receipt";
        }
        String timestamp = null;
        String signature = null;
        for (String part : header.split(",")) {
            String[] pair = part.strip().split("=", 2);
            if (pair.length == 2 && pair[0].equals("t")) {
                timestamp = pair[1];
            } else if (pair.length == 2 && pair[0].equals("v1")) {
                signature = pair[1];
            }
        }
        if (timestamp == null || signature == null || !timestamp.matches("\\d{1,12}")) {
            return "malformed signature header";
        }
        Instant signedAt = Instant.ofEpochSecond(Long.parseLong(timestamp));
        if (Duration.between(signedAt, clock.instant()).abs().compareTo(TOLERANCE) > 0) {
            return "signature outside the five-minute window (signed " + signedAt + ")";
        }
        byte[] expected = sign(timestamp, body);
        byte[] given;
        try {
            given = HexFormat.of().parseHex(signature);
        } catch (IllegalArgumentException e) {
            return "malformed signature";
        }
        return MessageDigest.isEqual(expected, given) ? null : "signature does not match";
    }

    private byte[] sign(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}

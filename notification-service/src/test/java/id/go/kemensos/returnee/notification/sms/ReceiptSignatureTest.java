package id.go.kemensos.returnee.notification.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class ReceiptSignatureTest {

    private static final Instant NOW = Instant.parse("2026-12-05T03:00:00Z");
    private static final byte[] BODY =
            "{\"messageId\":\"SMS1\",\"clientRef\":\"0193a0b0-0000-7000-8000-000000000001\",\"status\":\"DELIVERED\"}"
                    .getBytes(StandardCharsets.UTF_8);
    private final ReceiptSignature signature = new ReceiptSignature("gateway-secret", Clock.fixed(NOW, ZoneOffset.UTC));

    private static String signed(String secret, long timestamp, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
        return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(mac.doFinal(body));
    }

    @Test
    void aReceiptTheGatewaySignedNowIsAccepted() throws Exception {
        assertThat(signature.refusal(signed("gateway-secret", NOW.getEpochSecond() - 30, BODY), BODY))
                .isNull();
    }

    @Test
    void unsignedTamperedForeignOrOldReceiptsAreRefusedWithTheReason() throws Exception {
        assertThat(signature.refusal(null, BODY)).isEqualTo("unsigned receipt");
        assertThat(signature.refusal("v1=abc", BODY)).isEqualTo("malformed signature header");
        byte[] tampered = new String(BODY, StandardCharsets.UTF_8)
                .replace("DELIVERED", "FAILED")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(signature.refusal(signed("gateway-secret", NOW.getEpochSecond(), BODY), tampered))
                .isEqualTo("signature does not match");
        assertThat(signature.refusal(signed("someone-else", NOW.getEpochSecond(), BODY), BODY))
                .isEqualTo("signature does not match");
        assertThat(signature.refusal(signed("gateway-secret", NOW.getEpochSecond() - 3600, BODY), BODY))
                .startsWith("signature outside the five-minute window");
    }

    @Test
    void aServiceWithoutTheSecretDoesNotStart() {
        assertThatThrownBy(() -> new ReceiptSignature(" ", Clock.systemUTC()))
                .hasMessageContaining("SMS_RECEIPT_SECRET");
    }
}

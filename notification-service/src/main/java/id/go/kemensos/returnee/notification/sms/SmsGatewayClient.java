package id.go.kemensos.returnee.notification.sms;

import id.go.kemensos.returnee.gateway.GatewayResponse;
import id.go.kemensos.returnee.gateway.GatewayUnavailableException;
import id.go.kemensos.returnee.gateway.ResilientGateway;
import id.go.kemensos.returnee.gateway.ResilientGateways;
import id.go.kemensos.returnee.notification.NotificationProperties;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The SMS gateway through the "sms" Resilience4j instances. The message id travels as {@code clientRef}, which the
 * gateway deduplicates on, so a retried send never reaches the phone twice.
 */
@Component
public class SmsGatewayClient {

    private final ResilientGateway gateway;
    private final String receiptUrl;

    SmsGatewayClient(ResilientGateways gateways, NotificationProperties properties) {
        this.gateway = gateways.create("sms", properties.smsGatewayUrl());
        this.receiptUrl = properties.deliveryReceiptUrl() == null
                ? null
                : properties.deliveryReceiptUrl().toString();
    }

    public SendResult send(UUID clientRef, String toE164, String text) {
        GatewayResponse response;
        try {
            Map<String, String> body = new LinkedHashMap<>();
            body.put("clientRef", clientRef.toString());
            body.put("to", toE164);
            body.put("text", text);
            if (receiptUrl != null) {
                body.put("callbackUrl", receiptUrl);
            }
            response = gateway.post("/sms/v1/messages", body, true);
        } catch (GatewayUnavailableException e) {
            return SendResult.failed(e.getMessage(), false);
        }
        if (response.isSuccess()) {
            String segments = response.text("segments");
            return new SendResult(
                    response.text("messageId"), segments == null ? 1 : Integer.parseInt(segments), null, false);
        }
        // 4xx: the gateway refuses this message as it is (an invalid number, say); retrying cannot help.
        return SendResult.failed("HTTP " + response.status() + " " + response.body(), response.status() != 429);
    }

    /**
     * The gateway's status of a message it accepted: DELIVERED or FAILED once final, ACCEPTED before; empty when the
     * gateway cannot be asked now or does not know the message.
     */
    public Optional<DeliveryStatus> status(String gatewayMessageId) {
        GatewayResponse response;
        try {
            response = gateway.get("/sms/v1/messages/" + URLEncoder.encode(gatewayMessageId, StandardCharsets.UTF_8));
        } catch (GatewayUnavailableException e) {
            return Optional.empty();
        }
        if (!response.isSuccess() || response.text("status") == null) {
            return Optional.empty();
        }
        return Optional.of(new DeliveryStatus(response.text("status"), instant(response.text("deliveredAt"))));
    }

    /**
     * The gateway's time of delivery, if it gave one we can read (otherwise the receipt is dated when it is recorded).
     */
    private static Instant instant(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public record DeliveryStatus(String status, Instant deliveredAt) {

        public boolean isFinal() {
            return "DELIVERED".equals(status) || "FAILED".equals(status);
        }
    }

    public record SendResult(String gatewayMessageId, int segments, String error, boolean permanent) {

        static SendResult failed(String error, boolean permanent) {
            return new SendResult(null, 0, error, permanent);
        }

        public boolean accepted() {
            return gatewayMessageId != null;
        }
    }
}

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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The SMS gateway through the "sms" Resilience4j instances. The message id travels as {@code clientRef}, which the
 * gateway deduplicates on, so a retried send never reaches the phone twice. Messages go up to {@link #MAX_BATCH} in a
 * request, as aggregators take them: one round trip and one authentication for a hundred messages.
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

    /** The gateway's limit of messages in one request. */
    public static final int MAX_BATCH = 100;

    public record OutgoingSms(UUID clientRef, String toE164, String text) {}

    /**
     * Sends up to {@link #MAX_BATCH} messages in one request.
     *
     * @return each message's result by its clientRef; a message the gateway did not answer for failed, retryably
     */
    public Map<UUID, SendResult> send(List<OutgoingSms> messages) {
        if (messages.size() > MAX_BATCH) {
            throw new IllegalArgumentException(messages.size() + " messages; the gateway takes " + MAX_BATCH);
        }
        List<Map<String, String>> bodies = new ArrayList<>();
        for (OutgoingSms sms : messages) {
            Map<String, String> body = new LinkedHashMap<>();
            body.put("clientRef", sms.clientRef().toString());
            body.put("to", sms.toE164());
            body.put("text", sms.text());
            if (receiptUrl != null) {
                body.put("callbackUrl", receiptUrl);
            }
            bodies.add(body);
        }
        Map<UUID, SendResult> results = new HashMap<>();
        GatewayResponse response;
        try {
            // The aggregator's rate limit counts messages, not requests.
            response = gateway.post("/sms/v1/messages/batch", Map.of("messages", bodies), true, messages.size());
        } catch (GatewayUnavailableException e) {
            messages.forEach(sms -> results.put(sms.clientRef(), SendResult.failed(e.getMessage(), false)));
            return results;
        }
        if (response.isSuccess() && response.body() != null && response.body().get("results") != null) {
            for (JsonNode result : response.body().get("results")) {
                results.put(UUID.fromString(result.get("clientRef").asString()), result(result));
            }
        }
        // 4xx for the whole request (or a result missing): a fault of the request, not of the message; retried. The
        // answer is written out only for such a message (once per message it was 100 copies of a 100-result body).
        String unanswered = null;
        for (OutgoingSms sms : messages) {
            if (!results.containsKey(sms.clientRef())) {
                if (unanswered == null) {
                    unanswered = "HTTP " + response.status() + " " + response.body();
                }
                results.put(sms.clientRef(), SendResult.failed(unanswered, false));
            }
        }
        return results;
    }

    private static SendResult result(JsonNode result) {
        if ("ACCEPTED".equals(text(result, "status")) && text(result, "messageId") != null) {
            JsonNode segments = result.get("segments");
            return new SendResult(
                    text(result, "messageId"),
                    segments == null || segments.isNull() ? 1 : segments.asInt(),
                    null,
                    false);
        }
        // The gateway refuses this message as it is (an invalid number, say); retrying cannot help.
        return SendResult.failed("refused by the gateway: " + text(result, "error"), true);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
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

package id.go.kemensos.returnee.notification.sms;

import id.go.kemensos.returnee.gateway.GatewayResponse;
import id.go.kemensos.returnee.gateway.GatewayUnavailableException;
import id.go.kemensos.returnee.gateway.ResilientGateway;
import id.go.kemensos.returnee.notification.NotificationProperties;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The SMS gateway through the "sms" Resilience4j instances. The message id travels as {@code clientRef}, which the gateway
 * deduplicates on, so a retried send never reaches the phone twice.
 */
@Component
public class SmsGatewayClient implements AutoCloseable {

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private final ResilientGateway gateway;

    SmsGatewayClient(NotificationProperties properties, JsonMapper json, RetryRegistry retries, CircuitBreakerRegistry circuitBreakers,
                     RateLimiterRegistry rateLimiters, TimeLimiterRegistry timeLimiters) {
        this.gateway = new ResilientGateway("sms", properties.smsGatewayUrl(), json,
                new ResilientGateway.Registries(retries, circuitBreakers, rateLimiters, timeLimiters), scheduler);
    }

    public SendResult send(UUID clientRef, String toE164, String text) {
        GatewayResponse response;
        try {
            response = gateway.post("/sms/v1/messages", Map.of("clientRef", clientRef.toString(), "to", toE164, "text", text), true);
        } catch (GatewayUnavailableException e) {
            return SendResult.failed(e.getMessage(), false);
        }
        if (response.isSuccess()) {
            String segments = response.text("segments");
            return new SendResult(response.text("messageId"), segments == null ? 1 : Integer.parseInt(segments), null, false);
        }
        // 4xx: the gateway refuses this message as it is (an invalid number, say); retrying cannot help.
        return SendResult.failed("HTTP " + response.status() + " " + response.body(), response.status() != 429);
    }

    public record SendResult(String gatewayMessageId, int segments, String error, boolean permanent) {

        static SendResult failed(String error, boolean permanent) {
            return new SendResult(null, 0, error, permanent);
        }

        public boolean accepted() {
            return gatewayMessageId != null;
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}

package id.go.kemensos.returnee.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;

@ConfigurationProperties("notification")
public record NotificationProperties(URI smsGatewayUrl, URI deliveryReceiptUrl, Dispatch dispatch) {

    public record Dispatch(Duration interval, int batchSize, int parallelCalls, int maxAttempts, Duration retryDelay) {
    }
}

package id.go.kemensos.returnee.notification;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

@ConfigurationProperties("notification")
public record NotificationProperties(URI smsGatewayUrl, URI deliveryReceiptUrl, Dispatch dispatch) {

    /**
     * @param receiptWait  how long after sending the gateway's receipt is awaited before its status is asked for (then
     * again after twice as long each time, at most a day apart)
     * @param receiptChecks how many times it is asked; after the last, the message stays SENT, noted as without a
     * receipt
     */
    public record Dispatch(
            Duration interval,
            int batchSize,
            int parallelCalls,
            int maxAttempts,
            Duration retryDelay,
            Duration receiptWait,
            int receiptChecks) {}
}

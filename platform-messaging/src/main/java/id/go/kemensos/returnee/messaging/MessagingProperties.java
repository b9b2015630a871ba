package id.go.kemensos.returnee.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param retries       how often a failing record is retried in place before it goes to {@code <topic>.dlt}
 * @param retryBackoff  first retry delay, doubled each time up to {@code maxBackoff}
 * @param outboxRetention how long relayed outbox rows are kept; Kafka is the log of record
 */
@ConfigurationProperties("platform.messaging")
public record MessagingProperties(
        Integer retries, Duration retryBackoff, Duration maxBackoff, Duration outboxRetention) {

    public MessagingProperties {
        retries = retries == null ? 4 : retries;
        retryBackoff = retryBackoff == null ? Duration.ofMillis(200) : retryBackoff;
        maxBackoff = maxBackoff == null ? Duration.ofSeconds(5) : maxBackoff;
        outboxRetention = outboxRetention == null ? Duration.ofDays(7) : outboxRetention;
    }
}

package id.go.kemensos.returnee.notification.sms;

import id.go.kemensos.returnee.messaging.TaggedCounts;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Messages by state for the engineer on call: {@code platform_sms{state="QUEUED"}} on /actuator/prometheus. */
@Configuration(proxyBeanMethods = false)
class SmsMetrics {

    @Bean
    TaggedCounts smsByState(SmsMessages messages) {
        return new TaggedCounts(
                "platform.sms",
                "SMS by state: QUEUED, SENT, DELIVERED or FAILED as the gateway reported, WITHHELD",
                "state",
                List.of("QUEUED", "SENT", "DELIVERED", "FAILED", "WITHHELD"),
                messages::countByState);
    }
}

package id.go.kemensos.returnee.disbursement.payment;

import id.go.kemensos.returnee.messaging.TaggedCounts;
import java.util.stream.Stream;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Payments by state for the engineer on call: {@code platform_payments{state="SENT"}} on /actuator/prometheus. */
@Configuration(proxyBeanMethods = false)
class PaymentMetrics {

    @Bean
    TaggedCounts paymentsByState(PaymentRepository payments) {
        return new TaggedCounts(
                "platform.payments",
                "Payments by state",
                "state",
                Stream.of(PaymentState.values()).map(Enum::name).toList(),
                payments::countByState);
    }
}

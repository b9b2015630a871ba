package id.go.kemensos.returnee.audit.ledger;

import java.time.Duration;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

@Configuration
class LedgerConfiguration {

    /**
     * One consumer (a single writer keeps one chain), whole polls per call, and no dead-lettering: a batch that cannot
     * be written (the database is down) is tried again, backing off to a minute, until it is.
     */
    @Bean
    ConcurrentKafkaListenerContainerFactory<Object, Object> ledgerListenerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
            ConsumerFactory<Object, Object> consumers,
            ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>>
                    commitPastTransactionMarkers) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory =
                new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure(factory, consumers); // spring.kafka.listener.*, auto-startup included (off in a command)
        factory.setContainerCustomizer(commitPastTransactionMarkers);
        factory.setConcurrency(1);
        factory.setBatchListener(true);
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
        factory.getContainerProperties().setIdleBetweenPolls(0);
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(Duration.ofMinutes(1).toMillis());
        factory.setCommonErrorHandler(new DefaultErrorHandler(
                (record, e) -> {
                    throw new IllegalStateException("The audit ledger never skips a record", e);
                },
                backOff));
        return factory;
    }
}

package id.go.kemensos.returnee.messaging;

import id.go.kemensos.returnee.contracts.EventCatalog;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires the event mechanics into every service: consumers read raw bytes and decode CloudEvents themselves (so a poison
 * record reaches the listener's error handling instead of looping in the deserializer), failures are retried with
 * backoff and then dead-lettered to {@code <topic>.dlt}.
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class)
@EnableConfigurationProperties(MessagingProperties.class)
@EnableScheduling
public class MessagingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    Outbox outbox(
            JdbcTemplate jdbc, JsonMapper json, Clock clock, @Value("${spring.application.name}") String serviceName) {
        return new Outbox(jdbc, json, clock, serviceName);
    }

    @Bean
    PersonalDataAccessLog personalDataAccessLog(Outbox outbox, TransactionTemplate tx, Clock clock) {
        return new PersonalDataAccessLog(outbox, tx, clock);
    }

    @Bean
    OutboxPurge outboxPurge(JdbcTemplate jdbc, MessagingProperties properties, Clock clock) {
        return new OutboxPurge(jdbc, properties, clock);
    }

    @Bean
    ProcessedEvents processedEvents(JdbcTemplate jdbc) {
        return new ProcessedEvents(jdbc);
    }

    @Bean
    IncomingEvents incomingEvents(JsonMapper json) {
        return new IncomingEvents(json);
    }

    @Bean
    EventInbox eventInbox(IncomingEvents events, ProcessedEvents processed, TransactionTemplate tx) {
        return new EventInbox(events, processed, tx);
    }

    @Bean
    DefaultKafkaConsumerFactoryCustomizer rawBytesConsumers() {
        return factory -> factory.updateConfigs(Map.of(
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
    }

    /**
     * The relay's transactions end in a marker record no listener sees; when a partition goes idle, its group commits
     * past it, so a group that has processed everything shows no lag (Boot applies this to every listener factory it
     * builds; a service's own factory sets it itself).
     */
    @Bean
    ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>>
            commitPastTransactionMarkers() {
        return container -> container.getContainerProperties().setFixTxOffsets(true);
    }

    /** Publishes dead letters byte for byte as they were consumed. */
    @Bean
    KafkaTemplate<String, byte[]> deadLetterTemplate(KafkaProperties kafka) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
    }

    @Bean
    DeadLetters deadLetters(KafkaTemplate<String, byte[]> deadLetterTemplate, MeterRegistry meters) {
        return new DeadLetters(deadLetterTemplate, meters);
    }

    @Bean
    DeadLetterReplay deadLetterReplay(KafkaListenerEndpointRegistry listeners, KafkaProperties kafka) {
        return new DeadLetterReplay(listeners, kafka);
    }

    @Bean
    DeadLetterEndpoint deadLetterEndpoint(DeadLetterReplay replay) {
        return new DeadLetterEndpoint(replay);
    }

    @Bean
    TaggedCounts deadLettersWaiting(DeadLetterReplay replay) {
        return new TaggedCounts(
                "platform.dead.letters.waiting",
                "Dead letters of this service not yet replayed, by the topic they were consumed from",
                "topic",
                List.of(),
                replay::pending);
    }

    @Bean
    OutboxLag outboxLag(
            JdbcTemplate jdbc, KafkaProperties kafka, @Value("${spring.application.name}") String serviceName) {
        return new OutboxLag(
                jdbc, () -> Admin.create(kafka.buildAdminProperties()), EventCatalog.topicsRaisedBy(serviceName));
    }

    @Bean
    GaugeRefresh gaugeRefresh(ObjectProvider<RefreshedGauge> gauges) {
        return new GaugeRefresh(gauges.orderedStream().toList());
    }

    @Bean
    DefaultErrorHandler listenerErrorHandler(DeadLetters deadLetters, MessagingProperties properties) {
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(properties.retries());
        backOff.setInitialInterval(properties.retryBackoff().toMillis());
        backOff.setMultiplier(2.0);
        backOff.setMaxInterval(properties.maxBackoff().toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters, backOff);
        handler.addNotRetryableExceptions(MalformedEventException.class);
        return handler;
    }
}

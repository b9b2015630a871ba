package id.go.kemensos.returnee.messaging;

import id.go.kemensos.returnee.contracts.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

/**
 * Sends a record that exhausted its retries to {@code <topic>.dlt}, same partition, with the original bytes and Spring
 * Kafka's exception headers, and counts it in {@code platform.dead.letters} (/actuator/metrics). Replay with
 * {@link DeadLetterReplay} through /actuator/deadletters.
 */
public class DeadLetters implements ConsumerRecordRecoverer {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final DeadLetterPublishingRecoverer publisher;
    private final MeterRegistry meters;

    public DeadLetters(KafkaOperations<?, ?> template, MeterRegistry meters) {
        this.publisher = new DeadLetterPublishingRecoverer(
                template,
                (record, failure) -> new TopicPartition(Topics.deadLetterOf(record.topic()), record.partition()));
        this.publisher.setFailIfSendResultIsError(true);
        this.meters = meters;
    }

    @Override
    public void accept(ConsumerRecord<?, ?> record, Exception failure) {
        // No record content in the log: it may hold personal data.
        log.error(
                "Dead-lettering {}-{}@{} to {}: {}",
                record.topic(),
                record.partition(),
                record.offset(),
                Topics.deadLetterOf(record.topic()),
                rootMessage(failure));
        publisher.accept(record, whatFailed(failure));
        meters.counter("platform.dead.letters", "topic", record.topic()).increment();
    }

    /**
     * What the dead letter's headers tell: a batch listener's failure reaches the recoverer as the listener's
     * exception (with the group, which names the dead letter's group) around the batch inbox's report of which record
     * failed around the handler's own exception; the report is dropped, so the headers read as for a single record:
     * the listener's exception, caused by the handler's.
     */
    static Exception whatFailed(Exception failure) {
        if (failure instanceof ListenerExecutionFailedException listener
                && listener.getCause() instanceof BatchListenerFailedException batch
                && batch.getCause() instanceof Exception handler) {
            return new ListenerExecutionFailedException(listener.getMessage(), listener.getGroupId(), handler);
        }
        if (failure instanceof BatchListenerFailedException batch && batch.getCause() instanceof Exception handler) {
            return handler;
        }
        return failure;
    }

    private static String rootMessage(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}

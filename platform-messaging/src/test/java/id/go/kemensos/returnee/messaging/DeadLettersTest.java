package id.go.kemensos.returnee.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.SendResult;

/**
 * A dead letter from a batch listener's error handling says which group failed it (the replay selects by it) and the
 * handler's own exception, as a single record's would, on the record's partition.
 */
class DeadLettersTest {

    @Test
    @SuppressWarnings("unchecked")
    void aBatchListenersDeadLetterNamesItsGroupAndTheHandlersException() {
        KafkaOperations<String, byte[]> template = mock(KafkaOperations.class);
        when(template.send(any(ProducerRecord.class)))
                .thenReturn(CompletableFuture.completedFuture(mock(SendResult.class)));
        DeadLetters deadLetters = new DeadLetters(template, new SimpleMeterRegistry());
        ConsumerRecord<String, byte[]> record = EligibilityRecords.record(
                UUID.randomUUID().toString(), "t", "x", EligibilityRecords.bytes("{not json"), 7);
        Exception failure = new ListenerExecutionFailedException(
                "listener",
                "eligibility",
                new BatchListenerFailedException(
                        "Delivery to eligibility failed",
                        new MalformedEventException("not JSON", new IllegalArgumentException()),
                        record));

        deadLetters.accept(record, failure);

        ArgumentCaptor<ProducerRecord<String, byte[]>> sent = ArgumentCaptor.forClass(ProducerRecord.class);
        verify(template).send(sent.capture());
        assertThat(sent.getValue().topic()).isEqualTo("eligibility.events.dlt");
        assertThat(sent.getValue().partition()).isEqualTo(record.partition());
        assertThat(header(sent.getValue(), "kafka_dlt-original-consumer-group")).isEqualTo("eligibility");
        assertThat(header(sent.getValue(), "kafka_dlt-exception-cause-fqcn"))
                .as("what PoisonMessageIT and the on-call engineer read")
                .isEqualTo(MalformedEventException.class.getName());
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}

package id.go.kemensos.returnee.bench;

import id.go.kemensos.returnee.contracts.EventCatalog;
import id.go.kemensos.returnee.contracts.EventType;
import id.go.kemensos.returnee.contracts.PlatformEvent;
import id.go.kemensos.returnee.contracts.registration.BankAccount;
import id.go.kemensos.returnee.contracts.registration.ReturneeCategory;
import id.go.kemensos.returnee.contracts.registration.ReturneeRegistered;
import id.go.kemensos.returnee.contracts.registration.Sex;
import id.go.kemensos.returnee.infra.kafka.KafkaAccess;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Properties;
import java.util.UUID;

/**
 * Publishes platform events as the outbox relay does (CloudEvents binary mode, keyed by the subject), so that one service can
 * be benchmarked alone, fed by what its upstream services would have published.
 */
final class CloudEventRecords implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final KafkaProducer<String, byte[]> producer;

    CloudEventRecords(String bootstrapServers) {
        Properties p = new Properties();
        p.putAll(KafkaAccess.asAdmin(bootstrapServers));
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        this.producer = new KafkaProducer<>(p);
    }

    void send(String topic, PlatformEvent event) {
        EventType type = EventCatalog.of(event.getClass());
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", bytes("1.0"));
        headers.add("ce_id", bytes(UUID.randomUUID().toString()));
        headers.add("ce_type", bytes(type.type()));
        headers.add("ce_source", bytes(type.source().toString()));
        headers.add("ce_subject", bytes(event.subjectId()));
        headers.add("ce_time", bytes(Instant.now().toString()));
        headers.add("content-type", bytes("application/json"));
        producer.send(new ProducerRecord<>(topic, null, event.subjectId(), JSON.writeValueAsBytes(event), headers));
    }

    /** A registration of synthetic returnee {@code i} of Lombok Tengah, as registration-service would publish it. */
    static ReturneeRegistered registered(SyntheticReturnees people, int i, UUID beneficiaryId, String category, String referralSource,
                                         boolean attendedGuidance, Instant at) {
        String nik = people.nik(i);
        return new ReturneeRegistered(beneficiaryId, nik.substring(0, 4) + "**********" + nik.substring(14), people.name(i),
                SyntheticReturnees.female(i) ? Sex.FEMALE : Sex.MALE, people.birthDate(i), "52", "5202", ReturneeCategory.valueOf(category),
                referralSource, "MY", LocalDate.of(2019, 9, 2), people.phoneE164(i), new BankAccount("002", people.accountNumber(i),
                people.name(i)), true, attendedGuidance, null, at, null);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.flush();
        producer.close();
    }
}

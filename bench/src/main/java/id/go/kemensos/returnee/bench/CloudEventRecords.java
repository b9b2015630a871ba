package id.go.kemensos.returnee.bench;

import com.google.crypto.tink.Aead;
import id.go.kemensos.returnee.contracts.EventCatalog;
import id.go.kemensos.returnee.contracts.EventType;
import id.go.kemensos.returnee.contracts.MaskedValues;
import id.go.kemensos.returnee.contracts.PlatformEvent;
import id.go.kemensos.returnee.contracts.registration.BankAccount;
import id.go.kemensos.returnee.contracts.registration.PersonalDetails;
import id.go.kemensos.returnee.contracts.registration.ReturneeCategory;
import id.go.kemensos.returnee.contracts.registration.ReturneeRegistered;
import id.go.kemensos.returnee.contracts.registration.Sex;
import id.go.kemensos.returnee.infra.kafka.KafkaAccess;
import id.go.kemensos.returnee.infra.stack.LocalStack;
import id.go.kemensos.returnee.infra.stack.StackDatabase;
import id.go.kemensos.returnee.privacy.DatabasePersonKeyStore;
import id.go.kemensos.returnee.privacy.PersonKeys;
import id.go.kemensos.returnee.privacy.PersonalDataCipher;
import id.go.kemensos.returnee.privacy.PlatformKeys;
import id.go.kemensos.returnee.testsupport.SyntheticReturnees;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes platform events as the outbox relay does (CloudEvents binary mode, keyed by the subject), so that one
 * service can be benchmarked alone, fed by what its upstream services would have published.
 */
final class CloudEventRecords implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final KafkaProducer<String, byte[]> producer;
    private final PersonKeys keys;
    private final PersonalDataCipher cipher;

    /**
     * A publisher that seals registrations as registration-service does: a data key per person, created in the key
     * vault.
     */
    CloudEventRecords(LocalStack stack) {
        this(
                stack.kafka().bootstrapServers(),
                new PersonKeys(
                        PlatformKeys.load(LocalStack.keysDirectory(stack.home())),
                        new DatabasePersonKeyStore(
                                new JdbcTemplate(new SingleConnectionDataSource(
                                        StackDatabase.serverUrl(), "registration", "registration-local", true)),
                                Clock.systemUTC())));
    }

    /** A publisher of events about no person (seals, payments of people registered otherwise). */
    CloudEventRecords(String bootstrapServers) {
        this(bootstrapServers, null);
    }

    private CloudEventRecords(String bootstrapServers, PersonKeys keys) {
        this.keys = keys;
        this.cipher = keys == null ? null : new PersonalDataCipher(keys, JSON);
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

    /**
     * A registration of synthetic returnee {@code i} of Lombok Tengah, as registration-service would publish it: the
     * person's key created, their personal fields sealed with it (one key-vault write per person).
     */
    ReturneeRegistered registered(
            SyntheticReturnees people,
            int i,
            UUID beneficiaryId,
            String category,
            String referralSource,
            boolean attendedGuidance,
            Instant at) {
        String nik = people.nik(i);
        PersonalDetails details = new PersonalDetails(
                MaskedValues.nik(nik),
                people.name(i),
                people.birthDate(i),
                people.phoneE164(i),
                new BankAccount("002", people.accountNumber(i), people.name(i)),
                ReturneeCategory.valueOf(category),
                referralSource,
                null,
                null);
        Aead key = keys.createAll(List.of(beneficiaryId)).get(beneficiaryId);
        return ReturneeRegistered.sealed(
                beneficiaryId,
                SyntheticReturnees.female(i) ? Sex.FEMALE : Sex.MALE,
                "52",
                "5202",
                "MY",
                LocalDate.of(2019, 9, 2),
                true,
                2,
                attendedGuidance,
                null,
                at,
                cipher.sealRecord(key, beneficiaryId, PersonalDataCipher.DETAILS, details));
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

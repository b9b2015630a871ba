package id.go.kemensos.returnee.messaging;

import id.go.kemensos.returnee.contracts.eligibility.EligibilityDecided;
import id.go.kemensos.returnee.contracts.eligibility.Outcome;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;

/** Records of eligibility.events as the relay writes them: CloudEvent headers, the subject as key. */
final class EligibilityRecords {

    private EligibilityRecords() {}

    /** @param type the CloudEvent type, or null for a record without CloudEvent headers */
    static ConsumerRecord<String, byte[]> record(String id, String type, String subject, byte[] value, long offset) {
        RecordHeaders headers = new RecordHeaders();
        if (type != null) {
            headers.add("ce_specversion", bytes("1.0"));
            headers.add("ce_id", bytes(id));
            headers.add("ce_type", bytes(type));
            headers.add("ce_source", bytes("/kemensos/eligibility-service"));
            headers.add("ce_time", bytes("2026-11-22T10:15:30.123456Z"));
            headers.add("ce_subject", bytes(subject));
            headers.add("content-type", bytes("application/json"));
        }
        return new ConsumerRecord<>(
                "eligibility.events",
                2,
                offset,
                0L,
                TimestampType.CREATE_TIME,
                0,
                value.length,
                subject,
                value,
                headers,
                Optional.empty());
    }

    static ConsumerRecord<String, byte[]> record(String type, String subject, byte[] value) {
        return record(UUID.randomUUID().toString(), type, subject, value, 41L);
    }

    /** An eligible decision on the grant for this person, in province 52. */
    static EligibilityDecided decided(UUID who) {
        return new EligibilityDecided(
                UUID.randomUUID(),
                who,
                "BSU",
                "2026",
                Outcome.ELIGIBLE,
                960_000,
                List.of("BUSINESS_STIMULANT_GRANT"),
                "bsu-placeholder",
                "0.1",
                List.of(),
                "52",
                "5202",
                null,
                Instant.parse("2026-11-22T10:15:30Z"));
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

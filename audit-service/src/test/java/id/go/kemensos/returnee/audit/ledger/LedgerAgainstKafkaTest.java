package id.go.kemensos.returnee.audit.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A ledger rebuilt consistently (chain and all) from events that are not Kafka's is told by the comparison. */
class LedgerAgainstKafkaTest {

    private static final String TOPIC = "registration.events";
    private static final Instant AT = Instant.parse("2026-11-22T03:00:00.123456Z");

    private static AuditEntry record(int offset, String data) {
        return new AuditEntry(
                0,
                "e" + offset,
                TOPIC,
                0,
                offset,
                "person-" + offset,
                "id.go.kemensos.registration.ReturneeRegistered.v1",
                "/kemensos/registration-service",
                "person-" + offset,
                AT,
                data,
                null,
                null);
    }

    private static AuditEntry row(long seq, AuditEntry record) {
        return new AuditEntry(
                        seq,
                        record.eventId(),
                        record.topic(),
                        record.partition(),
                        record.offset(),
                        record.key(),
                        record.type(),
                        record.source(),
                        record.subject(),
                        record.time(),
                        record.data(),
                        null,
                        null)
                .withChain(AuditEntry.GENESIS);
    }

    private static KafkaComparison compare(List<AuditEntry> onKafka, List<AuditEntry> rows) {
        Map<String, AuditEntry> byId = new HashMap<>();
        onKafka.forEach(r -> byId.putIfAbsent(r.eventId(), r));
        return LedgerAgainstKafka.compare(onKafka.size(), byId, Set.of(TOPIC), after -> after == 0 ? rows : List.of());
    }

    @Test
    void aLedgerAsOnKafkaMatchesAndRecordsItHasNotReadYetAreNotDifferences() {
        List<AuditEntry> kafka = List.of(record(0, "{\"n\":0}"), record(1, "{\"n\":1}"), record(2, "{\"n\":2}"));

        KafkaComparison result = compare(kafka, List.of(row(1, kafka.get(0)), row(2, kafka.get(1))));

        assertThat(result.matches()).isTrue();
        assertThat(result.rowsCompared()).isEqualTo(2);
        assertThat(result.notYetAppended()).isEqualTo(1);
    }

    @Test
    void anEditedAnInsertedAndADroppedRowAreEachNamed() {
        List<AuditEntry> kafka = List.of(
                record(0, "{\"n\":0}"),
                record(1, "{\"name\":\"SITI AMINAH\"}"),
                record(2, "{\"n\":2}"),
                record(3, "{\"n\":3}"));
        List<AuditEntry> rows = new ArrayList<>();
        rows.add(row(1, kafka.get(0)));
        rows.add(row(2, record(1, "{\"name\":\"SITI AMINA\"}"))); // edited
        rows.add(row(
                3, new AuditEntry(0, "forged", TOPIC, 0, 7, null, "t", null, null, AT, "{}", null, null))); // inserted
        rows.add(row(4, kafka.get(3))); // offset 2 dropped

        KafkaComparison result = compare(kafka, rows);

        assertThat(result.differences())
                .extracting(
                        KafkaComparison.Difference::kind,
                        KafkaComparison.Difference::eventId,
                        KafkaComparison.Difference::seq)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(KafkaComparison.Kind.UNLIKE_KAFKA, "e1", 2L),
                        org.assertj.core.groups.Tuple.tuple(KafkaComparison.Kind.NOT_ON_KAFKA, "forged", 3L),
                        org.assertj.core.groups.Tuple.tuple(KafkaComparison.Kind.MISSING_FROM_LEDGER, "e2", null));
        assertThat(result.differences().get(0).detail()).endsWith("in data");
    }
}

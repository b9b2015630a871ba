package id.go.kemensos.returnee.audit.ledger;

import java.util.List;

/**
 * The ledger against the event log it was built from. The chain shows a row changed after it was appended; this shows a
 * ledger that no longer is what Kafka holds, even one rewritten consistently, hashes and all: every row must be, field
 * for field, a record on Kafka, and every record the ledger has read past must be a row.
 *
 * @param matches        no difference
 * @param notYetAppended records on Kafka beyond what the ledger has read so far (it follows the topics a moment behind)
 */
public record KafkaComparison(
        boolean matches, long recordsRead, long rowsCompared, long notYetAppended, List<Difference> differences) {

    static KafkaComparison of(long recordsRead, long rowsCompared, long notYetAppended, List<Difference> differences) {
        return new KafkaComparison(
                differences.isEmpty(), recordsRead, rowsCompared, notYetAppended, List.copyOf(differences));
    }

    public enum Kind {
        /** No record on Kafka has the row's event id: the row was inserted, or its id changed. */
        NOT_ON_KAFKA,
        /** The row differs from the record with its event id (payload, type, time, key or position). */
        UNLIKE_KAFKA,
        /** A record the ledger has read past (a later record of its partition is a row) is not in the ledger. */
        MISSING_FROM_LEDGER
    }

    /** @param seq the ledger row, or null for a record missing from the ledger */
    public record Difference(
            Long seq, Kind kind, String eventId, String topic, int partition, long offset, String detail) {}
}

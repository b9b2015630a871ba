package id.go.kemensos.returnee.contracts.audit;

import id.go.kemensos.returnee.contracts.EventType;
import id.go.kemensos.returnee.contracts.PlatformEvent;
import java.time.Instant;

/**
 * The audit ledger's chain as it stood: row {@code seq} had hash {@code hash}. Published to Kafka, which keeps it
 * forever outside the ledger's database, so that rewriting the ledger, even with every hash recomputed, no longer
 * matches it.
 */
public record AuditLedgerSealed(long seq, String hash, Instant sealedAt) implements PlatformEvent {

    public static final EventType EVENT_TYPE = EventType.of(AuditTopics.AGGREGATE, AuditLedgerSealed.class, 1);

    /** One key for every seal: they stay in order on one partition. */
    @Override
    public String subjectId() {
        return "audit-ledger";
    }
}

package id.go.kemensos.returnee.audit.person;

import java.time.Instant;
import java.util.Map;

/**
 * One thing that happened to a beneficiary, as the ledger holds it: when, which event, a sentence for the auditor and
 * the details behind it (identifiers masked). {@code seq} is the ledger row, to verify or cite.
 */
public record TimelineEntry(
        long seq,
        Instant at,
        String topic,
        String event,
        String summary,
        Map<String, Object> details,
        String eventId) {}

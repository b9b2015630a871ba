package id.go.kemensos.returnee.contracts.casework;

import id.go.kemensos.returnee.contracts.EventType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The case worker assessed the person's needs, dimension by dimension (case-service's need-dimensions.csv: economic,
 * housing, health, legal, education, social, psychosocial, family), when the case opened or again later, so that the
 * program sees whether needs fall. The levels only: what the case worker wrote stays in the case.
 */
public record NeedsAssessed(
        UUID assessmentId, UUID caseId, UUID beneficiaryId, List<Need> needs, String assessedBy, Instant assessedAt)
        implements CaseEvent {

    public static final EventType EVENT_TYPE = EventType.of(CaseTopics.AGGREGATE, NeedsAssessed.class, 1);

    /** How much support a dimension needs. */
    public enum Level {
        NONE,
        LOW,
        MEDIUM,
        HIGH
    }

    public record Need(String dimension, Level level) {}
}

package id.go.kemensos.returnee.contracts.eligibility;

import id.go.kemensos.returnee.contracts.BeneficiaryEvent;
import id.go.kemensos.returnee.contracts.EventType;
import java.util.UUID;

/**
 * A decision under a restricted law (one that shows who is, or may be, a trafficking victim: Law 21/2007 Art. 44),
 * published on {@value EligibilityTopics#PROTECTION_EVENTS} instead of the general stream, so that only the audit
 * ledger and case-service receive it.
 */
public record ProtectionDecided(EligibilityDecided decision) implements EligibilityEvent, BeneficiaryEvent {

    public static final EventType EVENT_TYPE = EventType.of(
            EligibilityTopics.PROTECTION_AGGREGATE, EligibilityTopics.PRODUCER, ProtectionDecided.class, 1);

    @Override
    public UUID beneficiaryId() {
        return decision.beneficiaryId();
    }
}

package id.go.kemensos.returnee.contracts.eligibility;

import id.go.kemensos.returnee.contracts.BeneficiaryEvent;
import id.go.kemensos.returnee.contracts.EventType;
import java.util.UUID;

/** A protection officer's ruling on a decision under a restricted law; published beside {@link ProtectionDecided}. */
public record ProtectionDecisionOverridden(DecisionOverridden override) implements EligibilityEvent, BeneficiaryEvent {

    public static final EventType EVENT_TYPE = EventType.of(
            EligibilityTopics.PROTECTION_AGGREGATE, EligibilityTopics.PRODUCER, ProtectionDecisionOverridden.class, 1);

    @Override
    public UUID beneficiaryId() {
        return override.beneficiaryId();
    }
}

package id.go.kemensos.returnee.contracts.eligibility;

import id.go.kemensos.returnee.contracts.BeneficiaryEvent;
import id.go.kemensos.returnee.contracts.EventType;
import java.time.Instant;
import java.util.UUID;

/**
 * A person referred to a service by an ELIGIBLE decision (a child to child protection, say), for the case worker and the
 * partner who provides it: {@code service} (CHILD_PROTECTION) and {@code partnerType} (UPTD_PPA) are the rule set's, the
 * regency says whose office takes it. Never made under a restricted law, so it never shows that someone is a
 * trafficking victim.
 */
public record ReferralRequested(
        UUID referralId,
        UUID beneficiaryId,
        UUID decisionId,
        String ruleSetId,
        String ruleSetVersion,
        String service,
        String partnerType,
        String provinceCode,
        String regencyCode,
        Instant requestedAt)
        implements EligibilityEvent, BeneficiaryEvent {

    public static final EventType EVENT_TYPE = EventType.of(EligibilityTopics.AGGREGATE, ReferralRequested.class, 1);
}

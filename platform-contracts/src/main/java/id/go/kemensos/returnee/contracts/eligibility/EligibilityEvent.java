package id.go.kemensos.returnee.contracts.eligibility;

import id.go.kemensos.returnee.contracts.PlatformEvent;

/**
 * Every event eligibility-service publishes, a closed set: a consumer's handlers for this stream can name only
 * types that appear on it (the compiler checks), and a new event type is a deliberate change here.
 */
public sealed interface EligibilityEvent extends PlatformEvent
        permits DecisionOverridden,
                EligibilityDecided,
                ProtectionDecided,
                ProtectionDecisionOverridden,
                ReferralRequested {}

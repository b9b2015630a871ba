package id.go.kemensos.returnee.contracts.eligibility;

public enum Outcome {
    ELIGIBLE,
    INELIGIBLE,
    NEEDS_REVIEW
}

package id.go.kemensos.returnee.registration.validation;

/**
 * How a problem affects its row: ERROR rejects it, WARNING lets it through with a note, REVIEW holds it for an officer.
 */
public enum Severity {
    ERROR,
    WARNING,
    REVIEW
}

package id.go.kemensos.returnee.contracts;

/**
 * A domain event payload. {@link #subjectId()} is the Kafka key and the CloudEvents subject, so that everything about
 * one subject stays ordered within one partition.
 */
public interface PlatformEvent {

    String subjectId();
}

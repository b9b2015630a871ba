package id.go.kemensos.returnee.contracts;

import java.util.UUID;

/**
 * A domain event payload. The beneficiary's pseudonymous id is the Kafka key and the CloudEvents subject, so everything
 * about one person stays ordered within one partition. Never the NIK.
 */
public interface PlatformEvent {

    UUID beneficiaryId();
}

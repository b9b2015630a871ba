package id.go.kemensos.returnee.contracts;

import java.util.UUID;

/** An event about one beneficiary, keyed by the pseudonymous beneficiary id: never by the NIK. */
public interface BeneficiaryEvent extends PlatformEvent {

    UUID beneficiaryId();

    @Override
    default String subjectId() {
        return beneficiaryId().toString();
    }
}

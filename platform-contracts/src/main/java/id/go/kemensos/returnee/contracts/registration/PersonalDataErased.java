package id.go.kemensos.returnee.contracts.registration;

import id.go.kemensos.returnee.contracts.BeneficiaryEvent;
import id.go.kemensos.returnee.contracts.EventType;
import java.time.Instant;
import java.util.UUID;

/**
 * A data protection officer erased a person's personal data (Law 27/2022): their data key was destroyed, so every field
 * sealed with it, in any table, topic or ledger entry, can no longer be read. Region, amounts, states and the
 * pseudonymous id stay, as state audit needs them. {@code ground} is one of {@link #GROUNDS}; {@code erasedBy} is the
 * officer's subject. A later registration of the same NIK is a new person.
 */
public record PersonalDataErased(UUID beneficiaryId, String ground, String erasedBy, Instant erasedAt)
        implements RegistrationEvent, BeneficiaryEvent {

    public static final EventType EVENT_TYPE = EventType.of(RegistrationTopics.AGGREGATE, PersonalDataErased.class, 1);

    /**
     * Why a person may be erased: their own request (Law 27/2022 Art. 8 and 16), the end of the period the data was
     * needed for, or an order (a court's, or the supervising authority's).
     */
    public static final java.util.Set<String> GROUNDS =
            java.util.Set.of("DATA_SUBJECT_REQUEST", "RETENTION_ENDED", "ORDER");
}

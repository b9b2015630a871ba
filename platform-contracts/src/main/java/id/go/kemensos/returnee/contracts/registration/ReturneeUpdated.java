package id.go.kemensos.returnee.contracts.registration;

import id.go.kemensos.returnee.contracts.BeneficiaryEvent;
import id.go.kemensos.returnee.contracts.EventType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A registered returnee's contact or payout details, or their DTSEN welfare decile, changed (an amendment at a desk or
 * in a later upload). Carries the full current values, so a consumer never needs the earlier event; {@code changed}
 * names what changed ("phone", "bankAccount", "dtsenDecile", "familyCard" (then {@code householdId} is its new
 * pseudonym, as on {@link ReturneeRegistered}), or {@value #SEALED_DETAILS} for a change that only the
 * seal may tell: a trafficking status, which names in clear would give away). {@code dtsenDecile}: the current decile (1 poorest ..
 * 10; null when not known, and in events written before it was carried). Identity (name, sex, birth date) never changes this way: a conflict there goes to review instead. The
 * phone and the account travel sealed in {@code personalData} ({@link PersonalDetails#contact}, as in
 * {@link ReturneeRegistered}); the clear fields are null in such events and set in events written before.
 */
public record ReturneeUpdated(
        UUID beneficiaryId,
        String phoneE164,
        BankAccount bankAccount,
        List<String> changed,
        UUID uploadId,
        Instant updatedAt,
        String personalData,
        Integer dtsenDecile,
        String householdId)
        implements RegistrationEvent, BeneficiaryEvent {

    public static final EventType EVENT_TYPE = EventType.of(RegistrationTopics.AGGREGATE, ReturneeUpdated.class, 1);

    /** What {@code changed} says of a new trafficking status (Law 21/2007 Art. 44: not named outside the seal). */
    public static final String SEALED_DETAILS = "sealedDetails";

    /** An amendment whose new phone and account are sealed in {@code personalData}. */
    public static ReturneeUpdated sealed(
            UUID beneficiaryId,
            List<String> changed,
            UUID uploadId,
            Instant updatedAt,
            String personalData,
            Integer dtsenDecile) {
        return new ReturneeUpdated(
                beneficiaryId, null, null, changed, uploadId, updatedAt, personalData, dtsenDecile, null);
    }

    /** The same amendment of a person now known to be on the family card whose pseudonym this is. */
    public ReturneeUpdated inHousehold(String household) {
        return new ReturneeUpdated(
                beneficiaryId,
                phoneE164,
                bankAccount,
                changed,
                uploadId,
                updatedAt,
                personalData,
                dtsenDecile,
                household);
    }

    /** The phone and account of an event written before they were sealed. */
    public PersonalDetails clearDetails() {
        return PersonalDetails.contact(phoneE164, bankAccount);
    }
}

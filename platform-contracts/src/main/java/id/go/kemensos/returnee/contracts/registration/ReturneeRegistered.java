package id.go.kemensos.returnee.contracts.registration;

import id.go.kemensos.returnee.contracts.BeneficiaryEvent;
import id.go.kemensos.returnee.contracts.EventType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A returnee was registered for the first time and given a pseudonymous beneficiary id. Carries what downstream
 * services need; the NIK itself stays in registration-service. The personal fields travel in {@code personalData}: a
 * {@link PersonalDetails} sealed with the person's own data key (platform-privacy opens it), so that erasing the person
 * makes this event, kept forever, unreadable as to who they are. The clear fields {@code nikMasked} to
 * {@code bankAccount} are null in such events; events written before {@code personalData} existed carry them in clear.
 * {@code dtsenDecile}: the household's welfare decile in DTSEN (1 poorest .. 10), which replaced DTKS; null when not
 * given, and in events written before it was carried. {@code householdId}: a pseudonym of the person's family card (a
 * keyed hash; the number itself stays sealed), the same for everyone on that card, so that a program may decide a family
 * member by the returned worker of their household; null when no family card was given, and in events written before.
 */
public record ReturneeRegistered(
        UUID beneficiaryId,
        String nikMasked,
        String fullName,
        Sex sex,
        LocalDate birthDate,
        String provinceCode,
        String regencyCode,
        ReturneeCategory category,
        String referralSource,
        String destinationCountry,
        LocalDate returnDate,
        String phoneE164,
        BankAccount bankAccount,
        boolean dtksListed,
        Integer dtsenDecile,
        boolean attendedSocialGuidance,
        UUID uploadId,
        Instant registeredAt,
        String personalData,
        String householdId)
        implements RegistrationEvent, BeneficiaryEvent {

    public static final EventType EVENT_TYPE = EventType.of(RegistrationTopics.AGGREGATE, ReturneeRegistered.class, 1);

    /** A registration whose personal fields are sealed in {@code personalData}. */
    public static ReturneeRegistered sealed(
            UUID beneficiaryId,
            Sex sex,
            String provinceCode,
            String regencyCode,
            String destinationCountry,
            LocalDate returnDate,
            boolean dtksListed,
            Integer dtsenDecile,
            boolean attendedSocialGuidance,
            UUID uploadId,
            Instant registeredAt,
            String personalData) {
        return new ReturneeRegistered(
                beneficiaryId,
                null,
                null,
                sex,
                null,
                provinceCode,
                regencyCode,
                null,
                null,
                destinationCountry,
                returnDate,
                null,
                null,
                dtksListed,
                dtsenDecile,
                attendedSocialGuidance,
                uploadId,
                registeredAt,
                personalData,
                null);
    }

    /** The same registration of a person on the family card whose pseudonymous household id this is. */
    public ReturneeRegistered inHousehold(String household) {
        return new ReturneeRegistered(
                beneficiaryId,
                nikMasked,
                fullName,
                sex,
                birthDate,
                provinceCode,
                regencyCode,
                category,
                referralSource,
                destinationCountry,
                returnDate,
                phoneE164,
                bankAccount,
                dtksListed,
                dtsenDecile,
                attendedSocialGuidance,
                uploadId,
                registeredAt,
                personalData,
                household);
    }

    /** The personal fields of an event written before they were sealed. */
    public PersonalDetails clearDetails() {
        return new PersonalDetails(
                nikMasked, fullName, birthDate, phoneE164, bankAccount, category, referralSource, null, null);
    }
}

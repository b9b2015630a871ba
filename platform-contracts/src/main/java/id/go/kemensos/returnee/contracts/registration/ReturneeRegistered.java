package id.go.kemensos.returnee.contracts.registration;

import id.go.kemensos.returnee.contracts.EventType;
import id.go.kemensos.returnee.contracts.BeneficiaryEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A returnee was registered for the first time and given a pseudonymous beneficiary id. Carries what downstream services need;
 * the NIK itself stays in registration-service and travels only masked.
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
        boolean attendedSocialGuidance,
        UUID uploadId,
        Instant registeredAt) implements BeneficiaryEvent {

    public static final EventType EVENT_TYPE = EventType.of(RegistrationTopics.AGGREGATE, ReturneeRegistered.class, 1);
}

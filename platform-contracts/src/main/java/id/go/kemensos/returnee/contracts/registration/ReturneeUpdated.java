package id.go.kemensos.returnee.contracts.registration;

import id.go.kemensos.returnee.contracts.EventType;
import id.go.kemensos.returnee.contracts.BeneficiaryEvent;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A registered returnee's contact or payout details changed (an amendment at a desk or in a later upload). Carries the full
 * current values, so a consumer never needs the earlier event; {@code changed} names what changed ("phone", "bankAccount").
 * Identity (name, sex, birth date) never changes this way: a conflict there goes to review instead.
 */
public record ReturneeUpdated(
        UUID beneficiaryId,
        String phoneE164,
        BankAccount bankAccount,
        List<String> changed,
        UUID uploadId,
        Instant updatedAt) implements BeneficiaryEvent {

    public static final EventType EVENT_TYPE = EventType.of(RegistrationTopics.AGGREGATE, ReturneeUpdated.class, 1);
}

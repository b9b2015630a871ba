package id.go.kemensos.returnee.registration.returnee;

import id.go.kemensos.returnee.contracts.registration.PersonalDataErased;
import id.go.kemensos.returnee.messaging.Outbox;
import id.go.kemensos.returnee.privacy.PersonKeys;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases a person's personal data by destroying their data key (crypto-shredding): in one transaction the key in the
 * key vault, the returnee's sealed details and NIK index, the rows as uploaded under that NIK, and a PersonalDataErased
 * event. Every copy sealed with the key, in any service's tables, in Kafka and in the audit ledger, is unreadable from
 * then on (other services may hold the unwrapped key in memory for {@link PersonKeys#DEFAULT_KEPT} at most, and drop it
 * when the event reaches them). Nothing else changes: the ledger's chain, payments, amounts and regions stay.
 */
@Service
public class ReturneeErasure {

    private static final Logger log = LoggerFactory.getLogger(ReturneeErasure.class);

    private final ReturneeRepository returnees;
    private final ApplicationEventPublisher events;
    private final PersonKeys keys;
    private final Outbox outbox;
    private final Clock clock;

    ReturneeErasure(
            ReturneeRepository returnees,
            ApplicationEventPublisher events,
            PersonKeys keys,
            Outbox outbox,
            Clock clock) {
        this.returnees = returnees;
        this.events = events;
        this.keys = keys;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * A person's erasure, published to the classes that keep other copies of their data in this service (the rows as
     * uploaded), synchronously and inside the erasure's transaction: they are forgotten with it, or not at all.
     */
    public record Erasing(UUID beneficiaryId, String nikIndex) {}

    /** The outcome: the person's erasure as recorded now, or as recorded when they had been erased already. */
    public record Result(Returnee.Erasure erasure, boolean erasedNow) {}

    /** Erases the person; empty when no such person. Erasing an erased person again changes nothing. */
    @Transactional
    public Optional<Result> erase(UUID beneficiaryId, String ground, String reason, String officer) {
        if (ground == null || !PersonalDataErased.GROUNDS.contains(ground)) { // Set.of refuses to look up null
            throw new InvalidRegistrationException(
                    "ground",
                    "Dasar penghapusan harus salah satu dari " + PersonalDataErased.GROUNDS
                            + " / the ground must be one of " + PersonalDataErased.GROUNDS);
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidRegistrationException("reason", "Alasan wajib diisi / a reason is required");
        }
        Optional<Returnee> found = returnees.findById(beneficiaryId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Returnee person = found.get();
        if (person.erasure() != null) {
            return Optional.of(new Result(person.erasure(), false));
        }
        Instant now = clock.instant();
        events.publishEvent(new Erasing(beneficiaryId, person.nikIndex()));
        returnees.markErased(beneficiaryId, now, officer, ground, reason.strip());
        keys.erase(beneficiaryId);
        outbox.append(new PersonalDataErased(beneficiaryId, ground, officer, now));
        log.info("Erased the personal data of beneficiary {} ({})", beneficiaryId, ground);
        return Optional.of(new Result(new Returnee.Erasure(now, officer), true));
    }
}

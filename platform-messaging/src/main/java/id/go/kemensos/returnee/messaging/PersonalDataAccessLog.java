package id.go.kemensos.returnee.messaging;

import id.go.kemensos.returnee.contracts.access.PersonalDataAccessed;
import java.time.Clock;
import java.util.UUID;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records who read one person's personal data, or exported a file holding personal data, as a
 * {@link PersonalDataAccessed} event through this service's outbox (Law 27/2022: accountability). The record commits
 * before the data is handed out: a read that cannot be recorded fails.
 */
public class PersonalDataAccessLog {

    private final Outbox outbox;
    private final TransactionTemplate tx;
    private final Clock clock;

    PersonalDataAccessLog(Outbox outbox, TransactionTemplate tx, Clock clock) {
        this.outbox = outbox;
        this.tx = tx;
        this.clock = clock;
    }

    /** An officer read one person's personal data. */
    public void read(String officer, UUID beneficiaryId, String action, String resource) {
        record(new PersonalDataAccessed(
                TimeOrderedIds.next(), beneficiaryId, officer, action, resource, "", clock.instant()));
    }

    /** An officer received a list or a file with personal data; {@code detail} says how much (people, rows). */
    public void export(String officer, String action, String resource, String detail) {
        record(new PersonalDataAccessed(
                TimeOrderedIds.next(), null, officer, action, resource, detail, clock.instant()));
    }

    private void record(PersonalDataAccessed access) {
        tx.executeWithoutResult(status -> outbox.append(access));
    }
}

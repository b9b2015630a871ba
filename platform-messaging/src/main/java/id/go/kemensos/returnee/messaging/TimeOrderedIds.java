package id.go.kemensos.returnee.messaging;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import java.util.UUID;

/**
 * UUIDv7 (RFC 9562) ids for outbox events and new entities. Random UUIDs as InnoDB primary keys scatter inserts over
 * the whole clustered index, which slows bulk uploads as tables grow past the buffer pool; time-ordered ids append. The
 * ids reveal their creation time to the millisecond, which the events carry anyway, and nothing else: 74 bits stay
 * random.
 */
public final class TimeOrderedIds {

    private static final TimeBasedEpochGenerator GENERATOR = Generators.timeBasedEpochGenerator();

    private TimeOrderedIds() {}

    public static UUID next() {
        return GENERATOR.generate();
    }
}

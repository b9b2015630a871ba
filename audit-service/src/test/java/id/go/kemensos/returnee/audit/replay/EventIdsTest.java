package id.go.kemensos.returnee.audit.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventIdsTest {

    @Test
    void countsEachIdOnceAsAHashSetDoesWhileGrowingFarPastItsFirstSize() {
        Random random = new Random(11);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 200_000; i++) {
            // Random ids, time-ordered ones that share their high bits, and ids seen before.
            UUID id = switch (i % 4) {
                case 0 -> UUID.randomUUID();
                case 1 -> new UUID(0x1EF0_0000_0000_1000L + i, 0x8000_0000_0000_0000L | i);
                case 2 ->
                    new UUID(
                            random.nextInt(16), random.nextInt(16)); // small values, many collisions, (0, 0) among them
                default -> ids.get(random.nextInt(ids.size()));
            };
            ids.add(id);
        }
        EventIds eventIds = new EventIds(16);
        Set<UUID> expected = new HashSet<>();
        for (UUID id : ids) {
            assertThat(eventIds.add(id)).as(id.toString()).isEqualTo(expected.add(id));
        }
        assertThat(eventIds.size()).isEqualTo(expected.size());
        for (UUID id : expected) {
            assertThat(eventIds.add(id)).as("again " + id).isFalse();
        }
    }

    @Test
    void theIdOfAllZeroBitsIsAnIdLikeAnyOther() {
        EventIds eventIds = new EventIds(1_000);
        UUID zero = new UUID(0, 0);
        assertThat(eventIds.add(zero)).isTrue();
        assertThat(eventIds.add(zero)).isFalse();
        assertThat(eventIds.add(new UUID(0, 1))).isTrue();
        assertThat(eventIds.size()).isEqualTo(2);
    }
}

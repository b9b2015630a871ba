package id.go.kemensos.returnee.audit.replay;

import java.util.UUID;

/**
 * The ids of the events a replay has applied, to count each event once. Open addressing over the two halves of each id
 * in one long array: a {@code HashSet<UUID>} of a million ids was 11% of the fold thread (a node per id, and a cache
 * miss for each of the node and the id it points to) and kept a million more objects for every young collection to
 * copy.
 */
final class EventIds {

    private static final float LOAD = 0.5f;

    /** Pairs (most, least significant bits); a free slot is (0, 0), so that id is kept aside. */
    private long[] slots;

    private int mask;
    private int size;
    private boolean hasZero;

    /** @param expected ids to make room for at once (up to 2 million: 64 MB); beyond, the table doubles as it fills */
    EventIds(long expected) {
        int wanted = (int) Math.max(16, Math.min(1 << 22, (long) (expected / LOAD) + 1));
        int capacity = Integer.highestOneBit(wanted - 1) << 1;
        slots = new long[2 * capacity];
        mask = capacity - 1;
    }

    /** Adds the id; false when it was there already. */
    boolean add(UUID id) {
        long most = id.getMostSignificantBits();
        long least = id.getLeastSignificantBits();
        if (most == 0 && least == 0) {
            boolean added = !hasZero;
            hasZero = true;
            return added;
        }
        if (size + 1 > (mask + 1) * LOAD) {
            grow();
        }
        if (!insert(slots, mask, most, least)) {
            return false;
        }
        size++;
        return true;
    }

    int size() {
        return size + (hasZero ? 1 : 0);
    }

    private static boolean insert(long[] slots, int mask, long most, long least) {
        for (int i = slot(most, least) & mask; ; i = (i + 1) & mask) {
            long m = slots[2 * i];
            long l = slots[2 * i + 1];
            if (m == 0 && l == 0) {
                slots[2 * i] = most;
                slots[2 * i + 1] = least;
                return true;
            }
            if (m == most && l == least) {
                return false;
            }
        }
    }

    /** Version 4 and 7 ids are random in most of their bits; the mix spreads version 1's time-ordered ones too. */
    private static int slot(long most, long least) {
        long h = (most ^ Long.rotateLeft(least, 32)) * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    private void grow() {
        long[] old = slots;
        int capacity = 2 * (mask + 1);
        long[] grown = new long[2 * capacity];
        for (int i = 0; i < old.length; i += 2) {
            if (old[i] != 0 || old[i + 1] != 0) {
                insert(grown, capacity - 1, old[i], old[i + 1]);
            }
        }
        slots = grown;
        mask = capacity - 1;
    }
}

package id.go.kemensos.returnee.privacy;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Where every person's wrapped data key is kept: one place, so that destroying it there makes the person's data
 * unreadable everywhere at once (a copy of a wrapped key anywhere else, e.g. in an event kept forever, would defeat
 * erasure).
 */
public interface PersonKeyStore {

    /**
     * Stores the person's wrapped key unless one exists (or existed and was destroyed); true when this call stored it.
     */
    boolean insertIfAbsent(UUID person, byte[] wrappedKey);

    /** Stores many new people's keys at once (an upload batch); a person who already has one keeps it. */
    void insertAllIfAbsent(Map<UUID, byte[]> wrappedKeys);

    /** The person's wrapped key; empty when never created or destroyed. */
    Optional<byte[]> find(UUID person);

    /** The wrapped keys of those of these people who have one, in one read. */
    Map<UUID, byte[]> findAll(Collection<UUID> people);

    /** Whether the person's key was destroyed (erased), as opposed to never created. */
    boolean destroyed(UUID person);

    /** Destroys the person's key; true when there was one to destroy. */
    boolean destroy(UUID person);
}

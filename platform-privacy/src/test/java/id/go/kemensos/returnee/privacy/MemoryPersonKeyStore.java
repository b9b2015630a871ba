package id.go.kemensos.returnee.privacy;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Wrapped keys in a map, for tests of the cryptography; the services keep them in the key vault's table. */
final class MemoryPersonKeyStore implements PersonKeyStore {

    final Map<UUID, byte[]> keys = new ConcurrentHashMap<>();
    private final Set<UUID> destroyed = ConcurrentHashMap.newKeySet();

    @Override
    public boolean insertIfAbsent(UUID person, byte[] wrappedKey) {
        return !destroyed.contains(person) && keys.putIfAbsent(person, wrappedKey) == null;
    }

    @Override
    public void insertAllIfAbsent(Map<UUID, byte[]> wrappedKeys) {
        wrappedKeys.forEach(this::insertIfAbsent);
    }

    @Override
    public Map<UUID, byte[]> findAll(Collection<UUID> people) {
        Map<UUID, byte[]> found = new HashMap<>();
        people.forEach(p -> find(p).ifPresent(k -> found.put(p, k)));
        return found;
    }

    @Override
    public Optional<byte[]> find(UUID person) {
        return Optional.ofNullable(keys.get(person));
    }

    @Override
    public boolean destroyed(UUID person) {
        return destroyed.contains(person);
    }

    @Override
    public boolean destroy(UUID person) {
        destroyed.add(person);
        return keys.remove(person) != null;
    }
}

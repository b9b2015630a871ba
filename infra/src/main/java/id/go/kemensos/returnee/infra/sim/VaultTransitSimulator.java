package id.go.kemensos.returnee.infra.sim;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.sun.net.httpserver.HttpExchange;
import id.go.kemensos.returnee.infra.sim.SimulatorHttp.Reply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * HashiCorp Vault's transit secrets engine, as far as the platform uses it to hold its master key: named AES-256-GCM
 * keys that never leave the server, {@code POST /v1/transit/encrypt/{key}} and {@code /decrypt/{key}} with base64
 * plaintext and {@code associated_data}, {@code vault:v1:} ciphertexts, tokens in the {@code X-Vault-Token} header with
 * a policy each ("permission denied" otherwise), Vault's {@code {"errors":[...]}} bodies and
 * {@code GET /v1/sys/health}. Keys and tokens persist in a state file (Vault's storage backend), so a restarted stack
 * still opens what it sealed.
 */
public final class VaultTransitSimulator extends GatewaySimulator {

    public static final int DEFAULT_PORT = 8200;
    private static final String TRANSIT = "/v1/transit/";
    private static final String CIPHERTEXT_PREFIX = "vault:v1:";

    /** What a token's policy allows on the transit mount. */
    public enum Capability {
        CREATE_KEY,
        ENCRYPT,
        DECRYPT
    }

    /** The persisted state: each key's Tink keyset (JSON) and each token's capabilities. */
    private record State(Map<String, String> keys, Map<String, Set<Capability>> tokens) {}

    private record EncryptRequest(String plaintext, String associated_data) {}

    private record DecryptRequest(String ciphertext, String associated_data) {}

    static {
        try {
            AeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Path stateFile;
    private final ConcurrentMap<String, KeysetHandle> keys = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Set<Capability>> tokens = new ConcurrentHashMap<>();
    private final SecureRandom tokenRandom = new SecureRandom();

    /** A simulator keeping its keys and tokens in {@code stateFile} (null: in memory only, for tests). */
    public VaultTransitSimulator(int port, Path stateFile) {
        this(port, stateFile, new Random());
    }

    /** As above, with the fault draws taken from {@code random} (seeded: a reproducible fault sequence). */
    public VaultTransitSimulator(int port, Path stateFile, Random random) {
        super("vault-sim", port, random);
        this.stateFile = stateFile;
        load();
    }

    /** Creates the named key unless it exists (what {@code vault write -f transit/keys/<name>} does). */
    public void createKey(String name) {
        keys.computeIfAbsent(requireKeyName(name), n -> {
            try {
                return KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
        save();
    }

    /** Issues a token with the given capabilities (what an operator's {@code vault token create -policy=...} does). */
    public String issueToken(Set<Capability> capabilities) {
        byte[] bytes = new byte[24];
        tokenRandom.nextBytes(bytes);
        String token = "hvs." + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        tokens.put(token, EnumSet.copyOf(capabilities));
        save();
        return token;
    }

    /** Revokes a token (what {@code vault token revoke} does). */
    public void revokeToken(String token) {
        tokens.remove(token);
        save();
    }

    /** Whether a token is still known (tokens written to a stack's work directory outlive a restart). */
    public boolean knowsToken(String token) {
        return tokens.containsKey(token);
    }

    @Override
    protected void clearState() {
        // A reset forgets faults only: forgetting keys would make every sealed value of the stack unreadable.
    }

    @Override
    protected boolean route(HttpExchange exchange, String method, String path) throws IOException {
        if (method.equals("GET") && path.equals("/v1/sys/health")) {
            SimulatorHttp.sendJson(
                    exchange,
                    200,
                    Map.of("initialized", true, "sealed", false, "standby", false, "version", "transit-simulator"));
            return true;
        }
        if (!method.equals("POST") && !method.equals("PUT") || !path.startsWith(TRANSIT)) {
            return false;
        }
        String[] operationAndKey = path.substring(TRANSIT.length()).split("/", 2);
        if (operationAndKey.length != 2) {
            return false;
        }
        Capability needed = switch (operationAndKey[0]) {
            case "keys" -> Capability.CREATE_KEY;
            case "encrypt" -> Capability.ENCRYPT;
            case "decrypt" -> Capability.DECRYPT;
            default -> null;
        };
        if (needed == null) {
            return false;
        }
        String keyName = operationAndKey[1];
        byte[] body = SimulatorHttp.readBody(exchange);
        Set<Capability> granted =
                tokens.get(String.valueOf(exchange.getRequestHeaders().getFirst("X-Vault-Token")));
        if (granted == null || !granted.contains(needed)) {
            log.info("vault-sim refused {} on {}: permission denied", needed, keyName);
            SimulatorHttp.sendJson(exchange, 403, errors("permission denied"));
            return true;
        }
        withFaults(
                exchange,
                status -> errors(status == 500 ? "internal error" : "context deadline exceeded"),
                () -> switch (needed) {
                    case CREATE_KEY -> {
                        createKey(keyName);
                        yield ok(Map.of("name", keyName, "type", "aes256-gcm96", "latest_version", 1));
                    }
                    case ENCRYPT -> encrypt(keyName, SimulatorHttp.parseJson(body, EncryptRequest.class));
                    case DECRYPT -> decrypt(keyName, SimulatorHttp.parseJson(body, DecryptRequest.class));
                });
        return true;
    }

    private Reply encrypt(String keyName, EncryptRequest request) {
        Aead aead = aead(keyName);
        if (aead == null) {
            return new Reply(400, errors("encryption key not found"));
        }
        try {
            byte[] sealed =
                    aead.encrypt(base64(request.plaintext(), "plaintext"), associatedData(request.associated_data()));
            return ok(Map.of(
                    "ciphertext", CIPHERTEXT_PREFIX + Base64.getEncoder().encodeToString(sealed), "key_version", 1));
        } catch (GeneralSecurityException e) {
            return new Reply(500, errors(e.getMessage()));
        }
    }

    private Reply decrypt(String keyName, DecryptRequest request) {
        Aead aead = aead(keyName);
        if (aead == null) {
            return new Reply(400, errors("encryption key not found"));
        }
        if (request.ciphertext() == null || !request.ciphertext().startsWith(CIPHERTEXT_PREFIX)) {
            return new Reply(400, errors("invalid ciphertext: no prefix"));
        }
        try {
            byte[] clear = aead.decrypt(
                    base64(request.ciphertext().substring(CIPHERTEXT_PREFIX.length()), "ciphertext"),
                    associatedData(request.associated_data()));
            return ok(Map.of("plaintext", Base64.getEncoder().encodeToString(clear)));
        } catch (GeneralSecurityException e) {
            return new Reply(400, errors("cipher: message authentication failed"));
        }
    }

    private Aead aead(String keyName) {
        KeysetHandle handle = keys.get(keyName);
        try {
            return handle == null ? null : handle.getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] associatedData(String base64) {
        return base64 == null || base64.isEmpty() ? new byte[0] : base64(base64, "associated_data");
    }

    private static byte[] base64(String value, String field) {
        if (value == null) {
            throw new SimulatorHttp.BadRequest("missing " + field, null);
        }
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new SimulatorHttp.BadRequest(field + " is not base64", e);
        }
    }

    private static Reply ok(Map<String, Object> data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("request_id", UUID.randomUUID().toString());
        body.put("lease_id", "");
        body.put("renewable", false);
        body.put("lease_duration", 0);
        body.put("data", data);
        body.put("warnings", null);
        return new Reply(200, body);
    }

    private static Map<String, List<String>> errors(String message) {
        return Map.of("errors", List.of(message));
    }

    private static String requireKeyName(String name) {
        if (name == null || !name.matches("[A-Za-z0-9_.-]{1,128}")) {
            throw new IllegalArgumentException("invalid key name: " + name);
        }
        return name;
    }

    private synchronized void load() {
        if (stateFile == null || !Files.exists(stateFile)) {
            return;
        }
        try {
            State state = SimulatorHttp.JSON.readValue(Files.readString(stateFile), State.class);
            for (Map.Entry<String, String> key : state.keys().entrySet()) {
                keys.put(
                        key.getKey(),
                        TinkJsonProtoKeysetFormat.parseKeyset(key.getValue(), InsecureSecretKeyAccess.get()));
            }
            tokens.putAll(state.tokens());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the Vault simulator's state " + stateFile, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The Vault simulator's state " + stateFile + " holds an invalid key", e);
        }
    }

    private synchronized void save() {
        if (stateFile == null) {
            return;
        }
        Map<String, String> keysets = new TreeMap<>();
        keys.forEach((name, handle) -> keysets.put(name, serialize(handle)));
        State state = new State(keysets, new TreeMap<>(tokens));
        try {
            Files.createDirectories(stateFile.getParent());
            Path partial = stateFile.resolveSibling(stateFile.getFileName() + ".partial");
            Files.writeString(partial, SimulatorHttp.JSON.writeValueAsString(state), StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the directory's own protection applies
            }
            Files.move(partial, stateFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the Vault simulator's state " + stateFile, e);
        }
    }

    private static String serialize(KeysetHandle handle) {
        try {
            return TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The names of the keys held (never their material), for the launcher's health report. */
    public Set<String> keyNames() {
        return Set.copyOf(keys.keySet());
    }
}

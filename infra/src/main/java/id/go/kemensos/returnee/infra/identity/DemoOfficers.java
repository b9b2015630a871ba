package id.go.kemensos.returnee.infra.identity;

import id.go.kemensos.returnee.infra.stack.PlatformHome;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo officers of the local stack's realm (infra/keycloak/realm/returnee-platform-users-0.json) and their access
 * tokens, obtained with the OAuth 2.0 password grant. Their passwords are {@code <username>-local} and exist only in
 * the local stack. Tokens are cached per user and client until 30 seconds before they expire.
 *
 * <pre>{@code
 * DemoOfficers officers = DemoOfficers.local();
 * String bearer = officers.accessToken("clerk.ntb");                 // client platform-cli
 * String shortLived = officers.accessToken("clerk.ntb", DemoOfficers.EXPIRY_PROBE_CLIENT);  // lives 1 s
 * String otherIssuer = officers.masterRealmToken();                  // realm master: a valid token of another issuer
 * }</pre>
 */
public final class DemoOfficers {

    /** Public client with direct access grants: the launcher's token command and the tests. */
    public static final String CLI_CLIENT = "platform-cli";
    /** Public client whose access tokens live one second, to check that services refuse expired tokens. */
    public static final String EXPIRY_PROBE_CLIENT = "token-expiry-probe";
    /** Confidential client with only a service account (role METRICS_READER): what Prometheus scrapes with. */
    public static final String METRICS_CLIENT = "metrics-scraper";

    private static final Duration REFRESH_MARGIN = Duration.ofSeconds(30);
    private static volatile DemoOfficers local;

    /** A demo officer: realm roles and, for provincial officers, the province (BPS code) in the token. */
    public enum Officer {
        CLERK_NTB("clerk.ntb", "52", "PROVINCIAL_OFFICER"),
        CLERK_BALI("clerk.bali", "51", "PROVINCIAL_OFFICER"),
        OFFICER_PUSAT("officer.pusat", null, "MINISTRY_OFFICER"),
        FINANCE_MAKER("finance.maker", null, "FINANCE_MAKER"),
        FINANCE_CHECKER("finance.checker", null, "FINANCE_CHECKER"),
        /** Holds both finance roles: the services still refuse them approving a batch they prepared. */
        FINANCE_LEAD("finance.lead", null, "FINANCE_MAKER", "FINANCE_CHECKER"),
        AUDITOR("auditor", null, "AUDITOR"),
        /** Nationwide victim-protection officer: the only demo officer who learns who is a trafficking victim. */
        PROTECTION_PUSAT("protection.pusat", null, "PROTECTION_OFFICER"),
        /** The same, for NTB's people only. */
        PROTECTION_NTB("protection.ntb", "52", "PROTECTION_OFFICER"),
        /** The data protection officer: the access log and erasures. */
        DPO("dpo", null, "DATA_PROTECTION_OFFICER"),
        /** Follows the cases of NTB's returnees (case-service's area list assigns them). */
        CASEWORKER_NTB("caseworker.ntb", "52", "CASE_WORKER"),
        /** A second NTB case worker (case-service's roster), to whom NTB's office hands Bima's cases over. */
        CASEWORKER_BIMA("caseworker.bima", "52", "CASE_WORKER"),
        /** The same for Bali: a case worker who must not see NTB's cases. */
        CASEWORKER_BALI("caseworker.bali", "51", "CASE_WORKER"),
        ADMIN("admin", null, "PLATFORM_ADMIN");

        private final String username;
        private final String province;
        private final List<String> roles;

        Officer(String username, String province, String... roles) {
            this.username = username;
            this.province = province;
            this.roles = List.of(roles);
        }

        public String username() {
            return username;
        }

        /** Local stack only. */
        public String password() {
            return username + "-local";
        }

        public List<String> roles() {
            return roles;
        }

        public Optional<String> province() {
            return Optional.ofNullable(province);
        }

        public static Officer byUsername(String username) {
            return Arrays.stream(values())
                    .filter(o -> o.username.equals(username))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(
                            "Unknown demo officer '" + username + "'; the known ones are " + usernames()));
        }

        public static String usernames() {
            return Arrays.stream(values()).map(Officer::username).collect(Collectors.joining(", "));
        }
    }

    private record Key(String realm, String clientId, String username) {}

    private record Token(String value, Instant refreshAfter) {}

    private final String baseUrl;
    private final Path bootstrapAdminPasswordFile;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<Key, Token> cache = new ConcurrentHashMap<>();
    private final Map<Key, Object> logins = new ConcurrentHashMap<>();

    /**
     * @param baseUrl                    Keycloak's base URL, {@link IdentityProvider#baseUrl()} locally
     * @param bootstrapAdminPasswordFile the master realm admin's password, for {@link #masterRealmToken()}; may be null
     *                                   when that is not needed
     */
    public DemoOfficers(String baseUrl, Path bootstrapAdminPasswordFile) {
        this.baseUrl = baseUrl;
        this.bootstrapAdminPasswordFile = bootstrapAdminPasswordFile;
    }

    public DemoOfficers(PlatformHome home) {
        this(IdentityProvider.baseUrl(), IdentityProvider.bootstrapAdminPasswordFile(home));
    }

    /** One shared instance for the local stack of the project found by {@link PlatformHome#locate()}. */
    public static DemoOfficers local() {
        DemoOfficers officers = local;
        if (officers == null) {
            synchronized (DemoOfficers.class) {
                if (local == null) {
                    local = new DemoOfficers(PlatformHome.locate());
                }
                officers = local;
            }
        }
        return officers;
    }

    public static List<Officer> all() {
        return List.of(Officer.values());
    }

    /** An access token of the officer for client {@value #CLI_CLIENT}. */
    public String accessToken(String username) {
        return accessToken(username, CLI_CLIENT);
    }

    public String accessToken(Officer officer) {
        return accessToken(officer.username(), CLI_CLIENT);
    }

    /** An access token of the officer for the given client of the realm, e.g. {@value #EXPIRY_PROBE_CLIENT}. */
    public String accessToken(String username, String clientId) {
        Officer officer = Officer.byUsername(username);
        return token(new Key(IdentityProvider.REALM, clientId, officer.username()), officer.password());
    }

    /**
     * An access token of the master realm's bootstrap admin (client admin-cli): signed by the same Keycloak but issued
     * by another realm, which the services must refuse.
     */
    public String masterRealmToken() {
        if (bootstrapAdminPasswordFile == null || !Files.isReadable(bootstrapAdminPasswordFile)) {
            throw new IllegalStateException("The bootstrap admin's password file " + bootstrapAdminPasswordFile
                    + " is missing: the local stack writes it when it first starts Keycloak");
        }
        String password;
        try {
            password = Files.readString(bootstrapAdminPasswordFile).strip();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + bootstrapAdminPasswordFile + ": " + e.getMessage(), e);
        }
        return token(new Key("master", "admin-cli", IdentityProvider.BOOTSTRAP_ADMIN), password);
    }

    /**
     * The secret Keycloak made for {@value #METRICS_CLIENT} when it imported the realm, read with the bootstrap admin's
     * token as an administrator reads it from the client's Credentials tab.
     */
    public String metricsClientSecret() {
        String admin = "Bearer " + masterRealmToken();
        String id = clientUuid(METRICS_CLIENT, admin)
                .orElseThrow(() -> new IllegalStateException("The realm has no client " + METRICS_CLIENT));
        return clientSecret(id, admin);
    }

    /** The admin API's base for the platform's realm. */
    private String adminRealm() {
        return baseUrl + "/admin/realms/" + IdentityProvider.REALM;
    }

    /** Keycloak's own id of a client of the realm, if it has one by that client id. */
    private Optional<String> clientUuid(String clientId, String admin) {
        JsonNode found = json.readTree(get(adminRealm() + "/clients?clientId=" + clientId, admin));
        return found.isEmpty()
                ? Optional.empty()
                : Optional.of(found.get(0).get("id").asString());
    }

    private String clientSecret(String clientUuid, String admin) {
        return json.readTree(get(adminRealm() + "/clients/" + clientUuid + "/client-secret", admin))
                .get("value")
                .asString();
    }

    /** An access token of the metrics collector's service account (client credentials grant). */
    public String metricsScraperToken() {
        return serviceAccountToken(METRICS_CLIENT, this::metricsClientSecret);
    }

    private String serviceAccountToken(String clientId, Supplier<String> secret) {
        Key key = new Key(IdentityProvider.REALM, clientId, "service-account-" + clientId);
        return token(key, () -> {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("grant_type", "client_credentials");
            form.put("client_id", clientId);
            form.put("client_secret", secret.get());
            return form;
        });
    }

    /**
     * The confidential client through which a referral partner's own system calls case-service: {@code partner-<id>}.
     */
    public static String partnerClientId(String partnerId) {
        return "partner-" + partnerId;
    }

    /**
     * An access token of the referral partner's service account (client credentials grant), its client made first if
     * the realm lacks it, as an administrator makes one (docs/operators.md): confidential, service account only, role
     * REFERRAL_PARTNER and the partner id in the service account's {@code partner} attribute.
     */
    public String partnerToken(String partnerId) {
        return serviceAccountToken(partnerClientId(partnerId), () -> partnerClientSecret(partnerId));
    }

    private synchronized String partnerClientSecret(String partnerId) {
        String clientId = partnerClientId(partnerId);
        String admin = "Bearer " + masterRealmToken();
        String realm = adminRealm();
        Optional<String> existing = clientUuid(clientId, admin);
        if (existing.isEmpty()) {
            Map<String, Object> client = new LinkedHashMap<>();
            client.put("clientId", clientId);
            client.put("name", "Referral partner " + partnerId);
            client.put("publicClient", false);
            client.put("serviceAccountsEnabled", true);
            client.put("standardFlowEnabled", false);
            client.put("directAccessGrantsEnabled", false);
            client.put("implicitFlowEnabled", false);
            client.put("fullScopeAllowed", false);
            client.put("defaultClientScopes", List.of("returnee-platform-api"));
            write("POST", realm + "/clients", admin, client);
        }
        String id = existing.or(() -> clientUuid(clientId, admin)).orElseThrow();
        JsonNode account = json.readTree(get(realm + "/clients/" + id + "/service-account-user", admin));
        String user = realm + "/users/" + account.get("id").asString();
        if (!account.at("/attributes/partner/0").asString("").equals(partnerId)) {
            Map<String, Object> update = new LinkedHashMap<>();
            update.put("username", account.get("username").asString());
            update.put("enabled", true);
            update.put("attributes", Map.of("partner", List.of(partnerId)));
            write("PUT", user, admin, update);
            JsonNode role = json.readTree(get(realm + "/roles/REFERRAL_PARTNER", admin));
            write("POST", user + "/role-mappings/realm", admin, List.of(role));
        }
        return clientSecret(id, admin);
    }

    private void write(String method, String url, String authorization, Object body) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .build());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(
                    method + " " + url + " answered HTTP " + response.statusCode() + ": " + response.body());
        }
    }

    private String get(String url, String authorization) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization)
                .GET()
                .build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + " answered HTTP " + response.statusCode());
        }
        return response.body();
    }

    private String token(Key key, String password) {
        return token(key, () -> {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("grant_type", "password");
            form.put("client_id", key.clientId());
            form.put("username", key.username());
            form.put("password", password);
            return form;
        });
    }

    /**
     * One login at a time per officer and client: many threads wanting the same officer's token at once (a benchmark's
     * clients) would otherwise log in together, which Keycloak's brute-force detection answers by locking the account.
     */
    private String token(Key key, Supplier<Map<String, String>> form) {
        Token cached = cache.get(key);
        if (cached != null && Instant.now().isBefore(cached.refreshAfter())) {
            return cached.value();
        }
        synchronized (logins.computeIfAbsent(key, k -> new Object())) {
            cached = cache.get(key);
            if (cached != null && Instant.now().isBefore(cached.refreshAfter())) {
                return cached.value();
            }
            Token fresh = grant(key, form.get());
            cache.put(key, fresh);
            return fresh.value();
        }
    }

    private Token grant(Key key, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String endpoint = baseUrl + "/realms/" + key.realm() + "/protocol/openid-connect/token";
        Instant asked = Instant.now();
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(endpoint))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "Token request for " + key.username() + " (client " + key.clientId() + ", realm " + key.realm()
                            + ") answered HTTP " + response.statusCode() + ": " + describeError(response.body()));
        }
        JsonNode token = json.readTree(response.body());
        long expiresIn = token.path("expires_in").asLong(0);
        return new Token(
                token.get("access_token").asString(),
                asked.plusSeconds(expiresIn).minus(REFRESH_MARGIN));
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IdentityProviderUnreachable(
                    "Keycloak is not reachable at " + baseUrl + " ("
                            + e.getClass().getSimpleName() + "); start the local stack first",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while asking " + request.uri(), e);
        }
    }

    private String describeError(String body) {
        try {
            JsonNode error = json.readTree(body);
            return error.path("error").asString("") + " "
                    + error.path("error_description").asString("");
        } catch (RuntimeException e) {
            return body.length() > 200 ? body.substring(0, 200) + "..." : body;
        }
    }

    /** Keycloak does not answer at all (not started, or stopped). */
    public static final class IdentityProviderUnreachable extends IllegalStateException {
        IdentityProviderUnreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

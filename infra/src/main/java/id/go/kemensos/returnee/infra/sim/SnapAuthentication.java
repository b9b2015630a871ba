package id.go.kemensos.returnee.infra.sim;

import com.sun.net.httpserver.HttpExchange;
import id.go.kemensos.returnee.infra.sim.SimulatorHttp.Reply;
import id.go.kemensos.returnee.infra.sim.SnapMessages.AccessTokenRequest;
import id.go.kemensos.returnee.infra.sim.SnapMessages.AccessTokenResponse;
import id.go.kemensos.returnee.infra.sim.SnapMessages.SnapError;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.SignatureException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;

/**
 * SNAP BI authentication as the receiving bank checks it.
 *
 * <ul>
 *   <li>{@code POST /snap/v1.0/access-token/b2b}: the partner proves itself with
 *       {@code X-SIGNATURE = Base64(SHA256withRSA(private key, X-CLIENT-KEY + "|" + X-TIMESTAMP))} and gets an opaque
 *       Bearer token.</li>
 *   <li>every service call: {@code Authorization: Bearer <token>}, {@code X-PARTNER-ID}, {@code X-TIMESTAMP},
 *       {@code X-EXTERNAL-ID}, {@code CHANNEL-ID} and {@code X-SIGNATURE = Base64(HMAC-SHA512(client secret,
 *       method + ":" + raw path[?raw query] + ":" + token + ":" + hex(SHA-256(body)) + ":" + X-TIMESTAMP))}.</li>
 * </ul>
 *
 * Refusals are decided before any business logic and never reveal the token, secret or signature in the log.
 */
final class SnapAuthentication {

    static final String ACCESS_TOKEN_SERVICE = "73";
    static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofSeconds(900);
    static final Duration TIMESTAMP_TOLERANCE = Duration.ofMinutes(5);

    /** {@code yyyy-MM-dd'T'HH:mm:ssXXX}, strictly: no fractions, a real calendar date, an explicit offset. */
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX").withResolverStyle(ResolverStyle.STRICT);

    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    private static final Pattern EXTERNAL_ID = Pattern.compile("^[0-9]{1,36}$");
    private static final int TOKEN_BYTES = 32;
    private static final String BEARER = "Bearer ";

    private record Partner(String id, PublicKey publicKey, byte[] clientSecret) {}

    private record Token(String partnerId, Instant expiresAt) {}

    private final Logger log;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final ConcurrentMap<String, Partner> partners = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Token> tokens = new ConcurrentHashMap<>();
    /** External ids seen, per Jakarta calendar day and partner; only today's are kept. */
    private final ConcurrentMap<LocalDate, ConcurrentMap<String, Set<String>>> externalIds = new ConcurrentHashMap<>();

    private final AtomicLong refusals = new AtomicLong();
    private final AtomicLong tokensIssued = new AtomicLong();
    private volatile Duration tokenLifetime = DEFAULT_TOKEN_LIFETIME;

    SnapAuthentication(Logger log, Clock clock) {
        this.log = Objects.requireNonNull(log, "log");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Registers (or replaces) a partner; its id is also its SNAP client key. */
    void registerPartner(String partnerId, PublicKey publicKey, String clientSecret) {
        if (partnerId == null || partnerId.isBlank()) {
            throw new IllegalArgumentException("partner id must not be blank");
        }
        Objects.requireNonNull(publicKey, "publicKey");
        if (!"RSA".equals(publicKey.getAlgorithm())) {
            throw new IllegalArgumentException("partner public key must be RSA, not " + publicKey.getAlgorithm());
        }
        if (clientSecret == null || clientSecret.isEmpty()) {
            throw new IllegalArgumentException("client secret must not be empty");
        }
        partners.put(partnerId, new Partner(partnerId, publicKey, clientSecret.getBytes(StandardCharsets.UTF_8)));
        log.info("SNAP partner {} registered", partnerId);
    }

    void tokenLifetime(Duration lifetime) {
        Objects.requireNonNull(lifetime, "lifetime");
        if (lifetime.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("access token lifetime must be at least 1 s: " + lifetime);
        }
        this.tokenLifetime = lifetime;
    }

    Duration tokenLifetime() {
        return tokenLifetime;
    }

    long refusals() {
        return refusals.get();
    }

    long tokensIssued() {
        return tokensIssued.get();
    }

    /**
     * Forgets the external ids seen and the counters, and restores the default token lifetime. Registered partners and
     * issued tokens survive: they are the bank's contract with its partners, not test data.
     */
    void reset() {
        externalIds.clear();
        refusals.set(0);
        tokensIssued.set(0);
        tokenLifetime = DEFAULT_TOKEN_LIFETIME;
    }

    /** {@code POST /snap/v1.0/access-token/b2b}. */
    Reply issueToken(HttpExchange exchange, byte[] body) {
        String clientKey = header(exchange, "X-CLIENT-KEY");
        String timestamp = header(exchange, "X-TIMESTAMP");
        Partner partner = clientKey == null ? null : partners.get(clientKey);
        if (partner == null) {
            return refuse(
                    exchange,
                    401,
                    new SnapError("401" + ACCESS_TOKEN_SERVICE + "00", "Unauthorized. [Unknown client]"),
                    clientKey == null ? "no X-CLIENT-KEY" : "unknown client key " + clientKey);
        }
        String stringToSign = clientKey + "|" + nullToEmpty(timestamp);
        if (!rsaSignatureValid(partner.publicKey(), stringToSign, header(exchange, "X-SIGNATURE"))) {
            return refuse(
                    exchange,
                    401,
                    new SnapError("401" + ACCESS_TOKEN_SERVICE + "00", "Unauthorized. [Signature]"),
                    "bad or missing X-SIGNATURE for client " + clientKey);
        }
        String timestampProblem = timestampProblem(timestamp);
        if (timestampProblem != null) {
            return refuse(
                    exchange,
                    400,
                    new SnapError("400" + ACCESS_TOKEN_SERVICE + "01", "Invalid Field Format [X-TIMESTAMP]"),
                    timestampProblem + " (client " + clientKey + ")");
        }
        String grantType;
        try {
            grantType = SimulatorHttp.parseJson(body, AccessTokenRequest.class).grantType();
        } catch (RuntimeException e) { // empty or malformed body: no grantType to speak of
            grantType = null;
        }
        if (!"client_credentials".equals(grantType)) {
            return refuse(
                    exchange,
                    400,
                    new SnapError("400" + ACCESS_TOKEN_SERVICE + "02", "Invalid Mandatory Field [grantType]"),
                    "grantType " + grantType + " (client " + clientKey + ")");
        }
        Instant now = clock.instant();
        tokens.values().removeIf(t -> !now.isBefore(t.expiresAt())); // housekeeping: expired tokens are useless
        Duration lifetime = tokenLifetime;
        String token = newToken();
        tokens.put(token, new Token(partner.id(), now.plus(lifetime)));
        tokensIssued.incrementAndGet();
        log.info("SNAP access token issued to partner {}, valid {} s", partner.id(), lifetime.toSeconds());
        return new Reply(
                200,
                new AccessTokenResponse(
                        "2007300", "Successful", token, "Bearer", String.valueOf(lifetime.toSeconds())));
    }

    /**
     * Checks a service request of SNAP service {@code serviceCode} (16, 18, 36...) in the documented order: token,
     * partner and signature, timestamp, mandatory headers, external id uniqueness.
     *
     * @return the refusal to send, or null when the request is authenticated (its external id is then recorded)
     */
    Reply refusal(HttpExchange exchange, String serviceCode, byte[] body) {
        String authorization = header(exchange, "Authorization");
        String accessToken = authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? authorization.substring(BEARER.length()).trim()
                : null;
        Token token = accessToken == null || accessToken.isEmpty() ? null : tokens.get(accessToken);
        if (token == null || !clock.instant().isBefore(token.expiresAt())) {
            String reason = accessToken == null || accessToken.isEmpty()
                    ? "no Bearer token"
                    : token == null ? "unknown or expired token" : "expired token of partner " + token.partnerId();
            return refuse(exchange, 401, new SnapError("401" + serviceCode + "01", "Invalid Token (B2B)"), reason);
        }
        String partnerId = header(exchange, "X-PARTNER-ID");
        Partner partner = partners.get(token.partnerId());
        if (!token.partnerId().equals(partnerId) || partner == null) {
            return refuse(
                    exchange,
                    401,
                    unauthorized(serviceCode),
                    "X-PARTNER-ID " + partnerId + " is not the token's partner " + token.partnerId());
        }
        String timestamp = header(exchange, "X-TIMESTAMP");
        String stringToSign = exchange.getRequestMethod() + ":" + signedPath(exchange.getRequestURI()) + ":"
                + accessToken + ":" + sha256Hex(body) + ":" + nullToEmpty(timestamp);
        if (!hmacSignatureValid(partner.clientSecret(), stringToSign, header(exchange, "X-SIGNATURE"))) {
            return refuse(
                    exchange, 401, unauthorized(serviceCode), "bad or missing X-SIGNATURE from partner " + partnerId);
        }
        String timestampProblem = timestampProblem(timestamp);
        if (timestampProblem != null) {
            return refuse(
                    exchange,
                    400,
                    new SnapError("400" + serviceCode + "01", "Invalid Field Format [X-TIMESTAMP]"),
                    timestampProblem + " (partner " + partnerId + ")");
        }
        String externalId = header(exchange, "X-EXTERNAL-ID");
        if (externalId == null || externalId.isBlank()) {
            return refuse(
                    exchange,
                    400,
                    new SnapError("400" + serviceCode + "02", "Invalid Mandatory Field [X-EXTERNAL-ID]"),
                    "no X-EXTERNAL-ID (partner " + partnerId + ")");
        }
        String channelId = header(exchange, "CHANNEL-ID");
        if (channelId == null || channelId.isBlank()) {
            return refuse(
                    exchange,
                    400,
                    new SnapError("400" + serviceCode + "02", "Invalid Mandatory Field [CHANNEL-ID]"),
                    "no CHANNEL-ID (partner " + partnerId + ")");
        }
        if (!EXTERNAL_ID.matcher(externalId).matches()) {
            return refuse(
                    exchange,
                    400,
                    new SnapError("400" + serviceCode + "01", "Invalid Field Format [X-EXTERNAL-ID]"),
                    "X-EXTERNAL-ID not 1-36 digits (partner " + partnerId + ")");
        }
        if (!recordExternalId(partnerId, externalId)) {
            return refuse(
                    exchange,
                    409,
                    new SnapError("409" + serviceCode + "00", "Conflict"),
                    "X-EXTERNAL-ID " + externalId + " already used today by partner " + partnerId);
        }
        return null;
    }

    /** The request target as signed: raw path, plus "?" and the raw query when the URI has one. */
    static String signedPath(URI uri) {
        return uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
    }

    static String sha256Hex(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private boolean recordExternalId(String partnerId, String externalId) {
        LocalDate today = LocalDate.now(clock.withZone(JAKARTA));
        externalIds.keySet().removeIf(day -> !day.equals(today));
        return externalIds
                .computeIfAbsent(today, day -> new ConcurrentHashMap<>())
                .computeIfAbsent(partnerId, id -> ConcurrentHashMap.newKeySet())
                .add(externalId);
    }

    /** Why an X-TIMESTAMP is unacceptable, or null when it is well-formed and within the tolerance of now. */
    private String timestampProblem(String timestamp) {
        if (timestamp == null || timestamp.isEmpty()) {
            return "no X-TIMESTAMP";
        }
        OffsetDateTime at;
        try {
            at = OffsetDateTime.parse(timestamp, TIMESTAMP);
        } catch (DateTimeParseException e) {
            return "malformed X-TIMESTAMP " + timestamp;
        }
        Duration skew = Duration.between(at.toInstant(), clock.instant()).abs();
        return skew.compareTo(TIMESTAMP_TOLERANCE) > 0
                ? "X-TIMESTAMP " + timestamp + " is " + skew.toSeconds() + " s from now"
                : null;
    }

    private static boolean rsaSignatureValid(PublicKey key, String stringToSign, String signatureBase64) {
        byte[] signature = decodeBase64(signatureBase64);
        if (signature == null) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(key);
            verifier.update(stringToSign.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(signature);
        } catch (SignatureException e) { // e.g. a signature of the wrong length
            return false;
        } catch (InvalidKeyException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot verify SHA256withRSA", e);
        }
    }

    private static boolean hmacSignatureValid(byte[] secret, String stringToSign, String signatureBase64) {
        byte[] signature = decodeBase64(signatureBase64);
        if (signature == null) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(new SecretKeySpec(secret, "HmacSHA512"));
            return MessageDigest.isEqual(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)), signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot compute HmacSHA512", e);
        }
    }

    private static byte[] decodeBase64(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(value.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private Reply refuse(HttpExchange exchange, int status, SnapError error, String reason) {
        refusals.incrementAndGet();
        log.warn(
                "SNAP authentication refused {} {}: {} {} - {}",
                exchange.getRequestMethod(),
                exchange.getRequestURI().getRawPath(),
                status,
                error.responseCode(),
                reason);
        return new Reply(status, error);
    }

    private static SnapError unauthorized(String serviceCode) {
        return new SnapError("401" + serviceCode + "00", "Unauthorized. [Signature]");
    }

    private static String header(HttpExchange exchange, String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}

package id.go.kemensos.returnee.infra.identity;

import id.go.kemensos.returnee.infra.mariadb.MariaDbServer;
import id.go.kemensos.returnee.infra.stack.ManagedProcess;
import id.go.kemensos.returnee.infra.stack.PlatformHome;
import id.go.kemensos.returnee.infra.stack.StackDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local stack's OpenID Connect provider: Keycloak's Quarkus distribution (unpacked by infra/keycloak) in its own
 * JVM, its data in the local MariaDB (schema {@code keycloak}), the realm {@value #REALM} and its demo officers
 * imported from infra/keycloak/realm. Services validate tokens against {@link #issuerUri()}.
 *
 * <p>{@link #start()} only launches the process (building the distribution for the stack's database first, once per unpack and database);
 * {@link #awaitReady()} waits for the realm's discovery document, so that Keycloak's half-minute start overlaps the
 * rest of the stack. When the realm files change, the keycloak schema is dropped first so that the next start imports
 * them afresh: everything in it is demo data of the local stack. The master realm gets a bootstrap admin whose
 * generated password is kept in work/keycloak/bootstrap-admin-password.
 */
public final class IdentityProvider implements AutoCloseable {

    /** Keep in step with infra/keycloak/pom.xml and the image in infra/docker-compose.yml. */
    public static final String KEYCLOAK_VERSION = "26.5.6";

    public static final int PORT = 8180;
    /** Keycloak's management interface (health), 9000 by default, which the stack leaves to others. */
    public static final int MANAGEMENT_PORT = 8181;

    public static final String REALM = "returnee-platform";
    public static final String BOOTSTRAP_ADMIN = "bootstrap-admin";
    static final String SCHEMA = "keycloak";
    /** Build-time options of {@code kc.sh build} (26.5: the cache mechanism is a runtime option now). */
    private final List<String> buildOptions;

    private static final String BUILD_MARKER = ".returnee-platform-build";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static final Logger log = LoggerFactory.getLogger(IdentityProvider.class);

    private final PlatformHome home;
    private final StackDatabase database;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private volatile ManagedProcess process;
    private volatile Path logFile;
    private volatile String importedRealmHash;
    private volatile long launchedAt;

    public IdentityProvider(PlatformHome home, StackDatabase database) {
        this.buildOptions = List.of("--db=" + database.identityProviderVendor(), "--health-enabled=true");
        this.home = home;
        this.database = database;
    }

    public static String baseUrl() {
        return "http://127.0.0.1:" + PORT;
    }

    /** What the services expect in {@code iss}, and where their discovery document is. */
    public static String issuerUri() {
        return baseUrl() + "/realms/" + REALM;
    }

    public static String tokenEndpoint(String realm) {
        return baseUrl() + "/realms/" + realm + "/protocol/openid-connect/token";
    }

    /** Where the master realm's bootstrap admin password is kept (the work dir of the stack that started Keycloak). */
    public static Path bootstrapAdminPasswordFile(PlatformHome home) {
        return home.work().resolve("keycloak/bootstrap-admin-password");
    }

    /**
     * Launches Keycloak, or adopts one already listening on {@value #PORT} (another JVM of this project started it).
     * Does not wait for it: call {@link #awaitReady()}.
     */
    public synchronized void start() {
        if (process != null) {
            return;
        }
        if (ManagedProcess.isListening(PORT)) {
            log.info("Something already listens on {}; using it as the identity provider", PORT);
            return;
        }
        Path distribution = home.keycloakDistribution();
        Path kc = distribution.resolve("bin/kc.sh");
        if (!Files.isRegularFile(kc)) {
            throw new IllegalStateException("Keycloak's distribution " + distribution + " is missing; build it first: "
                    + "./mvnw -pl infra/keycloak package");
        }
        Path dir = home.workDir("keycloak");
        String javaHome = javaHome();
        buildOnce(distribution, kc, dir, javaHome, buildOptions);

        Path passwordFile = bootstrapAdminPasswordFile(home);
        boolean newPassword = !Files.exists(passwordFile);
        String adminPassword = newPassword
                ? generatePassword(passwordFile)
                : read(passwordFile).strip();
        List<Path> realmFiles = realmFiles();
        String realmHash = sha256(realmFiles);
        Path hashFile = dir.resolve("realm.sha256");
        String recorded = Files.exists(hashFile) ? read(hashFile).strip() : "";
        if (newPassword || !realmHash.equals(recorded)) {
            // An existing master admin would keep its old password, and --import-realm skips a realm that exists.
            log.info(
                    "Realm files {} or bootstrap admin new: recreating the {} schema for a fresh import",
                    recorded.isEmpty() ? "not imported before" : "changed",
                    SCHEMA);
            recreateSchema();
        }
        stageImport(distribution.resolve("data/import"), realmFiles);

        ProcessBuilder builder = new ProcessBuilder(command(kc, database.identityProviderVendor()));
        Map<String, String> env = builder.environment();
        // The caller's Keycloak settings must not leak in (kc.sh reads KC_* and JAVA_OPTS from the environment).
        env.keySet().removeIf(name -> name.startsWith("KC_") || name.startsWith("JAVA_OPTS"));
        env.put("JAVA_HOME", javaHome);
        env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", BOOTSTRAP_ADMIN);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
        env.putAll(DATABASE_RESTART_SAFE);
        logFile = dir.resolve("keycloak.log");
        launchedAt = System.nanoTime();
        process = ManagedProcess.start("Keycloak", builder, dir, logFile);
        importedRealmHash = realmHash;
    }

    /**
     * A connection that sat idle for a while is checked before Keycloak uses it: after the database restarts, every
     * pooled connection is dead, and without this the first logins failed on them as "invalid credentials" (counted
     * toward the account's brute-force lockout) until the pool's background check, two minutes later. Docker-compose's
     * Keycloak sets the same.
     */
    public static final Map<String, String> DATABASE_RESTART_SAFE =
            Map.of("QUARKUS_DATASOURCE_JDBC_FOREGROUND_VALIDATION_INTERVAL", "5S");

    static List<String> command(Path kc, String vendor) {
        return List.of(
                kc.toString(),
                "start",
                "--optimized",
                "--import-realm",
                "--http-enabled=true",
                "--http-host=127.0.0.1",
                "--http-port=" + PORT,
                "--http-management-port=" + MANAGEMENT_PORT,
                "--hostname=" + baseUrl(),
                "--cache=local",
                "--db-url=jdbc:" + vendor + "://127.0.0.1:" + MariaDbServer.PORT + "/" + SCHEMA,
                "--db-username=keycloak",
                "--db-password=keycloak-local",
                "--db-pool-max-size=20");
    }

    /**
     * Waits until the realm answers its discovery document; fails naming the log if Keycloak exits or takes too long.
     */
    public void awaitReady() {
        awaitReady(READY_TIMEOUT);
    }

    public void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        ManagedProcess started = process;
        String where = logFile == null ? "the log of the process that started it" : logFile.toString();
        while (!isReady()) {
            if (started != null && !started.isAlive()) {
                throw new IllegalStateException("Keycloak exited with code " + started.exitValue()
                        + " before its realm " + REALM + " was ready; see " + where);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Keycloak's realm " + REALM + " is not ready after "
                        + timeout.toSeconds() + " s; see " + where);
            }
            ManagedProcess.pause(Duration.ofMillis(250));
        }
        if (importedRealmHash != null) {
            write(home.workDir("keycloak").resolve("realm.sha256"), importedRealmHash + "\n");
            log.info(
                    "Keycloak ready at {} ({} ms after launch)",
                    issuerUri(),
                    (System.nanoTime() - launchedAt) / 1_000_000);
            importedRealmHash = null;
        }
    }

    /** The realm's discovery document answers 200. */
    public boolean isReady() {
        return answers200(issuerUri() + "/.well-known/openid-configuration");
    }

    /** Keycloak's own readiness check (database included), on the management port. */
    public boolean isHealthy() {
        return answers200("http://127.0.0.1:" + MANAGEMENT_PORT + "/health/ready");
    }

    private boolean answers200(String url) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(5))
                    .GET()
                    .build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * {@code kc.sh build} for the database, once per unpacked distribution and database (re-unpacking resets the jar the marker names).
     */
    private static void buildOnce(Path distribution, Path kc, Path dir, String javaHome, List<String> buildOptions) {
        Path marker = distribution.resolve(BUILD_MARKER);
        if (Files.exists(marker) && read(marker).equals(buildFingerprint(distribution, buildOptions))) {
            return;
        }
        long begin = System.nanoTime();
        log.info(
                "Building Keycloak ({}), once per distribution and database; log: {}",
                String.join(" ", buildOptions),
                dir.resolve("build.log"));
        List<String> command = new ArrayList<>(List.of(kc.toString(), "build"));
        command.addAll(buildOptions);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("KC_") || name.startsWith("JAVA_OPTS"));
        builder.environment().put("JAVA_HOME", javaHome);
        ManagedProcess.run("kc.sh build", builder, dir, dir.resolve("build.log"), Duration.ofMinutes(5));
        write(marker, buildFingerprint(distribution, buildOptions));
        log.info("Keycloak built in {} ms", (System.nanoTime() - begin) / 1_000_000);
    }

    private static String buildFingerprint(Path distribution, List<String> buildOptions) {
        Path generated = distribution.resolve("lib/quarkus/generated-bytecode.jar");
        try {
            return "options=" + String.join(" ", buildOptions) + "\ngenerated-bytecode.jar=" + Files.size(generated)
                    + " bytes, " + Files.getLastModifiedTime(generated).toMillis() + "\n";
        } catch (IOException e) {
            return "unbuilt";
        }
    }

    private List<Path> realmFiles() {
        Path dir = home.keycloakRealms();
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> found = files.filter(f -> f.getFileName().toString().startsWith(REALM + "-")
                            && f.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .toList();
            if (found.stream().noneMatch(f -> f.getFileName().toString().equals(REALM + "-realm.json"))) {
                throw new IllegalStateException("No " + REALM + "-realm.json in " + dir);
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the realm files in " + dir, e);
        }
    }

    /** SHA-256 over the realm files' names and contents, in name order. */
    static String sha256(List<Path> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path file : files) {
                digest.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(Files.readAllBytes(file));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keycloak's import directory holds exactly our realm files. */
    private static void stageImport(Path importDir, List<Path> realmFiles) {
        try {
            Files.createDirectories(importDir);
            try (Stream<Path> stale = Files.list(importDir)) {
                for (Path file :
                        stale.filter(f -> f.toString().endsWith(".json")).toList()) {
                    Files.delete(file);
                }
            }
            for (Path file : realmFiles) {
                Files.copy(file, importDir.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot stage the realm files in " + importDir, e);
        }
    }

    /**
     * Drops Keycloak's schema and creates it empty (same character set as bootstrap.sql); the keycloak user's grant
     * stays.
     */
    private void recreateSchema() {
        try (Connection c = DriverManager.getConnection(database.jdbcUrl(""), "root", "");
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + SCHEMA);
            s.execute("CREATE DATABASE " + SCHEMA + " CHARACTER SET utf8mb3 COLLATE utf8mb3_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Cannot recreate the " + SCHEMA + " schema on the database at port " + MariaDbServer.PORT + ": "
                            + e.getMessage(),
                    e);
        }
    }

    private static String generatePassword(Path file) {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        write(file, password + "\n");
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException | UnsupportedOperationException e) {
            log.warn("Cannot restrict the permissions of {}: {}", file, e.getMessage());
        }
        return password;
    }

    /** The running JVM's home, for kc.sh (which otherwise takes whatever java is on the PATH). */
    private static String javaHome() {
        return ProcessHandle.current()
                .info()
                .command()
                .map(java ->
                        Path.of(java).toAbsolutePath().getParent().getParent().toString())
                .orElse(System.getProperty("java.home"));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    /** Stops Keycloak if this JVM started it; an adopted instance keeps running for its owner. */
    @Override
    public synchronized void close() {
        if (process != null) {
            process.stop(Duration.ofSeconds(60));
            process = null;
        }
    }
}

package id.go.kemensos.returnee.infra.mariadb;

import id.go.kemensos.returnee.infra.stack.ManagedProcess;
import id.go.kemensos.returnee.infra.stack.PlatformHome;
import id.go.kemensos.returnee.infra.stack.StackDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The project's own MariaDB instance: its own data directory under work/, port 3307, binlog on in ROW format with full
 * row images (what Debezium needs), UTC. Uses the installed {@code mariadbd}; installs Debian's {@code mariadb-server}
 * when it is missing and we are root, and otherwise stops with a message naming the package.
 */
public final class MariaDbServer implements StackDatabase {

    public static final int PORT = 3307;
    private static final Logger log = LoggerFactory.getLogger(MariaDbServer.class);

    private final PlatformHome home;
    private ManagedProcess process;

    /** On {@value #PORT}, where every part of the stack looks for the database. */
    public MariaDbServer(PlatformHome home) {
        this.home = home;
    }

    @Override
    public String identityProviderVendor() {
        return "mariadb";
    }

    /** Starts the instance, or adopts one already listening on the port (another JVM of this project started it). */
    @Override
    public void start() {
        if (ManagedProcess.isListening(PORT)) {
            log.info("MariaDB already listening on {}; using it", PORT);
            bootstrap();
            return;
        }
        String mariadbd = ensureInstalled();
        Path dir = home.workDir("mariadb");
        Path data = dir.resolve("data");
        if (!Files.isDirectory(data.resolve("mysql"))) {
            initialise(dir, data);
        }
        List<String> command = new ArrayList<>(List.of(
                mariadbd,
                "--no-defaults",
                "--datadir=" + data,
                "--port=" + PORT,
                "--bind-address=127.0.0.1",
                "--socket=" + dir.resolve("mariadbd.sock"),
                "--pid-file=" + dir.resolve("mariadbd.pid"),
                "--server-id=1",
                "--log-bin=" + data.resolve("binlog"),
                "--binlog-format=ROW",
                "--binlog-row-image=FULL",
                "--expire-logs-days=14",
                "--character-set-server=utf8mb4",
                "--collation-server=utf8mb4_unicode_ci",
                "--default-time-zone=+00:00",
                "--max-connections=400",
                "--innodb-buffer-pool-size=512M",
                // A developer instance: group commits instead of one fsync per transaction. Production keeps the
                // durable defaults.
                "--innodb-flush-log-at-trx-commit=2",
                "--sync-binlog=0",
                "--skip-name-resolve",
                "--log-error=" + dir.resolve("mariadbd.err")));
        if (isRoot()) {
            command.add("--user=root"); // mariadbd refuses to run as root unless told to
        }
        process = ManagedProcess.start("MariaDB", command, dir, dir.resolve("mariadbd.out"));
        process.awaitPort(PORT, Duration.ofSeconds(60));
        bootstrap();
        log.info("MariaDB ready on 127.0.0.1:{} (data {})", PORT, data);
    }

    private void initialise(Path dir, Path data) {
        log.info("Initialising a new MariaDB data directory at {}", data);
        List<String> command = new ArrayList<>(List.of(
                which("mariadb-install-db", "mysql_install_db"),
                "--no-defaults",
                "--datadir=" + data,
                "--auth-root-authentication-method=normal",
                "--skip-test-db"));
        if (isRoot()) {
            command.add("--user=root");
        }
        ManagedProcess.run("mariadb-install-db", command, dir, dir.resolve("install-db.log"), Duration.ofMinutes(3));
    }

    private void bootstrap() {
        SchemasAndUsers.create(jdbcUrl(""), SchemasAndUsers.Server.MARIADB);
    }

    private static String ensureInstalled() {
        String found = findExecutable("mariadbd", "/usr/sbin/mariadbd");
        if (found != null) {
            return found;
        }
        if (!isRoot() || findExecutable("apt-get", "/usr/bin/apt-get") == null) {
            throw new IllegalStateException("mariadbd is not installed. Install Debian's 'mariadb-server' package "
                    + "(apt-get install mariadb-server) and start again.");
        }
        log.warn("mariadbd is missing; installing Debian's mariadb-server package");
        Path logFile = Path.of(System.getProperty("java.io.tmpdir"), "mariadb-server-install.log");
        ManagedProcess.run(
                "apt-get update", List.of("apt-get", "update", "-q"), Path.of("/"), logFile, Duration.ofMinutes(5));
        ManagedProcess.run(
                "apt-get install mariadb-server",
                List.of("env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y", "-q", "mariadb-server"),
                Path.of("/"),
                logFile,
                Duration.ofMinutes(10));
        found = findExecutable("mariadbd", "/usr/sbin/mariadbd");
        if (found == null) {
            throw new IllegalStateException("Installed mariadb-server but still cannot find mariadbd; see " + logFile);
        }
        return found;
    }

    private static String which(String... names) {
        for (String name : names) {
            String found = findExecutable(name, "/usr/bin/" + name);
            if (found != null) {
                return found;
            }
        }
        throw new IllegalStateException(
                "None of " + String.join(", ", names) + " is installed (Debian package mariadb-server)");
    }

    private static String findExecutable(String name, String usual) {
        if (Files.isExecutable(Path.of(usual))) {
            return usual;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(dir, name);
            if (!dir.isEmpty() && Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** Stops the instance if this JVM started it; an adopted instance keeps running for its owner. */
    @Override
    public void close() {
        if (process != null) {
            process.stop(Duration.ofSeconds(60));
            process = null;
        }
    }
}

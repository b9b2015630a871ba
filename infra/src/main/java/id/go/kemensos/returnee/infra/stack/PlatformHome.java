package id.go.kemensos.returnee.infra.stack;

import id.go.kemensos.returnee.infra.identity.IdentityProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the project is checked out and where the local stack keeps its data ({@code work/}, git-ignored): the nearest
 * directory holding {@code infra/connect} at or above the {@code platform.root} system property (set by Maven for
 * tests) or the current directory.
 */
public record PlatformHome(Path root) {

    public static PlatformHome locate() {
        String configured = System.getProperty("platform.root", System.getenv("PLATFORM_ROOT"));
        Path start = configured == null || configured.isBlank() ? Path.of("") : Path.of(configured);
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("infra/connect"))) {
                return new PlatformHome(dir);
            }
        }
        throw new IllegalStateException("Cannot find the project root (a directory holding infra/connect) at or above "
                + start.toAbsolutePath() + "; set -Dplatform.root or PLATFORM_ROOT");
    }

    /** Data of the local stack; override with -Dplatform.work or PLATFORM_WORK to keep it elsewhere. */
    public Path work() {
        String configured = System.getProperty("platform.work", System.getenv("PLATFORM_WORK"));
        return configured == null || configured.isBlank()
                ? root.resolve("work")
                : Path.of(configured).toAbsolutePath();
    }

    public Path workDir(String name) {
        Path dir = work().resolve(name);
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + dir, e);
        }
    }

    public Path connectorConfigs() {
        return root.resolve("infra/connect");
    }

    /** The Kafka Connect worker's classpath (infra/kafka-connect). */
    public Path connectLibs() {
        return root.resolve("infra/kafka-connect/target/connect-lib");
    }

    /** The Kafka Connect worker's plugin path: Debezium's MariaDB connector (infra/debezium-plugin). */
    public Path connectPlugins() {
        return root.resolve("infra/debezium-plugin/target/plugins");
    }

    public Path brokerLibs() {
        return root.resolve("infra/kafka-broker/target/broker-lib");
    }

    /** Keycloak's distribution as infra/keycloak unpacks it (bin/kc.sh inside). */
    public Path keycloakDistribution() {
        return root.resolve("infra/keycloak/target/keycloak-" + IdentityProvider.KEYCLOAK_VERSION);
    }

    /** The realm files that the local identity provider imports (and docker-compose mounts the realm file of). */
    public Path keycloakRealms() {
        return root.resolve("infra/keycloak/realm");
    }
}

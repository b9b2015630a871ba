package id.go.kemensos.returnee.infra.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the project is checked out and where the local stack keeps its data ({@code work/}, git-ignored). Found from the
 * {@code platform.root} system property (set by Maven for tests), else by walking up from the current directory to the
 * directory that holds {@code infra/connect}.
 */
public record PlatformHome(Path root) {

    public static PlatformHome locate() {
        String configured = System.getProperty("platform.root", System.getenv("PLATFORM_ROOT"));
        if (configured != null && !configured.isBlank()) {
            return new PlatformHome(Path.of(configured).toAbsolutePath().normalize());
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("infra/connect"))) {
                return new PlatformHome(dir);
            }
        }
        throw new IllegalStateException("Cannot find the project root (a directory holding infra/connect) above "
                + Path.of("").toAbsolutePath() + "; set -Dplatform.root or PLATFORM_ROOT");
    }

    /** Data of the local stack; override with PLATFORM_WORK to keep it elsewhere. */
    public Path work() {
        String configured = System.getenv("PLATFORM_WORK");
        return configured == null || configured.isBlank() ? root.resolve("work") : Path.of(configured).toAbsolutePath();
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

    public Path brokerLibs() {
        return root.resolve("infra/kafka-broker/target/broker-lib");
    }
}

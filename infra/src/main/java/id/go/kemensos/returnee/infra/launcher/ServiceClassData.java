package id.go.kemensos.returnee.infra.launcher;

import id.go.kemensos.returnee.infra.stack.ManagedProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

/**
 * How a service's JVM loads its classes quickly: from its jar extracted by Spring Boot's tools (a plain class path of
 * jars, not the nested-jar loader), with a class-data archive of that class path (the JDK's CDS). The first run after a
 * build writes the archive when the service stops cleanly; later runs map the classes from it instead of reading,
 * parsing and verifying each again, which is most of a service's start on a busy machine. Both live beside the jar, in
 * {@code target/cds}, so a new build replaces them.
 */
final class ServiceClassData {

    private static final Logger log = LoggerFactory.getLogger(ServiceClassData.class);

    private final Path execJar;
    private final Path directory;
    private final Path extractedJar;
    private final Path archive;

    ServiceClassData(Path execJar) {
        this.execJar = execJar;
        this.directory = execJar.resolveSibling("cds");
        this.extractedJar = directory.resolve(execJar.getFileName());
        this.archive = directory.resolve(execJar.getFileName().toString().replace(".jar", ".jsa"));
    }

    /**
     * What follows the JVM options for a service that runs until it is stopped: the archive to map, or, when there is
     * none for this build yet, the instruction to write it at exit; then the jar.
     */
    List<String> forService(String java) {
        return arguments(java, true);
    }

    /** For a one-shot command: the archive if there is one (a command never writes it), then the jar. */
    List<String> forCommand(String java) {
        return arguments(java, false);
    }

    private List<String> arguments(String java, boolean writesArchive) {
        synchronized (ServiceClassData.class) { // two launchers in one JVM must not extract into one directory at once
            extractIfStale(java);
        }
        List<String> arguments = new ArrayList<>();
        if (hasArchive()) {
            arguments.add("-XX:SharedArchiveFile=" + archive);
        } else if (writesArchive) {
            arguments.add("-XX:ArchiveClassesAtExit=" + archive);
        }
        arguments.add("-jar");
        arguments.add(extractedJar.toString());
        return arguments;
    }

    private boolean hasArchive() {
        try {
            return Files.isRegularFile(archive)
                    && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(extractedJar)) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    private void extractIfStale(String java) {
        try {
            if (Files.isRegularFile(extractedJar)
                    && Files.getLastModifiedTime(extractedJar).compareTo(Files.getLastModifiedTime(execJar)) >= 0) {
                return;
            }
            FileSystemUtils.deleteRecursively(directory);
            Files.createDirectories(directory.getParent());
            log.info("Extracting {} for a fast start (and a class-data archive at its first clean stop)", execJar);
            ManagedProcess.run(
                    "extract " + execJar.getFileName(),
                    List.of(
                            java,
                            "-Djarmode=tools",
                            "-jar",
                            execJar.toString(),
                            "extract",
                            "--destination",
                            directory.toString()),
                    execJar.getParent(),
                    execJar.resolveSibling("cds-extract.log"),
                    Duration.ofMinutes(2));
            // The extracted jar takes the built jar's time: a later build (a newer jar) is then seen as stale.
            Files.setLastModifiedTime(extractedJar, Files.getLastModifiedTime(execJar));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot extract " + execJar, e);
        }
    }
}

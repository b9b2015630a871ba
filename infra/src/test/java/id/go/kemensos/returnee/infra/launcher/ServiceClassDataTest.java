package id.go.kemensos.returnee.infra.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which archive flag a start gets: the first run of a build writes the archive, later runs map it, and a one-shot
 * command never writes it. (The jar here is already extracted and as new as the build's jar, so nothing is extracted;
 * the extraction itself runs in every system test, which starts the services through {@link PlatformServices}.)
 */
class ServiceClassDataTest {

    private static final Instant BUILT = Instant.parse("2026-12-06T01:00:00Z");

    @TempDir
    Path target;

    @Test
    void aBuildsFirstRunWritesTheArchiveAndLaterRunsMapIt() throws IOException {
        Path execJar = file(target.resolve("registration-service-exec.jar"), BUILT);
        Path cds = Files.createDirectories(target.resolve("cds"));
        Path extracted = file(cds.resolve("registration-service-exec.jar"), BUILT);
        Path archive = cds.resolve("registration-service-exec.jsa");
        ServiceClassData classes = new ServiceClassData(execJar);

        assertThat(classes.forService("java"))
                .containsExactly("-XX:ArchiveClassesAtExit=" + archive, "-jar", extracted.toString());
        assertThat(classes.forCommand("java")).containsExactly("-jar", extracted.toString());

        file(archive, BUILT.plusSeconds(90)); // written when that first run stopped
        assertThat(classes.forService("java"))
                .containsExactly("-XX:SharedArchiveFile=" + archive, "-jar", extracted.toString());
        assertThat(classes.forCommand("java"))
                .containsExactly("-XX:SharedArchiveFile=" + archive, "-jar", extracted.toString());
    }

    @Test
    void anArchiveOlderThanTheExtractedJarIsNotUsed() throws IOException {
        Path execJar = file(target.resolve("audit-service-exec.jar"), BUILT);
        Path cds = Files.createDirectories(target.resolve("cds"));
        file(cds.resolve("audit-service-exec.jar"), BUILT);
        Path archive = file(cds.resolve("audit-service-exec.jsa"), BUILT.minusSeconds(60));

        assertThat(new ServiceClassData(execJar).forService("java"))
                .first()
                .isEqualTo("-XX:ArchiveClassesAtExit=" + archive);
    }

    private static Path file(Path path, Instant modified) throws IOException {
        Files.writeString(path, path.getFileName().toString());
        Files.setLastModifiedTime(path, FileTime.from(modified));
        return path;
    }
}

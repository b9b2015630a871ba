package id.go.kemensos.returnee.testsupport.containers;

import id.go.kemensos.returnee.infra.stack.PlatformHome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the containers take from production's {@code infra/docker-compose.yml}, so that the two cannot drift: the
 * images, and the MySQL server's arguments.
 */
record ComposeFile(String text) {

    static ComposeFile of(PlatformHome home) {
        Path file = home.root().resolve("infra/docker-compose.yml");
        try {
            return new ComposeFile(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** The first image whose name starts so (the image's name without its tag), with its tag. */
    String image(String name) {
        Matcher m = Pattern.compile("\\n\\s*image: (" + Pattern.quote(name) + ":\\S+)")
                .matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("No image " + name + " in infra/docker-compose.yml");
        }
        return m.group(1);
    }

    /** The arguments the mysql service gives its server (binlog, GTIDs, time zone, character set). */
    List<String> mysqlServerArguments() {
        Matcher m = Pattern.compile("(?s)\\n  mysql:\\n.*?\\n    command: >-\\n(.*?)\\n    \\w+:")
                .matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("No command of the mysql service in infra/docker-compose.yml");
        }
        return Arrays.stream(m.group(1).strip().split("\\s+")).toList();
    }
}

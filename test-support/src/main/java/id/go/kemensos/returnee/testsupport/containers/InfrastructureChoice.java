package id.go.kemensos.returnee.testsupport.containers;

import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * What the tests' stack runs on, chosen by {@value #PROPERTY} (system property, or the environment variable
 * {@code PLATFORM_INFRASTRUCTURE}):
 * <ul>
 *   <li>{@code auto} (the default): production's images in containers when a Docker engine answers, this machine's
 *       own processes otherwise;
 *   <li>{@code processes}: this machine's processes, Docker or not;
 *   <li>{@code containers}: containers, and a loud failure when no Docker engine answers.
 * </ul>
 * Nothing is skipped either way: a machine without Docker (ours, CI's) runs everything on its own processes.
 */
public enum InfrastructureChoice {
    PROCESSES,
    CONTAINERS;

    public static final String PROPERTY = "platform.infrastructure";

    /** The choice of this JVM's setting and of the Docker engine, asked only when the setting leaves it open. */
    public static InfrastructureChoice fromEnvironment() {
        return select(System.getProperty(PROPERTY, System.getenv("PLATFORM_INFRASTRUCTURE")), DockerEngine::answers);
    }

    static InfrastructureChoice select(String setting, BooleanSupplier dockerAnswers) {
        String value =
                setting == null || setting.isBlank() ? "auto" : setting.strip().toLowerCase(Locale.ROOT);
        switch (value) {
            case "processes":
                return PROCESSES;
            case "containers":
                if (!dockerAnswers.getAsBoolean()) {
                    throw new IllegalStateException(PROPERTY + "=containers, but no Docker engine answers; start one "
                            + "or run with -D" + PROPERTY + "=processes");
                }
                return CONTAINERS;
            case "auto":
                return dockerAnswers.getAsBoolean() ? CONTAINERS : PROCESSES;
            default:
                throw new IllegalArgumentException(
                        PROPERTY + " is auto, processes or containers, not '" + setting + "'");
        }
    }
}

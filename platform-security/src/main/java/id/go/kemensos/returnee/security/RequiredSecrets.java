package id.go.kemensos.returnee.security;

import java.util.Arrays;
import java.util.stream.Stream;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Outside the local stack a service starts only with its own secrets: every name in {@code platform.secrets} (all
 * services: database, migrations, Kafka) and {@code platform.service-secrets} (the service's own, e.g. the SMS
 * gateway's receipt secret) must be set, so that the local stack's defaults in the configuration are never what
 * production runs with. The local stack says it is one ({@code PLATFORM_LOCAL_STACK=true}). A missing secret stops the
 * start with one line.
 */
public final class RequiredSecrets implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getProperty("platform.local-stack", Boolean.class, false)) {
            return;
        }
        String missing = Stream.of("platform.secrets", "platform.service-secrets")
                .flatMap(list -> Arrays.stream(environment.getProperty(list, "").split(",")))
                .map(String::strip)
                .filter(name -> !name.isEmpty())
                .filter(name -> environment.getProperty(name, "").isBlank())
                .reduce((a, b) -> a + ", " + b)
                .orElse(null);
        if (missing != null) {
            throw new MissingSecret(missing);
        }
    }

    /** After the configuration files are read: they name the secrets. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    static final class MissingSecret extends IllegalStateException {
        MissingSecret(String names) {
            super(names + " not set: outside the local stack a service starts only with its own secrets, never "
                    + "a local default");
        }
    }

    /** Boot's start-up report gives the reason in one line and what to do, not a stack trace. */
    public static final class Analyzer extends AbstractFailureAnalyzer<MissingSecret> {
        @Override
        protected FailureAnalysis analyze(Throwable root, MissingSecret cause) {
            return new FailureAnalysis(
                    cause.getMessage(),
                    "Set each of them (docker-compose: the secret file named by <NAME>_FILE), "
                            + "or start the service in the local stack (PLATFORM_LOCAL_STACK=true).",
                    cause);
        }
    }
}

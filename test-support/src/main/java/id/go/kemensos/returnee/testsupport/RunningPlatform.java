package id.go.kemensos.returnee.testsupport;

import id.go.kemensos.returnee.infra.launcher.PlatformService;
import id.go.kemensos.returnee.infra.launcher.PlatformServices;
import id.go.kemensos.returnee.infra.stack.LocalStack;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The whole platform for system tests: the local stack plus the four services from their packaged jars, each in its own
 * JVM as in production, started once per test JVM. Services can be stopped and restarted to test crashes and redelivery.
 */
public final class RunningPlatform {

    /** Auto-approval on (maker-checker is tested on its own); short status-check delay so recovery is visible in seconds. */
    static final Map<String, String> TEST_ENVIRONMENT = Map.of(
            "DISBURSEMENT_AUTO_APPROVAL", "true",
            "DISBURSEMENT_STATUS_CHECK_DELAY", "PT3S",
            "SERVICE_JAVA_OPTS", "-Xms64m -Xmx384m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC");

    private static RunningPlatform instance;

    private final LocalStack stack;
    private final PlatformServices services;
    private final RegistrationApi registration = new RegistrationApi(PlatformService.REGISTRATION.baseUrl());
    private final PlatformDatabase database = new PlatformDatabase();

    private RunningPlatform(LocalStack stack, PlatformServices services) {
        this.stack = stack;
        this.services = services;
    }

    public static synchronized RunningPlatform start() {
        if (instance == null) {
            LocalStack stack = LocalStackExtension.stack();
            Map<String, String> environment = new HashMap<>(TEST_ENVIRONMENT);
            environment.put("ELIGIBILITY_RULESETS_DIR", rulesDirectory(stack).toString());
            PlatformServices services = new PlatformServices(stack.home(), environment);
            LocalStackExtension.stopBeforeStack(services);
            services.startAll();
            instance = new RunningPlatform(stack, services);
        }
        return instance;
    }

    /** Where eligibility-service looks for rule set versions beyond the shipped ones (a test drops a new version here). */
    public Path rulesDirectory() {
        return rulesDirectory(stack);
    }

    private static Path rulesDirectory(LocalStack stack) {
        return stack.home().workDir("rulesets");
    }

    public LocalStack stack() {
        return stack;
    }

    public PlatformServices services() {
        return services;
    }

    public RegistrationApi registration() {
        return registration;
    }

    public PlatformDatabase database() {
        return database;
    }
}

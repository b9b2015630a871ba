package id.go.kemensos.returnee.testsupport;

import id.go.kemensos.returnee.infra.launcher.PlatformService;
import id.go.kemensos.returnee.infra.launcher.PlatformServices;
import id.go.kemensos.returnee.infra.stack.LocalStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The whole platform for system tests: the local stack plus the four services from their packaged jars, each in its own
 * JVM as in production, started once per test JVM. Services can be stopped and restarted to test crashes and
 * redelivery.
 */
public final class RunningPlatform {

    /**
     * Auto-approval on (maker-checker is tested on its own); short status-check delay so recovery is visible in
     * seconds, cash at the post office and accounts being opened asked about every two seconds so that a collection or an opening shows at once; the audit ledger sealed every two seconds instead of every minute; two seconds of clock skew tolerated
     * on tokens (one machine, one clock), so that RoleMatrixIT's expired token is refused within seconds; the gauges
     * refreshed every three seconds; a consumer that was killed given up by its group after 10 s instead of Kafka's 45
     * (the tests kill services, and their restarted consumers get no partitions until the dead ones expire).
     */
    static final Map<String, String> TEST_ENVIRONMENT = Map.of(
            "DISBURSEMENT_AUTO_APPROVAL", "true",
            "DISBURSEMENT_STATUS_CHECK_DELAY", "PT3S",
            "DISBURSEMENT_CASH_STATUS_INTERVAL", "PT2S",
            "DISBURSEMENT_OPENING_STATUS_INTERVAL", "PT2S",
            "AUDIT_SEAL_INTERVAL", "PT2S",
            "NOTIFICATION_RECEIPT_WAIT", "PT2S",
            "PLATFORM_TOKEN_CLOCK_SKEW", "2s",
            "PLATFORM_METRICS_REFRESH_INTERVAL", "PT3S",
            "SPRING_KAFKA_CONSUMER_PROPERTIES_SESSION_TIMEOUT_MS", "10000",
            "SERVICE_JAVA_OPTS", "-Xms64m -Xmx384m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC");

    /**
     * Every NTB test returnee fits (the shipped NTB ceiling is the 490 people of Lombok 2019); budgets are tested in
     * Bali.
     */
    static final long TEST_NTB_CEILING = 1_000_000_000_000L;

    private static RunningPlatform instance;

    private final LocalStack stack;
    private final PlatformServices services;
    private final RegistrationApi registration = new RegistrationApi();
    private final ServiceApi audit = new ServiceApi(PlatformService.AUDIT, OfficerLogin.AUDITOR);
    private final PlatformDatabase database = new PlatformDatabase();
    private final DisbursementApi disbursement = new DisbursementApi();

    private RunningPlatform(LocalStack stack, PlatformServices services) {
        this.stack = stack;
        this.services = services;
    }

    public static synchronized RunningPlatform start() {
        if (instance == null) {
            LocalStack stack = LocalStackExtension.stack();
            Map<String, String> environment = new HashMap<>(TEST_ENVIRONMENT);
            environment.put("ELIGIBILITY_RULESETS_DIR", rulesDirectory(stack).toString());
            environment.put("PLATFORM_PROGRAMS_DIR", programsDirectory(stack).toString());
            provideGrantProgramYear(stack);
            PlatformServices services = new PlatformServices(stack.home(), environment);
            LocalStackExtension.stopBeforeStack(services);
            services.startAll();
            instance = new RunningPlatform(stack, services);
            instance.disbursement()
                    .setCeiling(
                            "BSU",
                            "52",
                            String.valueOf(
                                    LocalDate.now(ZoneId.of("Asia/Jakarta")).getYear()),
                            TEST_NTB_CEILING);
        }
        return instance;
    }

    /**
     * The system tests pay grants, so they need a grant program in force today. The ministry sets each program year;
     * until the rule set for this year ships, the tests run under a copy of the latest shipped year, re-dated and
     * labelled as a test.
     */
    private static void provideGrantProgramYear(LocalStack stack) {
        int year = LocalDate.now(ZoneId.of("Asia/Jakarta")).getYear();
        Path shipped = stack.home().root().resolve("eligibility-service/src/main/resources/rulesets");
        if (Files.exists(shipped.resolve("bantuan-stimulan-usaha-" + year + ".yaml"))) {
            return;
        }
        try (Stream<Path> files = Files.list(shipped)) {
            Path latest = files.filter(f -> f.getFileName().toString().matches("bantuan-stimulan-usaha-\\d{4}\\.yaml"))
                    .max(Path::compareTo)
                    .orElseThrow(() -> new IllegalStateException("no grant program rule set in " + shipped));
            String text = Files.readString(latest)
                    .replaceAll("(?m)^version: .*$", "version: \"" + year + ".test\"")
                    .replaceAll("(?m)^effectiveFrom: .*$", "effectiveFrom: " + year + "-01-01")
                    .replaceAll("(?m)^effectiveTo: .*$", "effectiveTo: " + year + "-12-31")
                    .replaceAll("(?m)^  cycle: .*$", "  cycle: \"" + year + "\"");
            Files.writeString(rulesDirectory(stack).resolve("bantuan-stimulan-usaha-" + year + ".test.yaml"), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Where eligibility-service looks for rule set versions beyond the shipped ones (a test drops a new version here).
     */
    public Path rulesDirectory() {
        return rulesDirectory(stack);
    }

    private static Path rulesDirectory(LocalStack stack) {
        return stack.home().workDir("rulesets");
    }

    /** Where every service looks for program declarations beyond the shipped ones (a test declares a program here). */
    public Path programsDirectory() {
        return programsDirectory(stack);
    }

    private static Path programsDirectory(LocalStack stack) {
        return stack.home().workDir("programs");
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

    public DisbursementApi disbursement() {
        return disbursement;
    }

    public PlatformDatabase database() {
        return database;
    }

    /** Any service's API as a given officer calls it (null: without a token). */
    public ServiceApi api(PlatformService service, String officer) {
        return new ServiceApi(service, officer);
    }

    /** The personal columns the services keep sealed, opened with the stack's keys. */
    public SealedColumns sealedColumns() {
        return new SealedColumns(stack);
    }

    /** audit-service's API as the auditor calls it: the ledger, replays and auditor views. */
    public ServiceApi audit() {
        return audit;
    }
}

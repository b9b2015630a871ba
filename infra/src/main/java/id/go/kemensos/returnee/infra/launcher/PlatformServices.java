package id.go.kemensos.returnee.infra.launcher;

import id.go.kemensos.returnee.infra.sim.BankPartnerCredentials;
import id.go.kemensos.returnee.infra.stack.LocalStack;
import id.go.kemensos.returnee.infra.stack.ManagedProcess;
import id.go.kemensos.returnee.infra.stack.PlatformHome;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each service from its packaged jar in its own JVM, as it runs in production, with its log under work/logs (the
 * jar extracted, with a class-data archive: {@link ServiceClassData}). A service counts as up when its actuator health
 * says UP (database, Kafka and Flyway included).
 */
public final class PlatformServices implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PlatformServices.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    /**
     * The services' JVM options on the local stack: eleven JVMs share two cores here, and the optimising compiler (C2)
     * and the default collector (G1, with its concurrent threads) cost more CPU than they win back. With C1 alone and
     * the serial collector the e2e benchmark's services took half the CPU per returnee, and each started on less than
     * half the CPU (docs/developers.md, "Where the CPU goes"). A production host with cores to spare sets its own.
     */
    public static final String DEFAULT_JAVA_OPTIONS = "-Xms128m -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";

    private final PlatformHome home;
    private final Map<String, String> environment;
    /** Read without the lock while a service starts (its health awaited) as another one is launched. */
    private final Map<PlatformService, ManagedProcess> running = new ConcurrentHashMap<>();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    /**
     * @param environment settings every service gets, e.g. DISBURSEMENT_AUTO_APPROVAL=true for a demo;
     * SERVICE_JAVA_OPTS here replaces the JVM options (default: the same variable of this process, else
     * {@link #DEFAULT_JAVA_OPTIONS}). Unless set here, every service also gets the local bank simulator's SNAP partner
     * credentials as DISBURSEMENT_BANK_PARTNER_ID, DISBURSEMENT_BANK_PRIVATE_KEY_FILE and
     * DISBURSEMENT_BANK_CLIENT_SECRET_FILE (see {@link BankPartnerCredentials#local}).
     */
    public PlatformServices(PlatformHome home, Map<String, String> environment) {
        this.home = home;
        this.environment = Map.copyOf(environment);
    }

    /**
     * Starts all services at once (they only meet through Kafka, so order does not matter) and waits for each to be UP.
     */
    public void startAll() {
        startAll(() -> {});
    }

    /**
     * Starts all services at once, as {@link #startAll()}, but those that need the identity provider to start only
     * after {@code identityProviderReady} returns.
     */
    public void startAll(Runnable identityProviderReady) {
        Map<Boolean, List<PlatformService>> byNeed = Arrays.stream(PlatformService.values())
                .collect(Collectors.partitioningBy(PlatformService::needsIdentityProviderToStart));
        byNeed.get(false).forEach(this::launch);
        CompletableFuture<Void> launchedLater = CompletableFuture.runAsync(
                () -> {
                    identityProviderReady.run();
                    byNeed.get(true).forEach(this::launch);
                },
                task -> new Thread(task, "launch-after-identity-provider").start());
        byNeed.get(false).forEach(this::awaitHealthy);
        launchedLater.join();
        byNeed.get(true).forEach(this::awaitHealthy);
    }

    public synchronized void start(PlatformService service) {
        start(service, Map.of());
    }

    /**
     * Starts one service with some settings changed for this run only, e.g. DISBURSEMENT_AUTO_APPROVAL=false in a test.
     */
    public synchronized void start(PlatformService service, Map<String, String> overrides) {
        launch(service, overrides);
        awaitHealthy(service);
    }

    /** Stops one service: SIGTERM, so Spring shuts down gracefully, or a kill after the grace period. */
    public synchronized void stop(PlatformService service) {
        ManagedProcess process = running.remove(service);
        if (process != null) {
            process.stop(Duration.ofSeconds(30));
        }
    }

    /**
     * Crashes one service (SIGKILL: transactions in flight roll back, nothing is flushed or closed); start it again
     * after.
     */
    public synchronized void kill(PlatformService service) {
        ManagedProcess process = running.remove(service);
        if (process != null) {
            process.kill();
        }
    }

    public synchronized boolean isRunning(PlatformService service) {
        ManagedProcess p = running.get(service);
        return p != null && p.isAlive();
    }

    /** Starts one service without waiting for it to be healthy (a test watches what it says while it waits). */
    public synchronized void launch(PlatformService service) {
        launch(service, Map.of());
    }

    private synchronized void launch(PlatformService service, Map<String, String> overrides) {
        if (running.containsKey(service)) {
            return;
        }
        if (ManagedProcess.isListening(service.port())) {
            throw new IllegalStateException(
                    service.artifact() + "'s port " + service.port() + " is already in use; stop what runs there");
        }
        Path logs = home.workDir("logs");
        ProcessBuilder builder = javaProcess(service, overrides, List.of());
        running.put(
                service,
                ManagedProcess.start(
                        service.artifact(), builder, home.root(), logs.resolve(service.artifact() + ".log")));
    }

    /** What a one-shot command of a service printed, and its exit status. */
    public record CommandResult(int exitCode, String output) {}

    /**
     * Runs one of a service's commands (e.g. audit-service's {@code verify}) with the platform's settings, as an
     * operator would from a shell, and waits for it to end.
     */
    public CommandResult runCommand(PlatformService service, Duration timeout, String... arguments) {
        return runCommand(service, timeout, Map.of(), arguments);
    }

    /**
     * The same, with settings of the operator's shell, e.g. PLATFORM_ACCESS_TOKEN for a command that reads another
     * service.
     */
    public CommandResult runCommand(
            PlatformService service, Duration timeout, Map<String, String> environment, String... arguments) {
        ProcessBuilder builder = javaProcess(service, environment, List.of(arguments))
                .redirectErrorStream(true)
                .directory(home.root().toFile());
        builder.environment().remove("PORT");
        try {
            Process process = builder.start();
            CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    return "(output unreadable: " + e.getMessage() + ")";
                }
            });
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(
                        service.artifact() + " " + String.join(" ", arguments) + " did not end within " + timeout);
            }
            return new CommandResult(process.exitValue(), output.join());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + service.artifact() + " " + String.join(" ", arguments), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private ProcessBuilder javaProcess(PlatformService service, Map<String, String> overrides, List<String> arguments) {
        Path jar = home.root().resolve(service.artifact()).resolve("target").resolve(service.artifact() + "-exec.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing; build the services first: ./mvnw -DskipTests install");
        }
        List<String> command = new ArrayList<>();
        command.add(java());
        Map<String, String> settings = new HashMap<>(bankPartnerEnvironment());
        // The local stack's own passwords (the "-local" defaults of the services' configuration) are allowed here only.
        settings.put("PLATFORM_LOCAL_STACK", "true");
        settings.put(
                "PLATFORM_KEYS_DIR",
                LocalStack.keysDirectory(home).toAbsolutePath().toString());
        settings.putAll(environment);
        settings.putAll(overrides);
        String javaOptions = settings.getOrDefault(
                "SERVICE_JAVA_OPTS", System.getenv().getOrDefault("SERVICE_JAVA_OPTS", DEFAULT_JAVA_OPTIONS));
        command.addAll(List.of(javaOptions.trim().split("\\s+")));
        ServiceClassData classes = new ServiceClassData(jar); // derived from the jar's path: nothing to keep
        command.addAll(arguments.isEmpty() ? classes.forService(java()) : classes.forCommand(java()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(settings);
        builder.environment().put("PORT", String.valueOf(service.port()));
        return builder;
    }

    /**
     * The platform's credentials at the local bank simulator, as the disbursement service reads them: its partner id
     * and the absolute paths of the files LocalStack generates (see {@link BankPartnerCredentials#local}).
     */
    private Map<String, String> bankPartnerEnvironment() {
        BankPartnerCredentials credentials = BankPartnerCredentials.local(home);
        return Map.of(
                "DISBURSEMENT_BANK_PARTNER_ID",
                credentials.partnerId(),
                "DISBURSEMENT_BANK_PRIVATE_KEY_FILE",
                credentials.privateKeyFile().toAbsolutePath().toString(),
                "DISBURSEMENT_BANK_CLIENT_SECRET_FILE",
                credentials.clientSecretFile().toAbsolutePath().toString());
    }

    /** Waits until the service's health is UP (it was launched, and may be waiting for what it needs). */
    public void awaitHealthy(PlatformService service) {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        HttpRequest health = HttpRequest.newBuilder(URI.create(service.baseUrl() + "/actuator/health"))
                .timeout(Duration.ofSeconds(2))
                .build();
        while (true) {
            ManagedProcess process = running.get(service);
            if (process == null || !process.isAlive()) {
                throw new IllegalStateException(service.artifact() + " exited during start; see "
                        + home.work().resolve("logs"));
            }
            try {
                HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    log.info("{} is UP on {}", service.artifact(), service.baseUrl());
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted", e);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(service.artifact() + " not healthy after " + START_TIMEOUT
                        + "; see its log in " + home.work().resolve("logs"));
            }
            ManagedProcess.pause(Duration.ofMillis(250));
        }
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    @Override
    public synchronized void close() {
        running.keySet().stream().sorted(Comparator.reverseOrder()).toList().forEach(this::stop);
    }
}

package id.go.kemensos.returnee.infra.stack;

import id.go.kemensos.returnee.infra.connect.KafkaConnectWorker;
import id.go.kemensos.returnee.infra.identity.IdentityProvider;
import id.go.kemensos.returnee.infra.kafka.HangingTransactionGuard;
import id.go.kemensos.returnee.infra.kafka.KafkaAccess;
import id.go.kemensos.returnee.infra.kafka.KafkaBroker;
import id.go.kemensos.returnee.infra.kafka.TopicProvisioner;
import id.go.kemensos.returnee.infra.mariadb.MariaDbServer;
import id.go.kemensos.returnee.infra.sim.BankGatewaySimulator;
import id.go.kemensos.returnee.infra.sim.BankPartnerCredentials;
import id.go.kemensos.returnee.infra.sim.PostOfficeSimulator;
import id.go.kemensos.returnee.infra.sim.SmsGatewaySimulator;
import id.go.kemensos.returnee.infra.sim.VaultTransitSimulator;
import id.go.kemensos.returnee.infra.sim.VaultTransitSimulator.Capability;
import id.go.kemensos.returnee.privacy.PlatformKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The infrastructure the services need: MariaDB, the identity provider (Keycloak, whose data is in MariaDB), the Kafka
 * broker, the topics and who may use them ({@link KafkaAccess}), the outbox relay (a Kafka Connect worker running
 * Debezium's outbox connector, {@link KafkaConnectWorker}), the Vault (transit) simulator that seals the platform's
 * keys ({@link #sealPlatformKeys}) the two gateway simulators and the post office (PT Pos) simulator. Independent parts start at once, each after what it
 * depends on ({@link #startForServices}); the relay and Keycloak, the slowest, may still be starting while the services
 * do. Stopped in reverse order. Before the bank simulator starts, the platform's SNAP partner credentials
 * ({@link BankPartnerCredentials#local}) are generated if missing and registered with it.
 */
public final class LocalStack implements AutoCloseable {

    public static final int BANK_SIMULATOR_PORT = 8091;
    public static final int SMS_SIMULATOR_PORT = 8092;
    public static final int POST_OFFICE_SIMULATOR_PORT = PostOfficeSimulator.DEFAULT_PORT;
    public static final int VAULT_PORT = VaultTransitSimulator.DEFAULT_PORT;
    /** The Vault transit key that seals the platform's keysets. */
    public static final String PLATFORM_TRANSIT_KEY = "returnee-platform";

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

    private final PlatformHome home;
    private final StackInfrastructure infrastructure;
    private final StackDatabase database;
    private final IdentityProvider identity;
    private final StackBroker kafka;
    private final KafkaConnectWorker connect;
    private final BankGatewaySimulator bank;
    private final SmsGatewaySimulator sms;
    private final PostOfficeSimulator postOffice;
    private final VaultTransitSimulator vault;
    /** What has started, in order, for {@link #close} to stop in reverse; the start's chains add to it at once. */
    private final List<AutoCloseable> started = Collections.synchronizedList(new ArrayList<>());
    /** The parts still starting after {@link #startForServices}; null before it. */
    private volatile CompletableFuture<Void> background;

    private volatile CompletableFuture<Void> identityReady;

    private long begin;

    /** The stack on this machine's own processes. */
    public LocalStack(PlatformHome home) {
        this(home, StackInfrastructure.localProcesses(home));
    }

    public LocalStack(PlatformHome home, StackInfrastructure infrastructure) {
        this.home = home;
        this.infrastructure = infrastructure;
        this.database = infrastructure.database();
        this.identity = new IdentityProvider(home, database);
        this.kafka = infrastructure.broker();
        this.connect = new KafkaConnectWorker(
                home,
                infrastructure.connectorEndpoints(),
                infrastructure.connectRuntime(),
                KafkaConnectWorker.baseUrl());
        this.bank = new BankGatewaySimulator(BANK_SIMULATOR_PORT);
        bank.autoOpenedHolderNames(
                new RegisteredHolderNames(database, "disbursement", "disbursement-local", keysDirectory(home)));
        this.sms = new SmsGatewaySimulator(SMS_SIMULATOR_PORT);
        this.postOffice = new PostOfficeSimulator(POST_OFFICE_SIMULATOR_PORT);
        this.vault = new VaultTransitSimulator(VAULT_PORT, home.workDir("vault").resolve("transit-state.json"));
    }

    /** Starts the whole stack and returns when every part is up. */
    public LocalStack start() {
        return startForServices().awaitReady();
    }

    /**
     * Starts what a service needs to start, three independent chains at once: MariaDB (then the identity provider's
     * launch, its data being there); the broker, its topics and ACLs; the Vault simulator, the keys it seals and the
     * gateway simulators. Returns when all three are up. The outbox relay and the identity provider's realm go on
     * starting in the background ({@link #awaitReady}): a service's outbox waits for the relay, and a service reads the
     * provider's keys at its first request, not at its start.
     */
    public synchronized LocalStack startForServices() {
        if (background != null) {
            return this;
        }
        begin = System.nanoTime();
        AtomicInteger threads = new AtomicInteger();
        ExecutorService steps = Executors.newFixedThreadPool(3, task -> {
            Thread thread = new Thread(task, "local-stack-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            CompletableFuture<Void> mariaDb = CompletableFuture.runAsync(
                    () -> {
                        step("MariaDB", database::start, database);
                        step("identity provider launch", identity::start, identity);
                    },
                    steps);
            CompletableFuture<Void> broker = CompletableFuture.runAsync(
                    () -> {
                        step("Kafka broker", kafka::start, kafka);
                        step(
                                "topics",
                                () -> new TopicProvisioner(kafka.bootstrapServers(), 6, (short) 1).provision(),
                                null);
                        step("Kafka ACLs", () -> KafkaAccess.applyAcls(kafka.bootstrapServers()), null);
                        // A broker restart may leave a transaction hanging, which would stop the relay for good.
                        started.add(HangingTransactionGuard.start(kafka.bootstrapServers()));
                    },
                    steps);
            CompletableFuture<Void> keysAndGateways = CompletableFuture.runAsync(
                    () -> {
                        step("Vault (transit) simulator", vault::start, vault);
                        step("platform keys, sealed in Vault", this::sealPlatformKeys, null);
                        step("bank partner credentials", this::registerBankPartner, null);
                        step("bank gateway simulator", bank::start, bank);
                        step("SMS gateway simulator", sms::start, sms);
                        step("post office (PT Pos) simulator", postOffice::start, postOffice);
                    },
                    steps);
            awaitOrClose(CompletableFuture.allOf(mariaDb, broker, keysAndGateways));
            log.info("Local stack ready for the services in {} ms", (System.nanoTime() - begin) / 1_000_000);
            identityReady = CompletableFuture.runAsync(
                    () -> step("identity provider (realm " + IdentityProvider.REALM + ")", identity::awaitReady, null),
                    steps);
            background = CompletableFuture.allOf(
                    CompletableFuture.runAsync(
                            () -> step("Kafka Connect worker and its outbox connector", connect::start, connect),
                            steps),
                    identityReady);
            background.whenComplete((done, failed) -> steps.shutdown());
        } catch (RuntimeException e) {
            steps.shutdownNow();
            throw e;
        }
        return this;
    }

    /** Waits for the outbox relay and the identity provider's realm, which {@link #startForServices} left starting. */
    public LocalStack awaitReady() {
        boolean wasDone = begun(background).isDone();
        awaitOrClose(background);
        if (!wasDone) {
            log.info("Local stack up in {} ms (work dir {})", (System.nanoTime() - begin) / 1_000_000, home.work());
        }
        return this;
    }

    /**
     * Waits for the identity provider's realm (what the console, which discovers the provider as it starts, needs),
     * which {@link #startForServices} left starting.
     */
    public void awaitIdentityProvider() {
        awaitOrClose(begun(identityReady));
    }

    private static CompletableFuture<Void> begun(CompletableFuture<Void> part) {
        if (part == null) {
            throw new IllegalStateException("The local stack was not started");
        }
        return part;
    }

    /** Waits for steps running at once; if one failed, everything started is stopped and its failure thrown. */
    private void awaitOrClose(CompletableFuture<Void> steps) {
        try {
            steps.join();
        } catch (CompletionException e) {
            // The other chains finished or failed too (allOf completes only then): all that started is in the list.
            close();
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private void step(String name, Runnable start, AutoCloseable stopper) {
        long stepBegin = System.nanoTime();
        try {
            start.run();
        } catch (RuntimeException e) {
            log.error("Local stack: {} failed to start: {}", name, e.getMessage());
            throw e;
        }
        if (stopper != null) {
            started.add(stopper);
        }
        log.info("Local stack: {} up ({} ms)", name, (System.nanoTime() - stepBegin) / 1_000_000);
    }

    /**
     * Seals the platform's keys with the Vault transit key (generated the first time; keys of a work directory from
     * before Vault are sealed and their clear files deleted) using a token allowed to encrypt, revoked right after; the
     * services get a token of their own that may only decrypt, in work/keys/{@value PlatformKeys#VAULT_TOKEN}.
     */
    private void sealPlatformKeys() {
        Path keys = keysDirectory(home);
        vault.createKey(PLATFORM_TRANSIT_KEY);
        String sealer = vault.issueToken(EnumSet.of(Capability.ENCRYPT));
        try {
            PlatformKeys.sealInVault(keys, java.net.URI.create(vault.baseUrl()), sealer, PLATFORM_TRANSIT_KEY);
        } finally {
            vault.revokeToken(sealer);
        }
        Path tokenFile = keys.resolve(PlatformKeys.VAULT_TOKEN);
        try {
            if (!Files.exists(tokenFile)
                    || !vault.knowsToken(Files.readString(tokenFile).strip())) {
                PlatformKeys.writeVaultToken(keys, vault.issueToken(EnumSet.of(Capability.DECRYPT)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + tokenFile, e);
        }
    }

    /**
     * Ensures the local SNAP partner credentials exist (generated once, reused after) and registers them with the bank.
     */
    private void registerBankPartner() {
        BankPartnerCredentials credentials = bankPartnerCredentials().ensureExist();
        credentials.registerWith(bank);
        credentials.registerWith(postOffice);
        log.info(
                "Bank and post office simulators' partner {} registered from {}",
                credentials.partnerId(),
                credentials.privateKeyFile().getParent());
    }

    /**
     * The platform's master key and NIK index key (Tink keysets), generated once in work/keys, sealed by the Vault
     * simulator's transit key (work/vault) and kept with the stack's data: deleting either directory makes every sealed
     * value of this work directory unreadable, as erasure does for one person.
     */
    public static Path keysDirectory(PlatformHome home) {
        return home.workDir("keys");
    }

    /**
     * Where the platform's SNAP credentials at the local bank simulator are kept (see {@link BankPartnerCredentials}).
     */
    public BankPartnerCredentials bankPartnerCredentials() {
        return BankPartnerCredentials.local(home);
    }

    /** Each part's health, for the launcher's report and for tests. */
    public Map<String, String> health() {
        Map<String, String> health = new LinkedHashMap<>();
        health.put("infrastructure", infrastructure.description());
        health.put(
                "mariadb",
                ManagedProcess.isListening(MariaDbServer.PORT) ? "UP 127.0.0.1:" + MariaDbServer.PORT : "DOWN");
        health.put("identity-provider", identity.isReady() ? "UP " + IdentityProvider.issuerUri() : "DOWN");
        health.put("kafka", ManagedProcess.isListening(KafkaBroker.PORT) ? "UP " + kafka.bootstrapServers() : "DOWN");
        health.put("kafka-connect", connect.isRunning() ? "UP " + KafkaConnectWorker.baseUrl() : "DOWN");
        if (connect.isRunning()) {
            health.putAll(connect.health());
        }
        health.put(
                "bank-simulator",
                ManagedProcess.isListening(BANK_SIMULATOR_PORT) ? "UP :" + BANK_SIMULATOR_PORT : "DOWN");
        health.put(
                "vault-simulator",
                ManagedProcess.isListening(VAULT_PORT)
                        ? "UP :" + VAULT_PORT + " transit keys " + vault.keyNames()
                        : "DOWN");
        health.put(
                "sms-simulator", ManagedProcess.isListening(SMS_SIMULATOR_PORT) ? "UP :" + SMS_SIMULATOR_PORT : "DOWN");
        health.put(
                "post-office-simulator",
                ManagedProcess.isListening(POST_OFFICE_SIMULATOR_PORT) ? "UP :" + POST_OFFICE_SIMULATOR_PORT : "DOWN");
        return health;
    }

    public PlatformHome home() {
        return home;
    }

    public StackDatabase database() {
        return database;
    }

    public IdentityProvider identity() {
        return identity;
    }

    public StackBroker kafka() {
        return kafka;
    }

    /** The outbox relay: the Kafka Connect worker. */
    public KafkaConnectWorker connect() {
        return connect;
    }

    public BankGatewaySimulator bank() {
        return bank;
    }

    public SmsGatewaySimulator sms() {
        return sms;
    }

    /** PT Pos, where people without a bank account collect their grant in cash. */
    public PostOfficeSimulator postOffice() {
        return postOffice;
    }

    public VaultTransitSimulator vault() {
        return vault;
    }

    @Override
    public synchronized void close() {
        if (background != null) {
            // A part still starting would start after the others stopped, and stay: let it finish first.
            background.handle((done, failed) -> null).join();
        }
        List<AutoCloseable> reverse = new ArrayList<>(started);
        Collections.reverse(reverse);
        for (AutoCloseable part : reverse) {
            try {
                part.close();
            } catch (Exception e) {
                log.warn("Stopping {} failed: {}", part.getClass().getSimpleName(), e.getMessage());
            }
        }
        started.clear();
    }
}

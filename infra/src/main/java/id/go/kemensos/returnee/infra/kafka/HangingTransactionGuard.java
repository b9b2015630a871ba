package id.go.kemensos.returnee.infra.kafka;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks for {@link HangingTransactions} every {@code every} and aborts them, as the cluster's admin, so that the outbox
 * relay never stays stopped behind one (the local stack runs it from the broker's start; production's operators run
 * {@code kafka-transactions.sh find-hanging}, docs/operators.md). Patience: transactions open for less than it are never
 * looked at, and it is well above the relay's transaction timeout (10 s, infra/connect/worker.properties).
 */
public final class HangingTransactionGuard implements AutoCloseable {

    public static final Duration PATIENCE = Duration.ofMinutes(1);
    public static final Duration EVERY = Duration.ofSeconds(15);

    private static final Logger log = LoggerFactory.getLogger(HangingTransactionGuard.class);

    private final Admin admin;
    private final ScheduledExecutorService schedule;
    private final Clock clock;
    private final Duration patience;

    private HangingTransactionGuard(Admin admin, Clock clock, Duration patience) {
        this.admin = admin;
        this.clock = clock;
        this.patience = patience;
        this.schedule = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "hanging-transaction-guard");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts looking, every {@link #EVERY}, for transactions hanging longer than {@link #PATIENCE}. */
    public static HangingTransactionGuard start(String bootstrapServers) {
        Admin admin = Admin.create(KafkaAccess.asAdmin(
                bootstrapServers,
                Map.of(
                        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000)));
        HangingTransactionGuard guard = new HangingTransactionGuard(admin, Clock.systemUTC(), PATIENCE);
        guard.schedule.scheduleWithFixedDelay(
                guard::abortHanging, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
        return guard;
    }

    /** One look: each hanging transaction aborted and logged; a broker that does not answer is asked next time. */
    void abortHanging() {
        try {
            List<HangingTransactions.Open> aborted = HangingTransactions.abortHanging(admin, clock.instant(), patience);
            aborted.forEach(open -> log.warn(
                    "Aborted a hanging transaction, which its coordinator no longer ran and which held back every "
                            + "consumer reading committed records: {}",
                    open));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.debug("No look for hanging transactions this time: {}", e.toString());
        }
    }

    @Override
    public void close() {
        schedule.shutdownNow();
        admin.close(Duration.ofSeconds(2));
    }
}

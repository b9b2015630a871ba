package id.go.kemensos.returnee.bench;

import id.go.kemensos.returnee.testsupport.SyntheticReturnees;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * POSTs every returnee to the registration API from a fixed number of client threads, each sending one request at a
 * time (a closed loop, like officers at desks), or at a fixed offered rate whatever the answers (an open loop, like
 * officers across many offices), and keeps every request's latency and the moment each registration was answered. The returnees live in NTB: the NTB
 * clerk registers them, with a token asked for per request (it is cached, and renewed when a long run outlives it).
 */
final class RegistrationLoad {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final int SAMPLE_ERRORS = 3;

    /**
     * {@code created} marks the indexes answered 201; only those are expected downstream, and {@code answeredAt} says
     * when each was answered (its registration committed).
     */
    record Result(
            int requests,
            BitSet created,
            int alreadyRegistered,
            int failed,
            List<String> errorSamples,
            long elapsedNanos,
            Latencies latencies,
            Instant[] answeredAt) {

        int createdCount() {
            return created.cardinality();
        }

        double requestsPerSecond() {
            return Rates.perSecond(requests, elapsedNanos);
        }
    }

    private final URI endpoint;
    private final SyntheticReturnees returnees;
    private final int clients;
    private final PrintStream out;
    private final AtomicInteger answered = new AtomicInteger();

    RegistrationLoad(URI endpoint, SyntheticReturnees returnees, int clients, PrintStream out) {
        this.endpoint = endpoint;
        this.returnees = returnees;
        this.clients = clients;
        this.out = out;
    }

    /** Requests answered so far (any status), for progress reports from other threads. */
    int answered() {
        return answered.get();
    }

    /**
     * The closed loop.
     *
     * @param startNanos when the first request is about to go out; the elapsed time counts from here
     */
    Result run(int count, long startNanos) throws InterruptedException {
        Requests requests = new Requests(count);
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        requests.send(i);
                    }
                }));
            }
            awaitAll(workers);
        } finally {
            pool.shutdownNow();
        }
        return requests.result(startNanos);
    }

    /**
     * The open loop: request i goes out at {@code startNanos + i / perSecond}, on a thread of its own if the earlier
     * ones are still waiting, so that a slow answer delays no later request (it shows in the latencies instead).
     */
    Result runAtRate(int count, int perSecond, long startNanos) throws InterruptedException {
        Requests requests = new Requests(count);
        ExecutorService pool = Executors.newCachedThreadPool();
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                long due = startNanos + i * 1_000_000_000L / perSecond;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                int index = i;
                sent.add(pool.submit(() -> requests.send(index)));
            }
            awaitAll(sent);
        } finally {
            pool.shutdownNow();
        }
        return requests.result(startNanos);
    }

    private static void awaitAll(List<Future<?>> clients) throws InterruptedException {
        try {
            for (Future<?> client : clients) {
                client.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("registration client failed", e.getCause());
        }
    }

    /** One run's requests: what each was answered, how fast and when. */
    private final class Requests {

        private final HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        private final long[] latencies;
        private final int[] statuses;
        private final Instant[] answeredAt;
        private final List<String> errors = new ArrayList<>();

        Requests(int count) {
            latencies = new long[count];
            statuses = new int[count];
            answeredAt = new Instant[count];
        }

        void send(int index) {
            HttpRequest request = HttpRequest.newBuilder(endpoint)
                    .timeout(REQUEST_TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header("Authorization", BenchOfficers.bearer(BenchOfficers.CLERK_NTB))
                    .POST(HttpRequest.BodyPublishers.ofString(returnees.json(index)))
                    .build();
            long start = System.nanoTime();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                latencies[index] = System.nanoTime() - start;
                answeredAt[index] = Instant.now();
                statuses[index] = response.statusCode();
                answered.incrementAndGet();
                if (response.statusCode() != 201 && response.statusCode() != 200) {
                    sample(errors, "HTTP " + response.statusCode() + ": " + response.body());
                }
            } catch (java.io.IOException e) {
                latencies[index] = System.nanoTime() - start;
                statuses[index] = -1;
                answered.incrementAndGet();
                sample(errors, e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }

        Result result(long startNanos) {
            long elapsed = System.nanoTime() - startNanos;
            int count = statuses.length;
            BitSet created = new BitSet(count);
            int already = 0;
            int failed = 0;
            for (int i = 0; i < count; i++) {
                if (statuses[i] == 201) {
                    created.set(i);
                } else if (statuses[i] == 200) {
                    already++;
                } else {
                    failed++;
                }
            }
            return new Result(
                    count, created, already, failed, List.copyOf(errors), elapsed, Latencies.of(latencies), answeredAt);
        }
    }

    private void sample(List<String> errors, String error) {
        synchronized (errors) {
            if (errors.size() < SAMPLE_ERRORS) {
                errors.add(error.length() > 300 ? error.substring(0, 300) + "..." : error);
                out.println("  registration error: " + error);
            }
        }
    }
}

package id.go.kemensos.returnee.bench;

import id.go.kemensos.returnee.infra.launcher.PlatformService;
import id.go.kemensos.returnee.infra.launcher.PlatformServices;
import id.go.kemensos.returnee.infra.stack.LocalStack;
import id.go.kemensos.returnee.registration.sheet.SheetLimits;
import id.go.kemensos.returnee.registration.sheet.SheetReader;
import id.go.kemensos.returnee.registration.upload.ReturneeRowValidator;
import id.go.kemensos.returnee.registration.upload.RowVerdict;
import id.go.kemensos.returnee.registration.validation.RegionCodes;
import id.go.kemensos.returnee.testsupport.ReturneeListFile;
import id.go.kemensos.returnee.testsupport.SyntheticReturnees;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A provincial list of N rows (default 1,000,000): first parsed and validated in-process with registration's own
 * classes (rows/s of the CPU work alone), then uploaded to registration-service through its multipart endpoint, on a
 * stack of its own (only registration-service runs, so the registrations flood no downstream service). Reports the
 * service's stage timers (parse + validate, commit), rows/s committed, and the service's heap sampled through the
 * actuator by tenth of the file, to show whether memory stays flat under a deliberately small heap.
 */
final class UploadBenchmark implements AutoCloseable {

    /**
     * A small heap on purpose: an upload that held the file or its rows in memory would fail here, not just look slow.
     */
    static final String SERVICE_HEAP = "-Xms64m -Xmx256m";
    /**
     * A million-row list is far over a province's upload limits (50 MB, 250,000 rows): the benchmark raises them as an
     * operator would for a national list, so that the heap limit above is what the run tests.
     */
    static final Map<String, String> ENVIRONMENT = Map.of(
            "SERVICE_JAVA_OPTS",
            SERVICE_HEAP,
            "UPLOAD_MAX_FILE_SIZE",
            "1GB",
            "REGISTRATION_UPLOAD_LIMITS_MAX_ROWS",
            "5000000");
    /** The same limits in-process: the default ones, with the rows raised like the service's. */
    private static final SheetLimits NATIONAL_LIST = new SheetLimits(
            SheetLimits.DEFAULT.maxColumns(),
            SheetLimits.DEFAULT.maxCellLength(),
            5_000_000,
            SheetLimits.DEFAULT.maxSharedStrings(),
            SheetLimits.DEFAULT.maxSharedStringChars());

    private static final String BASE = PlatformService.REGISTRATION.baseUrl();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * Parse and validation alone, in this JVM, on the service's own classes: the CPU cost of a row without the
     * database.
     */
    record ValidationFigures(long rows, long nanos, long accepted, long rejected, long held) {

        double rowsPerSecond() {
            return Rates.perSecond(rows, nanos);
        }
    }

    record Figures(
            ReturneeListFile.Expected expected,
            long fileBytes,
            long generateNanos,
            ValidationFigures coldValidation,
            ValidationFigures validation,
            long transferNanos,
            JsonNode status,
            long processNanos,
            double readValidateSeconds,
            double commitSeconds,
            long[] heapPeakByTenth,
            long heapPeak,
            long heapMax,
            long registeredRelayed,
            long relayNanos,
            long categoryReportNanos,
            long categoryReportPeople) {

        long rows() {
            return status.get("rowsRead").asLong();
        }

        boolean countsAsExpected() {
            return rows() == expected.rows()
                    && status.get("accepted").asLong() == expected.accepted()
                    && status.get("rejected").asLong() == expected.rejected()
                    && status.get("held").asLong() == expected.held();
        }
    }

    private final LocalStack stack;
    private final RelayedEvents relayed;
    private final PlatformServices services;
    private final PrintStream out;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    UploadBenchmark(LocalStack stack, PlatformServices services, PrintStream out) {
        this.stack = stack;
        this.relayed = new RelayedEvents(stack.kafka().bootstrapServers());
        this.services = services;
        this.out = out;
    }

    Figures run(BenchOptions options) throws Exception {
        int rows = options.uploadRows();
        Path file = stack.home().workDir("bench").resolve("returnees-" + rows + ".csv");
        out.printf("== Generating a %,d-row returnee list in %s%n", rows, file);
        long generateStart = System.nanoTime();
        ReturneeListFile.Expected expected =
                new ReturneeListFile(new SyntheticReturnees(new SecureRandom())).write(file, rows);
        long generateNanos = System.nanoTime() - generateStart;
        long bytes = Files.size(file);
        out.printf(
                "   %,d bytes in %s; expected accepted %,d, rejected %,d, held %,d%n",
                bytes, Rates.secondsText(generateNanos), expected.accepted(), expected.rejected(), expected.held());

        out.println("== Parsing and validating it in-process (registration's SheetReader and ReturneeRowValidator, one "
                + "thread)");
        ValidationFigures cold = validateInProcess(file);
        out.printf("   first pass (cold JIT): %,.0f rows/s%n", cold.rowsPerSecond());
        ValidationFigures validation = validateInProcess(file);
        out.printf(
                "   second pass: %,.0f rows/s: %,d accepted, %,d rejected, %,d held (in-file duplicates are found "
                        + "at commit, not here)%n",
                validation.rowsPerSecond(), validation.accepted(), validation.rejected(), validation.held());

        out.println("== Starting registration-service alone, heap " + SERVICE_HEAP);
        services.start(PlatformService.REGISTRATION);
        long relayedBefore = registrationRelayed();

        HeapSampler heap = new HeapSampler(rows);
        ScheduledExecutorService sampler =
                Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "heap-sampler"));
        sampler.scheduleAtFixedRate(heap::sample, 0, 250, TimeUnit.MILLISECONDS);
        try {
            long transferStart = System.nanoTime();
            UUID uploadId = upload(file);
            long transferNanos = System.nanoTime() - transferStart;
            out.printf("== Uploaded in %s (upload %s); processing%n", Rates.secondsText(transferNanos), uploadId);
            long processStart = System.nanoTime();
            JsonNode status = awaitFinished(uploadId, heap, options.timeout());
            long processNanos = System.nanoTime() - processStart;
            sampler.shutdown();
            sampler.awaitTermination(5, TimeUnit.SECONDS);
            double readValidate = stageSeconds("read-validate");
            double commit = stageSeconds("commit");
            long registered = status.get("registered").asLong();
            out.printf(
                    "== Waiting for the relay to put %,d ReturneeRegistered events and UploadCompleted on Kafka%n",
                    registered);
            long relayStart = System.nanoTime();
            long relayed = awaitRelayed(relayedBefore, registered + 1, options.timeout());
            long relayNanos = System.nanoTime() - relayStart;
            // The protection officers' report by category opens every person of the province (nothing in clear).
            out.printf("== The protection officers' report by category and trafficking status over the province%n");
            long reportStart = System.nanoTime();
            JsonNode report = get(
                    "/api/protection-reports/returnees?provinceCode=52",
                    BenchOfficers.PROTECTION_NTB,
                    Duration.ofMinutes(10));
            long reportNanos = System.nanoTime() - reportStart;
            long reportPeople = report.valueStream()
                    .mapToLong(row -> row.get("registered").asLong())
                    .sum();
            return new Figures(
                    expected,
                    bytes,
                    generateNanos,
                    cold,
                    validation,
                    transferNanos,
                    status,
                    processNanos,
                    readValidate,
                    commit,
                    heap.peakByTenth(),
                    heap.peak(),
                    heapMax(),
                    relayed,
                    relayNanos,
                    reportNanos,
                    reportPeople);
        } finally {
            sampler.shutdownNow();
            Files.deleteIfExists(file);
        }
    }

    private static ValidationFigures validateInProcess(Path file) throws IOException {
        ReturneeRowValidator validator = ReturneeRowValidator.forSheets(RegionCodes.load(), Clock.systemUTC());
        long[] byOutcome = new long[RowVerdict.Outcome.values().length];
        long start = System.nanoTime();
        long rows;
        try (SheetReader reader = SheetReader.open(file, NATIONAL_LIST)) {
            reader.read(row -> byOutcome[validator.validate(row, "52").outcome().ordinal()]++);
            rows = reader.rowsRead();
        }
        long nanos = System.nanoTime() - start;
        return new ValidationFigures(
                rows,
                nanos,
                byOutcome[RowVerdict.Outcome.ACCEPTED.ordinal()],
                byOutcome[RowVerdict.Outcome.REJECTED.ordinal()],
                byOutcome[RowVerdict.Outcome.HELD_FOR_REVIEW.ordinal()]);
    }

    private UUID upload(Path file) throws IOException, InterruptedException {
        String boundary = "bench-" + UUID.randomUUID();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"provinceCode\"\r\n\r\n52\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + file.getFileName()
                + "\"\r\nContent-Type: text/csv\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        HttpRequest request = HttpRequest.newBuilder(URI.create(BASE + "/api/uploads"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", BenchOfficers.bearer(BenchOfficers.CLERK_NTB))
                .POST(HttpRequest.BodyPublishers.concat(
                        HttpRequest.BodyPublishers.ofString(head, StandardCharsets.UTF_8),
                        HttpRequest.BodyPublishers.ofFile(file),
                        HttpRequest.BodyPublishers.ofString(tail, StandardCharsets.UTF_8)))
                .timeout(Duration.ofMinutes(10))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new IllegalStateException("upload answered " + response.statusCode() + ": " + response.body());
        }
        return UUID.fromString(JSON.readTree(response.body()).get("uploadId").asString());
    }

    private JsonNode awaitFinished(UUID uploadId, HeapSampler heap, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        long lastPrint = 0;
        long started = System.nanoTime();
        while (true) {
            JsonNode status = get("/api/uploads/" + uploadId, BenchOfficers.CLERK_NTB);
            heap.rowsRead.set(status.get("rowsRead").asLong());
            String state = status.get("status").asString();
            if (!"PROCESSING".equals(state) && !"RECEIVED".equals(state)) {
                if (!"COMPLETED".equals(state)) {
                    throw new IllegalStateException("upload ended " + state + ": " + status);
                }
                return status;
            }
            long now = System.nanoTime();
            if (now - lastPrint > TimeUnit.SECONDS.toNanos(10)) {
                lastPrint = now;
                out.printf(
                        "  t=%6.1f s  rows read %,d  heap used %,d MB%n",
                        Rates.seconds(now - started), status.get("rowsRead").asLong(), heap.last() >> 20);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("upload not finished after " + timeout + ": " + status);
            }
            Thread.sleep(500);
        }
    }

    private long awaitRelayed(long before, long expected, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        long relayed;
        while ((relayed = registrationRelayed() - before) < expected
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
        }
        return relayed;
    }

    private long registrationRelayed() {
        return relayed.counts().entrySet().stream()
                .filter(e -> e.getKey().startsWith("registration"))
                .mapToLong(Map.Entry::getValue)
                .sum();
    }

    private double stageSeconds(String stage) throws Exception {
        JsonNode timer = metrics("registration.upload.stage?tag=stage:" + stage);
        for (JsonNode measurement : timer.get("measurements")) {
            if ("TOTAL_TIME".equals(measurement.get("statistic").asString())) {
                return measurement.get("value").asDouble();
            }
        }
        throw new IllegalStateException("no TOTAL_TIME for stage " + stage + ": " + timer);
    }

    private long heapMax() throws Exception {
        return (long) metrics("jvm.memory.max?tag=area:heap")
                .get("measurements")
                .get(0)
                .get("value")
                .asDouble();
    }

    /** One of the service's actuator metrics, which only the platform admin reads. */
    private JsonNode metrics(String nameAndTags) throws IOException, InterruptedException {
        return get("/actuator/metrics/" + nameAndTags, BenchOfficers.ADMIN);
    }

    /**
     * @param officer whose token goes with the request (the header is asked for each time: a long upload outlives a
     * token)
     */
    private JsonNode get(String path, String officer) throws IOException, InterruptedException {
        return get(path, officer, Duration.ofSeconds(10));
    }

    private JsonNode get(String path, String officer, Duration timeout) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(BASE + path))
                        .timeout(timeout)
                        .header("Authorization", BenchOfficers.bearer(officer))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** Heap used by the service, sampled through the actuator; the peak is kept per tenth of the rows read. */
    private final class HeapSampler {

        private final int rows;
        private final AtomicLong rowsRead = new AtomicLong();
        private final AtomicLongArray peakByTenth = new AtomicLongArray(10);
        private final AtomicLong peak = new AtomicLong();
        private final AtomicLong last = new AtomicLong();

        HeapSampler(int rows) {
            this.rows = rows;
        }

        void sample() {
            try {
                long used = (long) metrics("jvm.memory.used?tag=area:heap")
                        .get("measurements")
                        .get(0)
                        .get("value")
                        .asDouble();
                last.set(used);
                peak.accumulateAndGet(used, Math::max);
                int tenth = (int) Math.min(9, rowsRead.get() * 10 / Math.max(1, rows));
                peakByTenth.accumulateAndGet(tenth, used, Math::max);
            } catch (Exception e) {
                // a missed sample only thins the curve
            }
        }

        long last() {
            return last.get();
        }

        long peak() {
            return peak.get();
        }

        long[] peakByTenth() {
            long[] peaks = new long[10];
            for (int i = 0; i < 10; i++) {
                peaks[i] = peakByTenth.get(i);
            }
            return peaks;
        }
    }

    /** Stops counting relayed events (a Kafka consumer). */
    @Override
    public void close() {
        relayed.close();
    }
}

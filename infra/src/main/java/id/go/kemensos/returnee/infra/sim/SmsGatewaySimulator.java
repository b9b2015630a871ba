package id.go.kemensos.returnee.infra.sim;

import com.sun.net.httpserver.HttpExchange;
import id.go.kemensos.returnee.infra.sim.SimulatorHttp.Reply;
import id.go.kemensos.returnee.infra.sim.SmsApi.BatchResult;
import id.go.kemensos.returnee.infra.sim.SmsApi.BatchSendRequest;
import id.go.kemensos.returnee.infra.sim.SmsApi.BatchSendResponse;
import id.go.kemensos.returnee.infra.sim.SmsApi.DeliveryReport;
import id.go.kemensos.returnee.infra.sim.SmsApi.DeliveryReports;
import id.go.kemensos.returnee.infra.sim.SmsApi.DeliverySettings;
import id.go.kemensos.returnee.infra.sim.SmsApi.SendRequest;
import id.go.kemensos.returnee.infra.sim.SmsApi.SendResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An SMS aggregator: accepts messages one by one or up to 100 in a request (idempotent by {@code clientRef}), bills them
 * in GSM-7 or UCS-2 segments, and later reports DELIVERED or FAILED by polling and, when a {@code callbackUrl} was
 * given, by delivery-receipt POSTs that carry the receipts gathered for that URL in the last tenth of a second, as
 * aggregators' webhooks do ({@code {"results": [...]}}).
 */
public final class SmsGatewaySimulator extends GatewaySimulator {

    public static final int DEFAULT_PORT = 8092;
    public static final long DEFAULT_DELIVERY_DELAY_MILLIS = 50;

    private static final String MESSAGES = "/sms/v1/messages";
    private static final String BATCH = MESSAGES + "/batch";
    private static final long RECEIPT_INTERVAL_MILLIS = 100;

    /**
     * Body of {@code GET /sim/stats}; {@code requests} counts send requests only (a batch is one), not status polls;
     * {@code duplicateRequests} counts messages sent again under a clientRef already accepted.
     */
    public record SmsStats(long requests, long acceptedMessages, long duplicateRequests, long faultsInjected) {}

    /** What a clientRef resolved to; the answer is replayed verbatim for duplicates. */
    private record Acceptance(SendResponse response) {}

    private final Random random;
    private final ConcurrentMap<String, Acceptance> byClientRef = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, AcceptedSms> byId = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, AtomicInteger> acceptances = new ConcurrentHashMap<>();
    /** Never reset, so message ids stay unique across resets. */
    private final AtomicLong messageSequence = new AtomicLong();

    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong duplicateRequests = new AtomicLong();
    /** Receipts waiting for the next POST to their callback URL. */
    private final ConcurrentMap<String, Queue<DeliveryReport>> pendingReceipts = new ConcurrentHashMap<>();

    private final HttpClient callbackClient =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private volatile long deliveryDelayMillis = DEFAULT_DELIVERY_DELAY_MILLIS;
    private volatile double deliveryFailureRate;
    private volatile double receiptLossRate;
    private volatile ScheduledExecutorService deliveries;
    /**
     * Shared with the receiver, who checks every receipt's signature; the local stack's notification-service has the
     * same.
     */
    private volatile byte[] receiptSecret = "sms-receipts-local".getBytes(StandardCharsets.UTF_8);

    public SmsGatewaySimulator() {
        this(DEFAULT_PORT);
    }

    public SmsGatewaySimulator(int port) {
        this(port, new Random());
    }

    public SmsGatewaySimulator(int port, Random random) {
        super("sms-gateway-sim", port, random);
        this.random = random;
    }

    public void setDeliveryDelayMillis(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("delivery delay must be >= 0");
        }
        deliveryDelayMillis = millis;
    }

    /** Share of accepted messages that end FAILED (handset off, number inactive) instead of DELIVERED. */
    public void setDeliveryFailureRate(double rate) {
        FaultProfile.requireRate("delivery failure rate", rate);
        deliveryFailureRate = rate;
    }

    /**
     * Share of delivery receipts never posted to the sender (its receiver was down, the network dropped it); the
     * message's status can still be asked for ({@code GET /sms/v1/messages/{id}}).
     */
    public void setReceiptLossRate(double rate) {
        FaultProfile.requireRate("receipt loss rate", rate);
        receiptLossRate = rate;
    }

    /** Current state of every accepted message, in acceptance order. */
    public List<AcceptedSms> acceptedMessages() {
        return byId.values().stream()
                .sorted(Comparator.comparingLong(
                        m -> Long.parseLong(m.messageId().substring(4))))
                .toList();
    }

    public List<AcceptedSms> messagesTo(String e164) {
        return acceptedMessages().stream().filter(m -> m.to().equals(e164)).toList();
    }

    public int acceptedCount() {
        return byId.size();
    }

    /** Times a clientRef was actually accepted: 0 or 1 by construction, counted independently so tests can prove it. */
    public int acceptancesOf(String clientRef) {
        AtomicInteger count = acceptances.get(clientRef);
        return count == null ? 0 : count.get();
    }

    public SmsStats stats() {
        return new SmsStats(requests.get(), byId.size(), duplicateRequests.get(), faultsInjected());
    }

    @Override
    protected void onStart() {
        deliveries = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sms-gateway-sim-delivery");
            t.setDaemon(true);
            return t;
        });
        deliveries.scheduleWithFixedDelay(
                this::postReceipts, RECEIPT_INTERVAL_MILLIS, RECEIPT_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    protected void onStop() {
        deliveries.shutdownNow();
    }

    /** Also restores the default delivery delay and zero delivery failure and receipt loss rates. */
    @Override
    protected void clearState() {
        byClientRef.clear();
        byId.clear();
        acceptances.clear();
        pendingReceipts.clear();
        requests.set(0);
        duplicateRequests.set(0);
        deliveryDelayMillis = DEFAULT_DELIVERY_DELAY_MILLIS;
        deliveryFailureRate = 0;
        receiptLossRate = 0;
    }

    @Override
    protected boolean route(HttpExchange exchange, String method, String path) throws IOException {
        if (method.equals("GET") && path.startsWith(MESSAGES + "/")) {
            String messageId = path.substring(MESSAGES.length() + 1);
            withFaults(exchange, SmsApi::fault, () -> report(messageId));
            return true;
        }
        switch (method + " " + path) {
            case "POST " + MESSAGES -> {
                requests.incrementAndGet();
                SendRequest request = SimulatorHttp.readJson(exchange, SendRequest.class);
                withFaults(exchange, SmsApi::fault, () -> accept(request));
            }
            case "POST " + BATCH -> {
                requests.incrementAndGet();
                BatchSendRequest request = SimulatorHttp.readJson(exchange, BatchSendRequest.class);
                withFaults(exchange, SmsApi::fault, () -> acceptBatch(request));
            }
            case "GET /sim/messages" -> SimulatorHttp.sendJson(exchange, 200, acceptedMessages());
            case "GET /sim/stats" -> SimulatorHttp.sendJson(exchange, 200, stats());
            case "PUT /sim/delivery" -> {
                DeliverySettings settings = SimulatorHttp.readJson(exchange, DeliverySettings.class);
                setDeliveryDelayMillis(settings.delayMillis());
                setDeliveryFailureRate(settings.failureRate());
                SimulatorHttp.sendJson(exchange, 200, settings);
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private Reply accept(SendRequest request) {
        String invalid = SmsApi.validationError(request);
        if (invalid != null) {
            return new Reply(400, Map.of("error", invalid));
        }
        return new Reply(202, acceptOnce(request).response());
    }

    /** Each message is accepted or rejected on its own, as a single send would be; the batch itself only if too big. */
    private Reply acceptBatch(BatchSendRequest request) {
        if (request.messages() == null || request.messages().isEmpty()) {
            return new Reply(400, Map.of("error", "EMPTY_BATCH"));
        }
        if (request.messages().size() > SmsApi.MAX_BATCH) {
            return new Reply(400, Map.of("error", "TOO_MANY_MESSAGES", "max", SmsApi.MAX_BATCH));
        }
        List<BatchResult> results = new ArrayList<>();
        for (SendRequest message : request.messages()) {
            String invalid = SmsApi.validationError(message);
            if (invalid != null) {
                results.add(new BatchResult(message.clientRef(), null, "REJECTED", null, null, invalid));
                continue;
            }
            SendResponse accepted = acceptOnce(message).response();
            results.add(new BatchResult(
                    message.clientRef(),
                    accepted.messageId(),
                    accepted.status(),
                    accepted.segments(),
                    accepted.encoding(),
                    null));
        }
        return new Reply(200, new BatchSendResponse(results));
    }

    private Acceptance acceptOnce(SendRequest request) {
        boolean[] fresh = {false};
        // computeIfAbsent accepts at most once per clientRef, even for concurrent retries.
        Acceptance acceptance = byClientRef.computeIfAbsent(request.clientRef(), ref -> {
            fresh[0] = true;
            return store(request);
        });
        if (!fresh[0]) {
            duplicateRequests.incrementAndGet();
            log.info(
                    "SMS clientRef {} is a duplicate of {}",
                    request.clientRef(),
                    acceptance.response().messageId());
        }
        return acceptance;
    }

    private Acceptance store(SendRequest request) {
        String messageId = "SMS-" + messageSequence.incrementAndGet();
        int segments = Gsm7.segments(request.text());
        String encoding = Gsm7.encoding(request.text());
        AcceptedSms accepted = new AcceptedSms(
                messageId,
                request.clientRef(),
                request.to(),
                request.text(),
                segments,
                encoding,
                Instant.now(),
                "ACCEPTED",
                null);
        byId.put(messageId, accepted);
        acceptances
                .computeIfAbsent(request.clientRef(), ref -> new AtomicInteger())
                .incrementAndGet();
        deliveries.schedule(() -> deliver(accepted, request.callbackUrl()), deliveryDelayMillis, TimeUnit.MILLISECONDS);
        log.info(
                "SMS {} accepted for {}: {} segment(s) {}",
                messageId,
                SimulatorHttp.mask(request.to()),
                segments,
                encoding);
        return new Acceptance(new SendResponse(messageId, "ACCEPTED", segments, encoding));
    }

    private void deliver(AcceptedSms accepted, String callbackUrl) {
        boolean failed = random.nextDouble() < deliveryFailureRate;
        AcceptedSms done = new AcceptedSms(
                accepted.messageId(),
                accepted.clientRef(),
                accepted.to(),
                accepted.text(),
                accepted.segments(),
                accepted.encoding(),
                accepted.acceptedAt(),
                failed ? "FAILED" : "DELIVERED",
                failed ? null : Instant.now());
        // replace() only if still the stored one: a reset in between means nobody awaits this receipt any more.
        if (!byId.replace(accepted.messageId(), accepted, done)) {
            return;
        }
        log.info("SMS {} to {} {}", done.messageId(), SimulatorHttp.mask(done.to()), done.status());
        if (callbackUrl != null && random.nextDouble() < receiptLossRate) {
            log.info("SMS {} receipt lost on its way (simulated)", done.messageId());
        } else if (callbackUrl != null) {
            pendingReceipts
                    .computeIfAbsent(callbackUrl, url -> new ConcurrentLinkedQueue<>())
                    .add(toReport(done));
        }
    }

    public void setReceiptSigningSecret(String secret) {
        receiptSecret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** Posts each callback URL's gathered receipts, at most {@link SmsApi#MAX_BATCH} in a POST. */
    private void postReceipts() {
        pendingReceipts.forEach((callbackUrl, queue) -> {
            List<DeliveryReport> reports = new ArrayList<>();
            for (DeliveryReport report = queue.poll(); report != null; report = queue.poll()) {
                reports.add(report);
                if (reports.size() == SmsApi.MAX_BATCH) {
                    sendReceipts(callbackUrl, reports);
                    reports = new ArrayList<>();
                }
            }
            if (!reports.isEmpty()) {
                sendReceipts(callbackUrl, reports);
            }
        });
    }

    /**
     * Fire-and-forget like a real aggregator: a receiver that is down just misses the receipts (polling still works).
     * Signed as aggregators sign webhooks:
     * {@code X-Receipt-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t." + body>}.
     */
    private void sendReceipts(String callbackUrl, List<DeliveryReport> reports) {
        byte[] body = SimulatorHttp.JSON.writeValueAsBytes(new DeliveryReports(reports));
        HttpRequest post = HttpRequest.newBuilder(URI.create(callbackUrl))
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .header("X-Receipt-Signature", receiptSignature(Instant.now().getEpochSecond(), body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        callbackClient.sendAsync(post, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            if (error != null) {
                log.warn("{} SMS receipt(s) to {} failed: {}", reports.size(), callbackUrl, error.toString());
            } else if (response.statusCode() >= 300) {
                log.warn("{} SMS receipt(s) to {} answered {}", reports.size(), callbackUrl, response.statusCode());
            }
        });
    }

    String receiptSignature(long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(receiptSecret, "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private Reply report(String messageId) {
        AcceptedSms message = byId.get(messageId);
        return message == null ? new Reply(404, Map.of("error", "NOT_FOUND")) : new Reply(200, toReport(message));
    }

    private static DeliveryReport toReport(AcceptedSms message) {
        return new DeliveryReport(message.messageId(), message.clientRef(), message.status(), message.deliveredAt());
    }
}

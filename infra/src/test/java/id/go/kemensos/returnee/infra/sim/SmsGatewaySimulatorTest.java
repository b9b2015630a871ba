package id.go.kemensos.returnee.infra.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import id.go.kemensos.returnee.infra.sim.SimClient.Response;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SmsGatewaySimulatorTest {

    private static final String SITI = "+6281234561234";
    private static final String NOTICE = "Yth. SITI AMINAH, Anda terdaftar sbg calon penerima bantuan usaha Kemensos. "
            + "Petugas TIDAK PERNAH meminta PIN, OTP atau biaya. Info: Dinsos setempat/171";

    private SmsGatewaySimulator sms;
    private SimClient client;

    @BeforeEach
    void start() {
        sms = new SmsGatewaySimulator(0, new Random(7));
        sms.start();
        client = new SimClient(sms);
    }

    @AfterEach
    void stop() {
        sms.close();
    }

    @Test
    void acceptsOnceByClientRef() {
        String clientRef = UUID.randomUUID().toString();

        Response first = send(clientRef, SITI, NOTICE);
        Response repeat = send(clientRef, SITI, NOTICE);

        assertThat(first.status()).isEqualTo(202);
        assertThat(first.field("messageId")).matches("SMS-\\d+");
        assertThat(first.field("status")).isEqualTo("ACCEPTED");
        assertThat(first.json().get("segments").asInt()).isEqualTo(1);
        assertThat(first.field("encoding")).isEqualTo("GSM7");
        assertThat(repeat.status()).isEqualTo(202);
        assertThat(repeat.field("messageId")).isEqualTo(first.field("messageId"));
        assertThat(sms.acceptedCount()).isEqualTo(1);
        assertThat(sms.acceptancesOf(clientRef)).isEqualTo(1);
        assertThat(sms.messagesTo(SITI))
                .singleElement()
                .satisfies(m -> assertThat(m.text()).isEqualTo(NOTICE));
        JsonNode stats = client.get("/sim/stats").json();
        assertThat(stats.get("requests").asLong()).isEqualTo(2);
        assertThat(stats.get("acceptedMessages").asLong()).isEqualTo(1);
        assertThat(stats.get("duplicateRequests").asLong()).isEqualTo(1);
    }

    @Test
    void rejectsNumbersNotInE164AndEmptyTexts() {
        for (String number : List.of("081234561234", "+62 812 3456 1234", "+0812345678", "+62812")) {
            Response reply = send(UUID.randomUUID().toString(), number, NOTICE);
            assertThat(reply.status()).as(number).isEqualTo(400);
            assertThat(reply.field("error")).isEqualTo("INVALID_NUMBER");
        }
        assertThat(send(UUID.randomUUID().toString(), SITI, "").status()).isEqualTo(400);
        assertThat(sms.acceptedCount()).isZero();
    }

    @Test
    void billsSegmentsByEncoding() {
        assertSegments("a".repeat(160), 1, "GSM7");
        assertSegments("a".repeat(161), 2, "GSM7");
        assertSegments("a".repeat(159) + "€", 2, "GSM7");
        assertSegments("Bantuan untuk Ibu Sitā", 1, "UCS2");
        assertSegments("Selamat datang 🎉", 1, "UCS2");
        assertSegments("🎉" + "a".repeat(69), 2, "UCS2");
    }

    @Test
    void deliveryReceiptIsAvailableByPolling() {
        String messageId = send(UUID.randomUUID().toString(), SITI, NOTICE).field("messageId");

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            Response status = client.get("/sms/v1/messages/" + messageId);
            assertThat(status.field("status")).isEqualTo("DELIVERED");
            assertThat(status.field("deliveredAt")).isNotNull();
        });
        assertThat(sms.acceptedMessages())
                .singleElement()
                .satisfies(m -> assertThat(m.status()).isEqualTo("DELIVERED"));
        assertThat(client.get("/sms/v1/messages/SMS-999999").status()).isEqualTo(404);
    }

    @Test
    void deliveryCanFail() {
        sms.setDeliveryFailureRate(1.0);
        String messageId = send(UUID.randomUUID().toString(), SITI, NOTICE).field("messageId");

        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(
                                client.get("/sms/v1/messages/" + messageId).field("status"))
                        .isEqualTo("FAILED"));
    }

    @Test
    void deliveryReceiptIsPostedToTheCallbackUrl() throws IOException {
        List<JsonNode> receipts = new CopyOnWriteArrayList<>();
        withReceiver(receipts, callbackUrl -> {
            String clientRef = UUID.randomUUID().toString();
            String messageId = sendWithCallback(clientRef, callbackUrl);

            await().atMost(Duration.ofSeconds(5)).until(() -> !receipts.isEmpty());
            JsonNode receipt = receipts.get(0).get("results").get(0);
            assertThat(receipts.get(0).get("results").size()).isEqualTo(1);
            assertThat(receipt.get("messageId").asString()).isEqualTo(messageId);
            assertThat(receipt.get("clientRef").asString()).isEqualTo(clientRef);
            assertThat(receipt.get("status").asString()).isEqualTo("DELIVERED");
            assertThat(receipt.get("deliveredAt").isNull()).isFalse();
        });
    }

    @Test
    void aBatchIsAcceptedMessageByMessageOnceEachAndItsReceiptsComeBackTogether() throws IOException {
        List<JsonNode> receipts = new CopyOnWriteArrayList<>();
        withReceiver(receipts, callbackUrl -> {
            String first = UUID.randomUUID().toString();
            String second = UUID.randomUUID().toString();
            String invalid = UUID.randomUUID().toString();
            List<Map<String, String>> messages = List.of(
                    message(first, SITI, callbackUrl),
                    message(invalid, "081234561234", callbackUrl),
                    message(second, "+6281234569876", callbackUrl));

            Response batch = client.post("/sms/v1/messages/batch", Map.of("messages", messages));
            Response repeat = client.post("/sms/v1/messages/batch", Map.of("messages", messages));

            assertThat(batch.status()).isEqualTo(200);
            JsonNode results = batch.json().get("results");
            assertThat(results.size()).isEqualTo(3);
            assertThat(results.get(0).get("clientRef").asString()).isEqualTo(first);
            assertThat(results.get(0).get("status").asString()).isEqualTo("ACCEPTED");
            assertThat(results.get(0).get("messageId").asString()).matches("SMS-\\d+");
            assertThat(results.get(1).get("status").asString()).isEqualTo("REJECTED");
            assertThat(results.get(1).get("error").asString()).isEqualTo("INVALID_NUMBER");
            assertThat(results.get(2).get("status").asString()).isEqualTo("ACCEPTED");
            assertThat(repeat.json().get("results").get(2).get("messageId").asString())
                    .isEqualTo(results.get(2).get("messageId").asString());
            assertThat(sms.acceptedCount()).isEqualTo(2);
            assertThat(sms.acceptancesOf(first)).isEqualTo(1);
            assertThat(sms.stats().requests()).isEqualTo(2);
            assertThat(sms.stats().duplicateRequests()).isEqualTo(2);

            // Both messages are delivered within the receipt interval of each other: one POST carries both.
            await().atMost(Duration.ofSeconds(5)).until(() -> !receipts.isEmpty());
            assertThat(receipts)
                    .singleElement()
                    .satisfies(
                            posted -> assertThat(posted.get("results").size()).isEqualTo(2));
        });
    }

    @Test
    void aBatchOverTheLimitIsRefusedWhole() {
        List<Map<String, String>> messages = new java.util.ArrayList<>();
        for (int i = 0; i < 101; i++) {
            messages.add(Map.of("clientRef", UUID.randomUUID().toString(), "to", SITI, "text", NOTICE));
        }

        Response refused = client.post("/sms/v1/messages/batch", Map.of("messages", messages));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.field("error")).isEqualTo("TOO_MANY_MESSAGES");
        assertThat(sms.acceptedCount()).isZero();
    }

    @Test
    void aLostReceiptNeverReachesTheSenderWhoCanStillAskForTheStatus() throws IOException {
        sms.setReceiptLossRate(1.0);
        List<JsonNode> receipts = new CopyOnWriteArrayList<>();
        withReceiver(receipts, callbackUrl -> {
            String messageId = sendWithCallback(UUID.randomUUID().toString(), callbackUrl);

            await().atMost(Duration.ofSeconds(5))
                    .until(() -> "DELIVERED"
                            .equals(client.get("/sms/v1/messages/" + messageId).field("status")));
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(receipts::isEmpty);
        });
    }

    private static Map<String, String> message(String clientRef, String to, String callbackUrl) {
        return Map.of("clientRef", clientRef, "to", to, "text", NOTICE, "callbackUrl", callbackUrl);
    }

    private String sendWithCallback(String clientRef, String callbackUrl) {
        Map<String, String> body = new HashMap<>(Map.of("clientRef", clientRef, "to", SITI, "text", NOTICE));
        body.put("callbackUrl", callbackUrl);
        return client.post("/sms/v1/messages", body).field("messageId");
    }

    /** Runs the test with a receiver of receipts listening at the URL it is given. */
    private static void withReceiver(List<JsonNode> receipts, java.util.function.Consumer<String> test)
            throws IOException {
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/receipts", exchange -> {
            receipts.add(SimulatorHttp.JSON.readTree(exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            test.accept("http://127.0.0.1:" + receiver.getAddress().getPort() + "/receipts");
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void lostReplyStillAcceptsAndARetryGetsTheSameMessageId() {
        sms.faults(FaultProfile.lostReplies(1.0, 200));
        String clientRef = UUID.randomUUID().toString();

        Response lost = send(clientRef, SITI, NOTICE);

        assertThat(lost.status()).isEqualTo(504);
        assertThat(sms.acceptancesOf(clientRef)).isEqualTo(1);
        sms.faults(FaultProfile.NONE);
        Response retry = send(clientRef, SITI, NOTICE);
        assertThat(retry.status()).isEqualTo(202);
        assertThat(retry.field("messageId"))
                .isEqualTo(sms.acceptedMessages().get(0).messageId());
        assertThat(sms.acceptedCount()).isEqualTo(1);
    }

    @Test
    void injectedErrorsAcceptNothing() {
        client.put("/sim/faults", Map.of("errorRate", 1.0));

        Response reply = send(UUID.randomUUID().toString(), SITI, NOTICE);

        assertThat(reply.status()).isEqualTo(500);
        assertThat(sms.acceptedCount()).isZero();
        assertThat(client.get("/sim/stats").json().get("faultsInjected").asLong())
                .isEqualTo(1);
        client.post("/sim/reset", Map.of());
        assertThat(sms.faults()).isEqualTo(FaultProfile.NONE);
        assertThat(send(UUID.randomUUID().toString(), SITI, NOTICE).status()).isEqualTo(202);
        assertThat(client.get("/sim/messages").json().size()).isEqualTo(1);
    }

    private void assertSegments(String text, int segments, String encoding) {
        Response reply = send(UUID.randomUUID().toString(), SITI, text);
        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.json().get("segments").asInt()).as(text).isEqualTo(segments);
        assertThat(reply.field("encoding")).as(text).isEqualTo(encoding);
    }

    private Response send(String clientRef, String to, String text) {
        return client.post("/sms/v1/messages", Map.of("clientRef", clientRef, "to", to, "text", text));
    }
}

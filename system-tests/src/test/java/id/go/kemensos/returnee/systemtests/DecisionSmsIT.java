package id.go.kemensos.returnee.systemtests;

import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.kemensos.returnee.contracts.notification.NotificationTopics;
import id.go.kemensos.returnee.contracts.notification.SmsDelivered;
import id.go.kemensos.returnee.contracts.notification.SmsPreferencesSet;
import id.go.kemensos.returnee.contracts.notification.SmsWithheld;
import id.go.kemensos.returnee.infra.launcher.PlatformService;
import id.go.kemensos.returnee.infra.sim.AcceptedSms;
import id.go.kemensos.returnee.infra.sim.FaultProfile;
import id.go.kemensos.returnee.testsupport.EventLog;
import id.go.kemensos.returnee.testsupport.OfficerLogin;
import id.go.kemensos.returnee.testsupport.PlatformIntegrationTest;
import id.go.kemensos.returnee.testsupport.ReturneeMother;
import id.go.kemensos.returnee.testsupport.RunningPlatform;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The grant decision told by SMS: what the person is entitled to, or why not and how to ask for review; in English for
 * someone who asked for it; nothing for someone who opted out, then or after opting back in; never a word about a
 * trafficking-law decision. A delivery receipt lost on its way is asked for at the gateway.
 */
@PlatformIntegrationTest
class DecisionSmsIT {

    private static RunningPlatform platform;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.start();
    }

    @Test
    void decisionsAreToldInThePersonsLanguageExceptToWhoeverOptedOut() throws Exception {
        Map<String, Object> notInDtks = ReturneeMother.laluZainiLombokTimur();
        notInDtks.put("dtsenDecile", 8); // a returned worker above the grant's decile threshold: refused
        Map<String, Object> english = ReturneeMother.sitiAminahLombokTengah();
        english.put("category", "KPO");
        english.put("referralSource", "POLRI");
        Map<String, Object> optedOut = ReturneeMother.sitiAminahLombokTengah();
        UUID[] optedOutId = new UUID[1];
        UUID[] englishId = new UUID[1];

        // Decisions wait while the returnees' wishes are recorded at the desk.
        platform.services().stop(PlatformService.ELIGIBILITY);
        try {
            platform.registration().register(notInDtks);
            englishId[0] = platform.registration().register(english);
            optedOutId[0] = platform.registration().register(optedOut);
            await().atMost(ofSeconds(30))
                    .until(() -> preferences(englishId[0], Map.of("language", "en")) == 200
                            && preferences(optedOutId[0], Map.of("optedOut", true)) == 200);
            assertThat(preferences(englishId[0], Map.of("language", "fr"))).isEqualTo(400);
        } finally {
            platform.services().start(PlatformService.ELIGIBILITY);
        }

        await().atMost(ofSeconds(60))
                .untilAsserted(() -> assertThat(texts(notInDtks))
                        .anySatisfy(text -> assertThat(text)
                                .contains("belum memenuhi syarat", "belum terdata miskin di DTSEN", "peninjauan")
                                .hasSizeLessThanOrEqualTo(160)));
        await().atMost(ofSeconds(60))
                .untilAsserted(() -> assertThat(texts(english))
                        .anySatisfy(text ->
                                assertThat(text).startsWith("Dear SITI AMINAH").contains("ELIGIBLE", "Rp960.000")));
        await().atMost(ofSeconds(60))
                .untilAsserted(() -> assertThat(texts(english))
                        .anySatisfy(text -> assertThat(text).contains("was sent to BRI")));
        // Delivery receipts come back from the gateway: each message ends DELIVERED, with its SmsDelivered event.
        await().atMost(ofSeconds(30))
                .until(() -> platform.database()
                                .count(
                                        "SELECT COUNT(*) FROM notification.sms_message "
                                                + "WHERE beneficiary_id = ? AND state = 'DELIVERED'",
                                        englishId[0])
                        == 4);
        EventLog log = new EventLog(platform.stack().kafka().bootstrapServers());
        await().atMost(ofSeconds(30))
                .untilAsserted(() -> assertThat(log.cloudEvents(NotificationTopics.EVENTS, englishId[0].toString()))
                        .filteredOn(e -> e.getType().equals(SmsDelivered.EVENT_TYPE.type()))
                        .hasSize(4));
        // The wishes are events too (consent is personal data's basis): one each, none for the refused "fr" or a
        // repeat.
        assertThat(log.cloudEvents(NotificationTopics.EVENTS, englishId[0].toString()))
                .filteredOn(e -> e.getType().equals(SmsPreferencesSet.EVENT_TYPE.type()))
                .hasSize(1);
        assertThat(log.cloudEvents(NotificationTopics.EVENTS, optedOutId[0].toString()))
                .filteredOn(e -> e.getType().equals(SmsPreferencesSet.EVENT_TYPE.type()))
                .singleElement()
                .satisfies(e -> assertThat(new String(e.getData().toBytes(), java.nio.charset.StandardCharsets.UTF_8))
                        .contains(
                                "\"optedOut\":true",
                                "\"changed\":[\"optedOut\"]",
                                "\"recordedBy\":\"" + OfficerSubjects.of(OfficerLogin.CLERK_NTB) + "\""));
        assertThat(texts(english))
                .as("the trafficking law's decision is never told by SMS; that support is available, in plain words")
                .hasSize(4)
                .anySatisfy(text -> assertThat(text).startsWith("Dear SITI AMINAH, you are entitled to support."))
                .allSatisfy(text -> assertThat(text.toLowerCase())
                        .doesNotContain("korban", "trafficking", "victim", "perdagangan"));
        // Paid like anyone else, but told nothing after the opt-out (at most the registration SMS, if it left before).
        await().atMost(ofSeconds(60))
                .until(() -> platform.database()
                                .count(
                                        "SELECT COUNT(*) FROM disbursement.payment_intent "
                                                + "WHERE beneficiary_id = ? AND state = 'SETTLED'",
                                        optedOutId[0])
                        == 1);
        await().during(ofSeconds(3))
                .atMost(ofSeconds(10))
                .untilAsserted(() -> assertThat(texts(optedOut))
                        .hasSizeLessThanOrEqualTo(1)
                        .allSatisfy(text -> assertThat(text).contains("terdaftar")));
        // Withheld for good, each with its event, not waiting: opting back in sends none of them. (The payment's
        // message is
        // queued when notification-service reads the settlement, a moment after disbursement records it.)
        await().atMost(ofSeconds(30)).untilAsserted(() -> {
            assertThat(platform.database()
                            .rows(
                                    "SELECT template FROM notification.sms_message WHERE beneficiary_id = ? AND "
                                            + "state = 'WITHHELD'",
                                    optedOutId[0]))
                    .extracting(row -> row.get("template"))
                    .contains("ELIGIBLE", "PAYMENT_SENT");
            assertThat(platform.database()
                            .count(
                                    "SELECT COUNT(*) FROM notification.sms_message WHERE beneficiary_id = ? AND "
                                            + "state = 'QUEUED'",
                                    optedOutId[0]))
                    .isZero();
            long withheld = platform.database()
                    .count(
                            "SELECT COUNT(*) FROM notification.sms_message WHERE beneficiary_id = ? "
                                    + "AND state = 'WITHHELD'",
                            optedOutId[0]);
            assertThat(log.cloudEvents(NotificationTopics.EVENTS, optedOutId[0].toString()))
                    .filteredOn(e -> e.getType().equals(SmsWithheld.EVENT_TYPE.type()))
                    .hasSize((int) withheld);
        });
        int textsBefore = texts(optedOut).size();
        assertThat(preferences(optedOutId[0], Map.of("optedOut", false))).isEqualTo(200);
        await().during(ofSeconds(3))
                .atMost(ofSeconds(10))
                .untilAsserted(() -> assertThat(texts(optedOut)).hasSize(textsBefore));
    }

    @Test
    void aReceiptLostOnItsWayIsAskedForAtTheGatewayAndTheMessageStillEndsDelivered() {
        platform.stack().sms().setReceiptLossRate(1.0);
        try {
            UUID person = platform.registration().register(ReturneeMother.laluZainiLombokTimur());

            // Delivered to the phone, but the gateway's receipt never reaches notification-service: it asks the
            // gateway.
            await().atMost(ofSeconds(60))
                    .until(() -> platform.database()
                                    .count(
                                            "SELECT COUNT(*) FROM notification.sms_message "
                                                    + "WHERE beneficiary_id = ? AND template = 'REGISTERED' AND "
                                                    + "state = 'DELIVERED' AND receipt_checks >= 1",
                                            person)
                            == 1);
            EventLog log = new EventLog(platform.stack().kafka().bootstrapServers());
            await().atMost(ofSeconds(30))
                    .untilAsserted(() -> assertThat(log.cloudEvents(NotificationTopics.EVENTS, person.toString()))
                            .filteredOn(e -> e.getType().equals(SmsDelivered.EVENT_TYPE.type()))
                            .isNotEmpty());
        } finally {
            platform.stack().sms().setReceiptLossRate(0);
        }
    }

    @Test
    void anOptOutWhileAMessageIsOnItsWayLeavesItToTheGatewaysAnswer() {
        EventLog log = new EventLog(platform.stack().kafka().bootstrapServers());

        // The gateway is slow: the registration SMS is on its way when the person opts out. The gateway takes it, so
        // it was sent, and no event says it was withheld.
        platform.stack().sms().faults(FaultProfile.latency(2_000));
        Map<String, Object> slow = ReturneeMother.laluZainiLombokTimur();
        UUID slowId;
        try {
            slowId = platform.registration().register(slow);
            await().atMost(ofSeconds(60)).pollInterval(ofMillis(50)).until(() -> onItsWay(slowId) == 1);
            assertThat(preferences(slowId, Map.of("optedOut", true))).isEqualTo(200);
        } finally {
            platform.stack().sms().faults(FaultProfile.NONE);
        }
        await().atMost(ofSeconds(30)).until(() -> registeredSms(slowId, "DELIVERED") == 1);
        assertThat(texts(slow)).anySatisfy(text -> assertThat(text).contains("terdaftar"));

        // The gateway refuses: the message waits to retry when the person opts out. It is withheld when it comes due,
        // with its event, and never sent.
        platform.stack().sms().faults(FaultProfile.errors(1.0));
        Map<String, Object> refused = ReturneeMother.baiqNurulLombokUtara();
        UUID refusedId;
        try {
            refusedId = platform.registration().register(refused);
            await().atMost(ofSeconds(60))
                    .until(() -> platform.database()
                                    .count(
                                            "SELECT COUNT(*) FROM notification.sms_message WHERE beneficiary_id = ? "
                                                    + "AND template = 'REGISTERED' AND last_error IS NOT NULL",
                                            refusedId)
                            == 1);
            assertThat(preferences(refusedId, Map.of("optedOut", true))).isEqualTo(200);
        } finally {
            platform.stack().sms().faults(FaultProfile.NONE);
        }
        await().atMost(ofSeconds(30)).until(() -> registeredSms(refusedId, "WITHHELD") == 1);
        assertThat(texts(refused)).isEmpty();

        // Every message withheld has its event, and only those.
        for (UUID person : List.of(slowId, refusedId)) {
            await().atMost(ofSeconds(30))
                    .untilAsserted(() -> assertThat(log.cloudEvents(NotificationTopics.EVENTS, person.toString()))
                            .filteredOn(e -> e.getType().equals(SmsWithheld.EVENT_TYPE.type()))
                            .hasSize((int) platform.database()
                                    .count(
                                            "SELECT COUNT(*) FROM notification.sms_message WHERE beneficiary_id = ? "
                                                    + "AND state = 'WITHHELD'",
                                            person)));
        }
        assertThat(platform.database()
                        .count(
                                "SELECT COUNT(*) FROM notification.sms_message WHERE beneficiary_id = ? "
                                        + "AND state = 'WITHHELD' AND template = 'REGISTERED'",
                                slowId))
                .isZero();
    }

    /** The person's registration SMS, claimed for sending and not yet answered by the gateway. */
    private static long onItsWay(UUID beneficiary) {
        return platform.database()
                .count(
                        "SELECT COUNT(*) FROM notification.sms_message WHERE beneficiary_id = ? AND template = "
                                + "'REGISTERED' AND state = 'QUEUED' AND attempts >= 1 AND last_error IS NULL",
                        beneficiary);
    }

    private static long registeredSms(UUID beneficiary, String state) {
        return platform.database()
                .count(
                        "SELECT COUNT(*) FROM notification.sms_message WHERE beneficiary_id = ? AND template = "
                                + "'REGISTERED' AND state = ?",
                        beneficiary,
                        state);
    }

    private static List<String> texts(Map<String, Object> returnee) {
        return platform.stack().sms().messagesTo(ReturneeMother.phoneE164(returnee)).stream()
                .map(AcceptedSms::text)
                .toList();
    }

    /**
     * The returnee's wishes, recorded at the NTB desk by the NTB clerk (the recorder is the clerk's token, not the
     * body).
     */
    private static int preferences(UUID beneficiary, Map<String, ?> wishes) {
        return platform.api(PlatformService.NOTIFICATION, OfficerLogin.CLERK_NTB)
                .put("/api/contacts/" + beneficiary + "/preferences", wishes)
                .status();
    }
}

package id.go.kemensos.returnee.systemtests;

import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.kemensos.returnee.contracts.casework.CaseTopics;
import id.go.kemensos.returnee.contracts.disbursement.DisbursementTopics;
import id.go.kemensos.returnee.contracts.eligibility.EligibilityTopics;
import id.go.kemensos.returnee.contracts.registration.RegistrationTopics;
import id.go.kemensos.returnee.infra.launcher.PlatformService;
import id.go.kemensos.returnee.infra.sim.AcceptedSms;
import id.go.kemensos.returnee.testsupport.EventLog;
import id.go.kemensos.returnee.testsupport.PlatformIntegrationTest;
import id.go.kemensos.returnee.testsupport.ReturneeMother;
import id.go.kemensos.returnee.testsupport.RunningPlatform;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * notification-service is killed while it is sending, and every event it consumed is delivered again after it starts:
 * each returnee still gets exactly one SMS per event and template (registered, eligible, paid), as the SMS simulator
 * counts.
 */
@PlatformIntegrationTest
class SmsExactlyOnceIT {

    private static final int PEOPLE = 30;
    private static RunningPlatform platform;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.start();
    }

    @Test
    void aCrashAndRedeliveryStillSendOneMessagePerEventAndTemplate() {
        List<Map<String, Object>> people = new ArrayList<>();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            Map<String, Object> person =
                    i % 2 == 0 ? ReturneeMother.sitiAminahLombokTengah() : ReturneeMother.laluZainiLombokTimur();
            people.add(person);
            ids.add(platform.registration().register(person));
        }
        await().atMost(ofSeconds(60))
                .until(() -> people.stream().mapToInt(p -> texts(p).size()).sum() >= PEOPLE);
        platform.services().kill(PlatformService.NOTIFICATION); // SIGKILL: sends in the air, transactions rolled back
        platform.services().start(PlatformService.NOTIFICATION);

        EventLog log = new EventLog(platform.stack().kafka().bootstrapServers());
        Set<String> ours = ids.stream().map(UUID::toString).collect(Collectors.toSet());
        await().atMost(ofMinutes(2)).until(() -> people.stream().allMatch(p -> texts(p).size() == 4));
        log.redeliver(log.raw(RegistrationTopics.EVENTS, r -> ours.contains(r.key())));
        log.redeliver(log.raw(EligibilityTopics.EVENTS, r -> ours.contains(r.key())));
        log.redeliver(log.raw(DisbursementTopics.EVENTS, r -> ours.contains(r.key())));
        log.redeliver(log.raw(CaseTopics.EVENTS, r -> ours.contains(r.key())));

        await().during(ofSeconds(5)).atMost(ofSeconds(20)).untilAsserted(() -> {
            for (Map<String, Object> person : people) {
                assertThat(texts(person).stream()
                                .map(SmsExactlyOnceIT::template)
                                .sorted()
                                .toList())
                        .containsExactly("ELIGIBLE", "PAID", "REGISTERED", "SERVICES");
            }
        });
    }

    private static String template(String text) {
        return text.contains("terdaftar")
                ? "REGISTERED"
                : text.contains("LAYAK")
                        ? "ELIGIBLE"
                        : text.contains("sdh ditransfer")
                                ? "PAID"
                                : text.contains("berhak atas layanan pendampingan") ? "SERVICES" : text;
    }

    private static List<String> texts(Map<String, Object> person) {
        return platform.stack().sms().messagesTo(ReturneeMother.phoneE164(person)).stream()
                .map(AcceptedSms::text)
                .toList();
    }
}

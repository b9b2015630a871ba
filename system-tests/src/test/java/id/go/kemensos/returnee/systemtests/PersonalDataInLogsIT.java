package id.go.kemensos.returnee.systemtests;

import id.go.kemensos.returnee.testsupport.PlatformIntegrationTest;
import id.go.kemensos.returnee.testsupport.ReturneeMother;
import id.go.kemensos.returnee.testsupport.RunningPlatform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Personal data never reaches a log (Law 27/2022; Law 21/2007 Art. 44 for the category): after people are registered, paid
 * and told, no log file of the stack (services, broker, database, identity provider) holds their NIKs, phone numbers,
 * account numbers or names, and no line names one of them with a category. The event log and the tables are issue 15's
 * encryption part and not checked here yet.
 */
@PlatformIntegrationTest
class PersonalDataInLogsIT {

    private static RunningPlatform platform;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.start();
    }

    @Test
    void noLogHoldsThePeoplesIdentifiersNamesOrCategories() throws IOException {
        Map<String, Object> survivor = ReturneeMother.sitiAminahLombokTengah();
        survivor.put("category", "KPO");
        survivor.put("referralSource", "POLRI");
        survivor.put("fullName", "WAYAN LEAKCHECK SURVIVOR");
        survivor.put("accountHolderName", "WAYAN LEAKCHECK SURVIVOR");
        Map<String, Object> worker = ReturneeMother.laluZainiLombokTimur();
        worker.put("fullName", "LALU LEAKCHECK WORKER");
        worker.put("accountHolderName", "LALU LEAKCHECK WORKER");
        List<Map<String, Object>> people = List.of(survivor, worker);
        List<UUID> ids = people.stream().map(p -> platform.registration().register(p)).toList();
        await().atMost(ofMinutes(3)).until(() -> platform.database().count("SELECT COUNT(*) FROM disbursement.payment_intent WHERE "
                + "beneficiary_id IN (?, ?) AND state = 'SETTLED'", ids.get(0).toString(), ids.get(1).toString()) == 2);
        await().atMost(ofMinutes(1)).until(() -> people.stream().allMatch(p -> !platform.stack().sms().messagesTo(ReturneeMother.phoneE164(p)).isEmpty()));

        List<String> secrets = new ArrayList<>();
        for (Map<String, Object> p : people) {
            String phone = (String) p.get("phone");
            secrets.addAll(List.of((String) p.get("nik"), phone, "62" + phone.substring(1), (String) p.get("accountNumber"),
                    (String) p.get("fullName")));
        }
        List<String> leaks = new ArrayList<>();
        long linesNamingThem = 0; // pseudonymous ids may be logged: proof that the scan reads the lines about these people
        for (Path log : logFiles()) {
            List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1); // any bytes, no decoding failure
            for (String line : lines) {
                for (String secret : secrets) {
                    if (line.contains(secret)) {
                        leaks.add(log.getFileName() + ": " + secret.substring(0, 4) + "…: " + line);
                    }
                }
                for (UUID id : ids) {
                    linesNamingThem += line.contains(id.toString()) ? 1 : 0;
                    if (line.contains(id.toString()) && (line.contains("KPO") || line.contains("PMI_PURNA") || line.contains("category"))) {
                        leaks.add(log.getFileName() + ": category with a person: " + line);
                    }
                }
            }
        }
        assertThat(logFiles()).as("the logs looked at").hasSizeGreaterThanOrEqualTo(8);
        assertThat(linesNamingThem).as("log lines about these people by pseudonymous id").isPositive();
        assertThat(leaks).as("personal data in logs").isEmpty();

        // Registration keeps no NIK: a blind index finds the person, a masked NIK is what is shown.
        for (int i = 0; i < people.size(); i++) {
            String nik = (String) people.get(i).get("nik");
            Map<String, Object> row = platform.database().rows("SELECT * FROM registration.returnee WHERE beneficiary_id = ?", ids.get(i)).get(0);
            assertThat(row).doesNotContainKey("nik");
            assertThat(row.values().stream().map(String::valueOf)).as("the returnee's row").noneMatch(v -> v.contains(nik));
            assertThat((String) row.get("nik_index")).hasSize(64);
            assertThat((String) row.get("nik_masked")).isEqualTo(nik.substring(0, 4) + "**********" + nik.substring(14));
        }
    }

    private static List<Path> logFiles() throws IOException {
        Path work = platform.stack().home().work();
        try (Stream<Path> files = Files.walk(work)) {
            return files.filter(Files::isRegularFile).filter(f -> {
                String name = f.getFileName().toString();
                return (name.endsWith(".log") || name.endsWith(".err") || name.endsWith(".out")) && !f.toString().contains("/data/");
            }).toList();
        }
    }
}

package id.go.kemensos.returnee.systemtests;

import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.kemensos.returnee.infra.kafka.KafkaAccess;
import id.go.kemensos.returnee.testsupport.EventLog;
import id.go.kemensos.returnee.testsupport.PlatformIntegrationTest;
import id.go.kemensos.returnee.testsupport.RegistrationApi;
import id.go.kemensos.returnee.testsupport.ReturneeMother;
import id.go.kemensos.returnee.testsupport.RunningPlatform;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Personal data is never kept or passed on in clear (Law 27/2022; Law 21/2007 Art. 44 for the category): after people
 * are registered at a desk and from an uploaded list (one row of it rejected), decided, paid and told, no record of any
 * Kafka topic (read from offset 0), no row of any table of any schema, and no log file of the stack holds their NIKs,
 * phone numbers, account numbers or names, no record or row carries a person's category or referral source as a value,
 * and no log line names one of them with a category. Only the bank and SMS simulators, which stand for outside systems
 * that must know an account or a phone, are not looked at.
 */
@PlatformIntegrationTest
class PersonalDataLeakIT {

    /**
     * A category or referral source given as a value, in JSON: sealed ({@code pd1:}), withheld or erased is not a
     * value.
     */
    private static final Pattern CATEGORY_VALUE =
            Pattern.compile("\"(category|referralSource)\"\\s*:\\s*\"(?!pd1:|\\[restricted]|\\[erased])[^\"]+\"");

    private static final Set<String> SYSTEM_SCHEMAS =
            Set.of("mysql", "information_schema", "performance_schema", "sys");

    private static RunningPlatform platform;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.start();
    }

    @Test
    void noTopicTableOrLogHoldsThePeoplesIdentifiersNamesOrCategoriesInClear() throws IOException {
        Map<String, Object> survivor = person(ReturneeMother.sitiAminahLombokTengah(), "WAYAN LEAKCHECK SURVIVOR");
        survivor.put("category", "KPO");
        survivor.put("referralSource", "POLRI");
        Map<String, Object> worker = person(ReturneeMother.laluZainiLombokTimur(), "LALU LEAKCHECK WORKER");
        Map<String, Object> listed = person(ReturneeMother.laluZainiLombokTimur(), "INAQ LEAKCHECK LISTED");
        Map<String, Object> refused = person(ReturneeMother.laluZainiLombokTimur(), "AMAQ LEAKCHECK REFUSED");
        List<UUID> ids = new ArrayList<>(List.of(
                platform.registration().register(survivor),
                platform.registration().register(worker)));
        String csv = ReturneeMother.LIST_HEADER
                + ReturneeMother.listRow(listed, (String) listed.get("nik"))
                + ReturneeMother.listRow(
                        refused, ((String) refused.get("nik")).substring(0, 12)); // a short NIK: rejected
        RegistrationApi.Response upload =
                platform.registration().upload(csv.getBytes(StandardCharsets.UTF_8), "leakcheck.csv", "52");
        assertThat(upload.status()).as("%s", upload.body()).isEqualTo(202);
        UUID uploadId = UUID.fromString(upload.body().get("uploadId").asString());
        await().atMost(ofMinutes(1))
                .until(() -> platform.registration()
                        .uploadStatus(uploadId)
                        .get("status")
                        .asString()
                        .equals("COMPLETED"));
        assertThat(platform.registration()
                        .uploadStatus(uploadId)
                        .get("rejected")
                        .asLong())
                .isEqualTo(1);
        ids.add(UUID.fromString((String) platform.database()
                .rows(
                        "SELECT beneficiary_id FROM registration.upload_row WHERE upload_id = ? "
                                + "AND outcome = 'ACCEPTED'",
                        uploadId)
                .get(0)
                .get("beneficiary_id")));
        await().atMost(ofMinutes(3))
                .until(() -> ids.stream()
                        .allMatch(id -> platform.database()
                                        .count(
                                                "SELECT COUNT(*) FROM "
                                                        + "disbursement.payment_intent WHERE beneficiary_id = ? "
                                                        + "AND state = 'SETTLED'",
                                                id)
                                == 1));
        List<Map<String, Object>> paid = List.of(survivor, worker, listed);
        await().atMost(ofMinutes(1))
                .until(() -> paid.stream()
                        .allMatch(p -> platform.stack()
                                        .sms()
                                        .messagesTo(ReturneeMother.phoneE164(p))
                                        .size()
                                >= 3));

        List<String> secrets = new ArrayList<>();
        for (Map<String, Object> p : List.of(survivor, worker, listed, refused)) {
            String phone = (String) p.get("phone");
            secrets.addAll(List.of(
                    (String) p.get("nik"), phone, "62" + phone.substring(1), (String) p.get("accountNumber"), (String)
                            p.get("fullName")));
        }
        secrets.add(((String) refused.get("nik")).substring(0, 12));

        List<String> leaks = new ArrayList<>();
        long[] aboutThem =
                new long[2]; // records and rows naming these people by pseudonymous id: proof that the scan read them
        int topics = scanTopics(secrets, ids, leaks, aboutThem);
        int tables = scanTables(secrets, ids, leaks, aboutThem);
        long linesNamingThem = scanLogs(secrets, ids, leaks);

        assertThat(topics).as("topics read").isGreaterThanOrEqualTo(7);
        assertThat(tables).as("tables read").isGreaterThanOrEqualTo(20);
        assertThat(aboutThem[0]).as("records about these people").isGreaterThanOrEqualTo(3 * 8);
        assertThat(aboutThem[1]).as("rows about these people").isGreaterThanOrEqualTo(3 * 8);
        assertThat(logFiles()).as("the logs looked at").hasSizeGreaterThanOrEqualTo(8);
        assertThat(linesNamingThem)
                .as("log lines about these people by pseudonymous id")
                .isPositive();
        assertThat(leaks).as("personal data in clear").isEmpty();
    }

    /** Every record of every topic, key, value and headers, from the beginning. */
    private static int scanTopics(List<String> secrets, List<UUID> ids, List<String> leaks, long[] aboutThem) {
        String bootstrap = platform.stack().kafka().bootstrapServers();
        Set<String> names;
        try (Admin admin = Admin.create(KafkaAccess.asAdmin(bootstrap))) {
            names = new TreeSet<>(admin.listTopics(new ListTopicsOptions().listInternal(true))
                    .names()
                    .get());
        } catch (Exception e) {
            throw new IllegalStateException("Cannot list the topics", e);
        }
        EventLog log = new EventLog(bootstrap);
        for (String topic : names) {
            for (ConsumerRecord<String, byte[]> r : log.raw(topic, any -> true)) {
                StringBuilder text = new StringBuilder(r.key() == null ? "" : r.key());
                text.append(' ').append(r.value() == null ? "" : new String(r.value(), StandardCharsets.ISO_8859_1));
                for (Header h : r.headers()) {
                    text.append(' ')
                            .append(h.key())
                            .append('=')
                            .append(h.value() == null ? "" : new String(h.value(), StandardCharsets.ISO_8859_1));
                }
                aboutThem[0] +=
                        check("topic " + topic + " offset " + r.offset(), text.toString(), secrets, ids, leaks) ? 1 : 0;
            }
        }
        return names.size();
    }

    /** Every row of every table of every schema on the stack's database server. */
    private static int scanTables(List<String> secrets, List<UUID> ids, List<String> leaks, long[] aboutThem) {
        List<Map<String, Object>> tables = platform.database()
                .rows("SELECT table_schema, table_name FROM information_schema.tables "
                        + "WHERE table_type = 'BASE TABLE'");
        int read = 0;
        for (Map<String, Object> t : tables) {
            String schema = (String) t.get("table_schema");
            if (SYSTEM_SCHEMAS.contains(schema)) {
                continue;
            }
            String table = schema + "." + t.get("table_name");
            List<Map<String, Object>> rows = platform.database().rows("SELECT * FROM " + table);
            if (!rows.isEmpty()
                    && rows.get(0).keySet().stream()
                            .anyMatch(c -> c.equalsIgnoreCase("category") || c.equalsIgnoreCase("referral_source"))) {
                leaks.add(table + ": a category column");
            }
            for (Map<String, Object> row : rows) {
                StringBuilder text = new StringBuilder();
                row.forEach((column, value) -> {
                    String cell = value instanceof byte[] bytes
                            ? new String(bytes, StandardCharsets.ISO_8859_1)
                            : String.valueOf(value);
                    text.append(column).append('=').append(cell).append(' ');
                });
                aboutThem[1] += check("table " + table, text.toString(), secrets, ids, leaks) ? 1 : 0;
            }
            read++;
        }
        return read;
    }

    /**
     * Looks for the people's identifiers anywhere, and for a category or referral source as a value in a record or row
     * about one of them; true when the text is about one of them.
     */
    private static boolean check(String where, String text, List<String> secrets, List<UUID> ids, List<String> leaks) {
        for (String secret : secrets) {
            if (text.contains(secret)) {
                leaks.add(where + ": " + secret.substring(0, 4) + "… in clear");
            }
        }
        boolean aboutThem = ids.stream().anyMatch(id -> text.contains(id.toString()));
        if (aboutThem && CATEGORY_VALUE.matcher(text).find()) {
            leaks.add(where + ": a category or referral source in clear: "
                    + CATEGORY_VALUE
                            .matcher(text)
                            .results()
                            .findFirst()
                            .map(m -> m.group())
                            .orElse(""));
        }
        return aboutThem;
    }

    private static long scanLogs(List<String> secrets, List<UUID> ids, List<String> leaks) throws IOException {
        long linesNamingThem =
                0; // pseudonymous ids may be logged: proof that the scan reads the lines about these people
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
                    if (line.contains(id.toString())
                            && (line.contains("KPO") || line.contains("PMI_PURNA") || line.contains("category"))) {
                        leaks.add(log.getFileName() + ": category with a person: " + line);
                    }
                }
            }
        }
        return linesNamingThem;
    }

    private static Map<String, Object> person(Map<String, Object> fixture, String name) {
        fixture.put("fullName", name);
        fixture.put("accountHolderName", name);
        return fixture;
    }

    private static List<Path> logFiles() throws IOException {
        Path work = platform.stack().home().work();
        try (Stream<Path> files = Files.walk(work)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> {
                        String name = f.getFileName().toString();
                        return (name.endsWith(".log") || name.endsWith(".err") || name.endsWith(".out"))
                                && !f.toString().contains("/data/");
                    })
                    .toList();
        }
    }
}

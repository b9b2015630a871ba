package id.go.kemensos.returnee.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.kemensos.returnee.infra.launcher.PlatformService;
import id.go.kemensos.returnee.testsupport.OfficerLogin;
import id.go.kemensos.returnee.testsupport.PlatformIntegrationTest;
import id.go.kemensos.returnee.testsupport.ReturneeListFile;
import id.go.kemensos.returnee.testsupport.ReturneeMother;
import id.go.kemensos.returnee.testsupport.RunningPlatform;
import id.go.kemensos.returnee.testsupport.ServiceApi;
import id.go.kemensos.returnee.testsupport.SyntheticReturnees;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every JSON endpoint of every service, as its OpenAPI document describes it, fed what a broken client or an attacker
 * sends: a body that is not JSON, the wrong top-level type, nothing, each field of the wrong type, and each text field a
 * hundred thousand characters long. Never a 5xx, never the server's internals in the body; a body that cannot be taken
 * as sent is a 400 that names the field, for an officer allowed to call the endpoint.
 */
@PlatformIntegrationTest
class JsonEndpointsFuzzIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<PlatformService> SERVICES = List.of(
            PlatformService.REGISTRATION,
            PlatformService.ELIGIBILITY,
            PlatformService.DISBURSEMENT,
            PlatformService.NOTIFICATION,
            PlatformService.AUDIT);
    /** Tried in this order until one is let in: between them they hold every role. */
    private static final List<String> OFFICERS = List.of(
            OfficerLogin.CLERK_NTB,
            OfficerLogin.MINISTRY,
            OfficerLogin.FINANCE_MAKER,
            OfficerLogin.FINANCE_CHECKER,
            OfficerLogin.PROTECTION_PUSAT,
            OfficerLogin.DPO,
            OfficerLogin.AUDITOR,
            OfficerLogin.ADMIN);

    private static RunningPlatform platform;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.start();
    }

    private record Operation(PlatformService service, String method, String path, JsonNode schema, boolean required) {

        @Override
        public String toString() {
            return service + " " + method.toUpperCase() + " " + path;
        }
    }

    @Test
    void everyJsonEndpointRefusesABrokenBodyWithA400ThatNamesTheField() {
        List<Operation> operations = operations();
        SoftAssertions softly = new SoftAssertions();
        int[] figures = fuzz(operations, JsonEndpointsFuzzIT::concrete, softly);
        System.out.printf(
                "JSON endpoints fuzzed: %d operations, %d requests, %d 400s naming the field%n",
                operations.size(), figures[0], figures[1]);
        softly.assertAll();
    }

    /**
     * The same against records that exist (a registered person, their decision and payment, a row held for review,
     * the province's budget), so that a body that passes the door reaches the code and the columns behind it.
     */
    @Test
    void theSameAgainstRecordsThatExist() throws Exception {
        Map<String, String> existing = existingRecords();
        List<Operation> operations = operations();
        SoftAssertions softly = new SoftAssertions();
        int[] figures = fuzz(operations, template -> concrete(template, existing), softly);
        System.out.printf(
                "JSON endpoints fuzzed against existing records %s: %d requests, %d 400s naming the field%n",
                existing.keySet(), figures[0], figures[1]);
        softly.assertAll();
    }

    private static List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (PlatformService service : SERVICES) {
            operations.addAll(jsonOperations(service));
        }
        assertThat(operations)
                .as("JSON endpoints found in the OpenAPI documents")
                .hasSizeGreaterThan(10);
        return operations;
    }

    /** Requests sent and 400s that named the field. */
    private static int[] fuzz(List<Operation> operations, UnaryOperator<String> concrete, SoftAssertions softly) {
        int sent = 0;
        int named = 0;
        for (Operation operation : operations) {
            String officer = allowedOfficer(operation, concrete);
            ServiceApi api = platform.api(operation.service(), officer);
            String path = concrete.apply(operation.path());
            boolean allowed = officer != null;
            if (allowed) { // the empty object that chose the officer: no field given at all
                checkNoInternals(softly, operation, "{}", send(api, operation.method(), path, "{}"));
                sent++;
            }

            boolean object = operation.schema().has("properties")
                    || "object".equals(operation.schema().path("type").asString(""));
            List<String> broken = new ArrayList<>(object ? List.of("{", "[]", "\"text\"") : List.of("{"));
            if (operation.required()) {
                broken.add(""); // an optional body may be left out
            }
            for (String body : broken) {
                ServiceApi.Response response = send(api, operation.method(), path, body);
                sent++;
                checkNoInternals(softly, operation, body, response);
                if (allowed) {
                    softly.assertThat(response.status())
                            .as("%s with body <%s>: %s", operation, body, response.text())
                            .isEqualTo(400);
                }
            }
            JsonNode properties = properties(operation.schema());
            for (Map.Entry<String, JsonNode> property : properties.properties()) {
                String field = property.getKey();
                ObjectNode wrong = JSON.createObjectNode();
                wrong.set(field, JSON.createObjectNode().put("nested", true)); // an object where a value belongs
                ServiceApi.Response response = send(api, operation.method(), path, wrong.toString());
                sent++;
                checkNoInternals(softly, operation, wrong.toString(), response);
                if (allowed && response.status() == 400) {
                    named++;
                    softly.assertThat(response.text())
                            .as("%s: the 400 for a wrong %s names it", operation, field)
                            .contains(field);
                } else if (allowed) {
                    softly.assertThat(response.status())
                            .as("%s with %s of the wrong type: %s", operation, field, response.text())
                            .isIn(400, 403, 404, 409, 422);
                }
                if ("string".equals(property.getValue().path("type").asString(""))) {
                    ObjectNode huge = JSON.createObjectNode().put(field, "x".repeat(100_000));
                    ServiceApi.Response oversized = send(api, operation.method(), path, huge.toString());
                    sent++;
                    checkNoInternals(softly, operation, field + " of 100,000 characters", oversized);
                }
            }
        }
        return new int[] {sent, named};
    }

    /** Path variables of records that exist, by name. */
    private static Map<String, String> existingRecords() throws Exception {
        UUID person = platform.registration().register(ReturneeMother.laluZainiLombokTimur());
        Map<String, String> ids = new HashMap<>();
        ids.put("beneficiaryId", person.toString());
        await().atMost(Duration.ofSeconds(90))
                .until(() -> platform.database()
                                .count(
                                        "SELECT COUNT(*) FROM disbursement.payment_intent WHERE beneficiary_id = ?",
                                        person.toString())
                        > 0);
        ids.put("paymentId", (String) platform.database()
                .rows("SELECT payment_id FROM disbursement.payment_intent WHERE beneficiary_id = ?", person.toString())
                .get(0)
                .get("payment_id"));
        ids.put("decisionId", (String) platform.database()
                .rows("SELECT decision_id FROM eligibility.decision WHERE beneficiary_id = ?", person.toString())
                .get(0)
                .get("decision_id"));
        Path list = Files.createTempFile("fuzz-list", ".csv");
        new ReturneeListFile(new SyntheticReturnees(new Random(20261207))).write(list, 25); // row index 21 is held
        UUID upload = UUID.fromString(platform.registration()
                .upload(Files.readAllBytes(list), "fuzz-list.csv", "52")
                .body()
                .get("uploadId")
                .asString());
        await().atMost(Duration.ofSeconds(60))
                .until(() -> platform.registration()
                        .uploadStatus(upload)
                        .path("status")
                        .asString()
                        .equals("COMPLETED"));
        List<Map<String, Object>> held = platform.database()
                .rows(
                        "SELECT row_no FROM registration.upload_row WHERE upload_id = ? AND outcome = 'HELD_FOR_REVIEW'",
                        upload.toString());
        assertThat(held).as("a row held for review").isNotEmpty();
        ids.put("uploadId", upload.toString());
        ids.put("rowNumber", String.valueOf(held.get(0).get("row_no")));
        ids.put("programId", "BSU");
        ids.put("fiscalYear", String.valueOf(Year.now()));
        return ids;
    }

    private static String concrete(String template, Map<String, String> existing) {
        String path = template;
        for (Map.Entry<String, String> id : existing.entrySet()) {
            path = path.replace("{" + id.getKey() + "}", id.getValue());
        }
        return concrete(path);
    }

    private static void checkNoInternals(
            SoftAssertions softly, Operation operation, String sent, ServiceApi.Response response) {
        softly.assertThat(response.status())
                .as("%s with <%s>: %s", operation, abbreviated(sent), response.text())
                .isLessThan(500);
        softly.assertThat(response.text())
                .as("%s with <%s>: no internals in the body", operation, abbreviated(sent))
                .doesNotContain("Exception", "\tat ", "java.", "tools.jackson", "org.springframework", "SQL");
    }

    private static String abbreviated(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }

    /** The first officer the endpoint lets in (a body it cannot read is a 400, not a 403); null when none does. */
    private static String allowedOfficer(Operation operation, UnaryOperator<String> concrete) {
        for (String officer : OFFICERS) {
            ServiceApi.Response response = send(
                    platform.api(operation.service(), officer),
                    operation.method(),
                    concrete.apply(operation.path()),
                    "{}");
            if (response.status() != 401 && response.status() != 403) {
                return officer;
            }
        }
        return null;
    }

    /** Path variables filled with what an officer could send: a province of theirs, an id nobody has. */
    private static String concrete(String template) {
        return template.replaceAll("\\{provinceCode\\}", "52")
                .replaceAll("\\{rowNumber\\}", "2")
                .replaceAll("\\{topic\\}", "registration.events")
                .replaceAll("\\{[^}]+\\}", UUID.randomUUID().toString());
    }

    private static ServiceApi.Response send(ServiceApi api, String method, String path, String body) {
        return api.send(api.request(path)
                .header("Content-Type", "application/json")
                .method(method.toUpperCase(), HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    /** Operations whose request body is JSON, from the service's OpenAPI document. */
    private static List<Operation> jsonOperations(PlatformService service) {
        JsonNode document = JSON.readTree(
                platform.api(service, OfficerLogin.ADMIN).get("/v3/api-docs").text());
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                JsonNode schema = method.getValue()
                        .path("requestBody")
                        .path("content")
                        .path("application/json")
                        .path("schema");
                if (!schema.isMissingNode()) {
                    operations.add(new Operation(
                            service,
                            method.getKey(),
                            path.getKey(),
                            resolve(document, schema),
                            method.getValue()
                                    .path("requestBody")
                                    .path("required")
                                    .asBoolean(false)));
                }
            }
        }
        return operations;
    }

    private static JsonNode resolve(JsonNode document, JsonNode schema) {
        String ref = schema.path("$ref").asString("");
        if (ref.startsWith("#/components/schemas/")) {
            return document.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()));
        }
        return schema;
    }

    private static JsonNode properties(JsonNode schema) {
        JsonNode properties = schema.path("properties");
        return properties.isObject() ? properties : JSON.createObjectNode();
    }
}

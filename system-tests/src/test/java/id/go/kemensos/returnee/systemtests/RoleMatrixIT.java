package id.go.kemensos.returnee.systemtests;

import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.kemensos.returnee.infra.identity.DemoOfficers;
import id.go.kemensos.returnee.infra.launcher.PlatformService;
import id.go.kemensos.returnee.testsupport.OfficerLogin;
import id.go.kemensos.returnee.testsupport.PlatformIntegrationTest;
import id.go.kemensos.returnee.testsupport.RunningPlatform;
import id.go.kemensos.returnee.testsupport.ServiceApi;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The role matrix of docs/officers.md against what the services do: every operation of every service's OpenAPI document must be in
 * the matrix (and every row of the matrix in a document), and each is called with no token, an expired token, a token
 * of another issuer and each demo officer's token. Expected: 401 without a valid token, 403 for a role the matrix does
 * not give, and neither for a role it gives (the call may still fail on its made-up ids or empty body, as 400 or 404).
 * An operation open to no officer (a gateway's signed callback) answers an officer's token as it answers none.
 */
@PlatformIntegrationTest
class RoleMatrixIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<String> ROLES = List.of(
            "PROVINCIAL_OFFICER",
            "MINISTRY_OFFICER",
            "FINANCE_MAKER",
            "FINANCE_CHECKER",
            "AUDITOR",
            "PROTECTION_OFFICER",
            "DATA_PROTECTION_OFFICER",
            "PLATFORM_ADMIN",
            "CASE_WORKER",
            "REFERRAL_PARTNER");
    /** A referral partner's system, which logs in with its client's credentials rather than as a demo officer. */
    private static final String PARTNER = "partner ntb-uptd-ppa";
    /** Each demo officer and the roles the demo realm gives them. */
    private static final Map<String, Set<String>> OFFICERS = new LinkedHashMap<>();
    /**
     * Bodies that keep an allowed call harmless: no re-evaluation of everyone, no ceiling set, a replay of an empty
     * past.
     */
    private static final Map<String, String> HARMLESS_BODIES = Map.of(
            "POST /api/reevaluations", "{\"ruleSetId\": \"role-matrix-no-such-rule-set\"}",
            "PUT /api/budgets/{programId}/{provinceCode}/{fiscalYear}", "{\"ceiling\": -1}",
            "POST /api/replays", "{\"asOf\": \"1999-01-01\"}");

    static {
        OFFICERS.put(OfficerLogin.CLERK_NTB, Set.of("PROVINCIAL_OFFICER"));
        OFFICERS.put(OfficerLogin.CLERK_BALI, Set.of("PROVINCIAL_OFFICER"));
        OFFICERS.put(OfficerLogin.MINISTRY, Set.of("MINISTRY_OFFICER"));
        OFFICERS.put(OfficerLogin.FINANCE_MAKER, Set.of("FINANCE_MAKER"));
        OFFICERS.put(OfficerLogin.FINANCE_CHECKER, Set.of("FINANCE_CHECKER"));
        OFFICERS.put(OfficerLogin.FINANCE_LEAD, Set.of("FINANCE_MAKER", "FINANCE_CHECKER"));
        OFFICERS.put(OfficerLogin.AUDITOR, Set.of("AUDITOR"));
        OFFICERS.put(OfficerLogin.ADMIN, Set.of("PLATFORM_ADMIN"));
        OFFICERS.put(OfficerLogin.PROTECTION_PUSAT, Set.of("PROTECTION_OFFICER"));
        OFFICERS.put(OfficerLogin.PROTECTION_NTB, Set.of("PROTECTION_OFFICER"));
        OFFICERS.put(OfficerLogin.DPO, Set.of("DATA_PROTECTION_OFFICER"));
        OFFICERS.put(OfficerLogin.CASEWORKER_NTB, Set.of("CASE_WORKER"));
        OFFICERS.put(OfficerLogin.CASEWORKER_BALI, Set.of("CASE_WORKER"));
        OFFICERS.put(PARTNER, Set.of("REFERRAL_PARTNER"));
    }

    private static String token(String caller) {
        return caller.equals(PARTNER)
                ? DemoOfficers.local().partnerToken("ntb-uptd-ppa")
                : DemoOfficers.local().accessToken(caller);
    }

    private static RunningPlatform platform;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.start();
    }

    /** One row of the role matrix (docs/officers.md): the roles that may call the operation; public when no officer is involved. */
    record Row(String service, String operation, Set<String> roles, boolean open) {}

    @Test
    void everyOperationOfEveryServiceAnswersAsTheReadmeMatrixSays() throws Exception {
        Map<String, Row> matrix = readmeMatrix();
        String expired = DemoOfficers.local().accessToken(OfficerLogin.AUDITOR, "token-expiry-probe");
        String otherIssuer = DemoOfficers.local().masterRealmToken();
        // The probe's tokens live 1 s and the services tolerate 2 s of clock skew in tests: wait until one refuses it.
        await().atMost(ofSeconds(15))
                .pollInterval(ofMillis(250))
                .until(() -> call(PlatformService.REGISTRATION, "get", "/api/returnees", "{}", expired) == 401);

        Set<String> documented = new TreeSet<>();
        List<String> wrong = new ArrayList<>();
        for (PlatformService service : PlatformService.values()) {
            if (!service.servesApi()) {
                continue;
            }
            String name = service.artifact().replace("-service", "");
            JsonNode paths = openApi(service).get("paths");
            for (String path : paths.propertyNames()) {
                for (String method : paths.get(path).propertyNames()) {
                    String operation = method.toUpperCase() + " " + path;
                    documented.add(name + " | " + operation);
                    Row row = matrix.get(name + " | " + operation);
                    if (row == null) {
                        wrong.add(name + " " + operation + ": not in the role matrix of docs/officers.md");
                        continue;
                    }
                    String target = fill(path, paths.get(path).get(method));
                    String body = HARMLESS_BODIES.getOrDefault(operation, "{}");
                    if (row.open()) {
                        // Open to no officer: something else authenticates the caller (the SMS gateway signs its
                        // receipts),
                        // and an officer's token neither opens nor closes it.
                        int anonymous = call(service, method, target, body, null);
                        if (anonymous == 403) {
                            wrong.add(name + " " + operation
                                    + " with no token: 403, expected the operation's own answer");
                        }
                        for (String officer : OFFICERS.keySet()) {
                            expect(wrong, service, method, target, body, token(officer), officer, anonymous);
                        }
                        continue;
                    }
                    expect(wrong, service, method, target, body, null, "no token", 401);
                    expect(wrong, service, method, target, body, expired, "an expired token", 401);
                    expect(wrong, service, method, target, body, otherIssuer, "a token of another issuer", 401);
                    for (Map.Entry<String, Set<String>> officer : OFFICERS.entrySet()) {
                        String token = token(officer.getKey());
                        if (officer.getValue().stream().anyMatch(row.roles()::contains)) {
                            expectNot(wrong, service, method, target, body, token, officer.getKey(), 401, 403);
                        } else {
                            expect(wrong, service, method, target, body, token, officer.getKey(), 403);
                        }
                    }
                }
            }
        }
        Set<String> stale = matrix.keySet().stream()
                .filter(k -> !k.startsWith("every service"))
                .filter(k -> !documented.contains(k))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(stale)
                .as("rows of the role matrix of docs/officers.md that no service documents")
                .isEmpty();
        assertThat(wrong)
                .as("operations answering otherwise than the matrix says")
                .isEmpty();
        assertThat(documented).as("operations checked").hasSizeGreaterThan(40);
    }

    @Test
    void healthIsOpenWithoutDetailsAndOperationsNeedTheAdministrator() throws Exception {
        for (PlatformService service : PlatformService.values()) {
            if (!service.servesApi()) {
                continue;
            }
            ServiceApi anonymous = platform.api(service, null);
            ServiceApi.Response health = anonymous.get("/actuator/health");
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.text())
                    .contains("\"UP\"")
                    .doesNotContain("components")
                    .doesNotContain("db");
            assertThat(anonymous.get("/actuator/health/readiness").status()).isEqualTo(200);
            assertThat(platform.api(service, OfficerLogin.ADMIN)
                            .get("/actuator/health")
                            .text())
                    .as("details for the operator")
                    .contains("components");
            for (String path : List.of("/actuator/deadletters", "/actuator/metrics")) {
                assertThat(anonymous.get(path).status())
                        .as(service + path + " without a token")
                        .isEqualTo(401);
                assertThat(platform.api(service, OfficerLogin.AUDITOR).get(path).status())
                        .as(service + path + " as auditor")
                        .isEqualTo(403);
                assertThat(platform.api(service, OfficerLogin.ADMIN).get(path).status())
                        .as(service + path + " as admin")
                        .isEqualTo(200);
            }
            assertThat(platform.api(service, OfficerLogin.AUDITOR)
                            .post("/actuator/deadletters/registration.events", Map.of())
                            .status())
                    .as("replaying dead letters is an operator's act")
                    .isEqualTo(403);
        }
    }

    @Test
    void aBodyOrParameterNamingWhoActsIsRefusedWithTheReason() {
        ServiceApi.Response batch = platform.api(PlatformService.DISBURSEMENT, OfficerLogin.FINANCE_MAKER)
                .post(
                        "/api/batches",
                        Map.of(
                                "programId",
                                "BSU",
                                "cycleId",
                                "1999",
                                "provinceCode",
                                "52",
                                "preparedBy",
                                "someone.else"));
        assertThat(batch.status()).isEqualTo(400);
        assertThat(batch.body().get("detail").asString()).contains("preparedBy").contains("token");
        ServiceApi.Response listed = platform.api(PlatformService.REGISTRATION, OfficerLogin.CLERK_NTB)
                .get("/api/returnees?officer=x");
        assertThat(listed.status()).as("as a parameter too").isEqualTo(400);
    }

    private static void expect(
            List<String> wrong,
            PlatformService service,
            String method,
            String target,
            String body,
            String token,
            String who,
            int expected)
            throws Exception {
        int status = call(service, method, target, body, token);
        if (status != expected) {
            wrong.add(service.artifact() + " " + method.toUpperCase() + " " + target + " with " + who + ": " + status
                    + ", expected " + expected);
        }
    }

    private static void expectNot(
            List<String> wrong,
            PlatformService service,
            String method,
            String target,
            String body,
            String token,
            String who,
            int... refused)
            throws Exception {
        int status = call(service, method, target, body, token);
        for (int r : refused) {
            if (status == r) {
                wrong.add(service.artifact() + " " + method.toUpperCase() + " " + target + " with " + who + ": "
                        + status + ", expected access");
            }
        }
    }

    private static int call(PlatformService service, String method, String target, String body, String token)
            throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(service.baseUrl() + target)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (method.equals("get")) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json")
                    .method(method.toUpperCase(), HttpRequest.BodyPublishers.ofString(body));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    /** The path with made-up values for its variables and the required query parameters. */
    private static String fill(String path, JsonNode operation) {
        StringBuilder query = new StringBuilder();
        String filled = path;
        JsonNode parameters = operation.get("parameters");
        if (parameters != null) {
            for (JsonNode parameter : parameters) {
                String name = parameter.get("name").asString();
                String value = switch (name) {
                    case "programId" -> "BSU";
                    case "provinceCode" -> "52";
                    case "fiscalYear" -> "1999";
                    case "rowNumber", "page", "size" -> "1";
                    case "replayId" -> "audit_replay_role_matrix";
                    default -> name.endsWith("Id") ? UUID.randomUUID().toString() : "x";
                };
                if ("path".equals(parameter.get("in").asString())) {
                    filled = filled.replace("{" + name + "}", value);
                } else if (parameter.path("required").asBoolean(false) && !"file".equals(name)) {
                    query.append(query.isEmpty() ? "?" : "&")
                            .append(name)
                            .append('=')
                            .append(value);
                }
            }
        }
        return filled + query;
    }

    private static JsonNode openApi(PlatformService service) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(service.baseUrl() + "/v3/api-docs"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as(service + "'s API description is open")
                .isEqualTo(200);
        JsonNode api = JSON.readTree(response.body());
        assertThat(api.at("/components/securitySchemes/officer-login/openIdConnectUrl")
                        .asString())
                .as("Swagger UI's Authorize button logs in at the provider")
                .endsWith("/realms/returnee-platform/.well-known/openid-configuration");
        return api;
    }

    /** The table under "Who may do what" in docs/officers.md, keyed "service | METHOD path". */
    private static Map<String, Row> readmeMatrix() throws IOException {
        List<String> lines = Files.readAllLines(platform.stack().home().root().resolve("docs/officers.md"));
        Map<String, Row> rows = new LinkedHashMap<>();
        boolean inTable = false;
        for (String line : lines) {
            if (line.startsWith("| service | operation | PROVINCIAL_OFFICER")) {
                assertThat(line)
                        .as("the table's role columns")
                        .isEqualTo("| service | operation | " + String.join(" | ", ROLES) + " |");
                inTable = true;
                continue;
            }
            if (inTable && !line.startsWith("|")) {
                break;
            }
            if (!inTable || line.startsWith("|---")) {
                continue;
            }
            String[] cells = line.split("\\|", -1);
            String service = cells[1].strip();
            String operation = cells[2].strip();
            Set<String> roles = new TreeSet<>();
            for (int i = 0; i < ROLES.size(); i++) {
                if (!cells[3 + i].isBlank()) {
                    roles.add(ROLES.get(i));
                }
            }
            boolean open = cells[3].strip().startsWith("(");
            rows.put(service + " | " + operation, new Row(service, operation, open ? Set.of() : roles, open));
        }
        assertThat(rows).as("the officers' guide's role matrix").isNotEmpty();
        return rows;
    }
}

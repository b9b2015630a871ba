package id.go.kemensos.returnee.testsupport;

import id.go.kemensos.returnee.infra.identity.DemoOfficers;
import id.go.kemensos.returnee.infra.launcher.PlatformService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The synthetic returnees live in NTB: its grant budget for this year must cover them (the shipped ceiling covers 490),
 * on top of what earlier runs on the same stack (work/) have committed. Set by the finance maker, whose token's subject
 * the budget records.
 */
public final class GrantBudget {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private GrantBudget() {}

    /** Sets the ceiling to what is already committed plus {@code needed}. */
    public static void fundNtb(long needed) {
        String year = String.valueOf(LocalDate.now(ZoneId.of("Asia/Jakarta")).getYear());
        long committed = 0;
        for (JsonNode budget : JSON.readTree(
                call(HttpRequest.newBuilder(URI.create(PlatformService.DISBURSEMENT.baseUrl() + "/api/budgets"))
                        .GET()))) {
            if (budget.path("programId").asString().equals("BSU")
                    && budget.path("provinceCode").asString().equals("52")
                    && budget.path("fiscalYear").asString().equals(year)) {
                committed = budget.path("committed").asLong();
            }
        }
        call(HttpRequest.newBuilder(URI.create(PlatformService.DISBURSEMENT.baseUrl() + "/api/budgets/BSU/52/" + year))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"ceiling\":" + (committed + needed) + "}")));
    }

    private static String call(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(
                    request.header(
                                    "Authorization",
                                    "Bearer " + DemoOfficers.local().accessToken(OfficerLogin.FINANCE_MAKER))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the NTB budget: "
                        + request.build().method() + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

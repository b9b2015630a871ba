package id.go.kemensos.returnee.bench;

import id.go.kemensos.returnee.infra.launcher.PlatformService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The synthetic returnees live in NTB: its grant budget for this year must cover them (the shipped ceiling covers 490).
 * Set by the finance maker, whose token's subject the budget records.
 */
final class GrantBudget {

    private GrantBudget() {}

    static void fundNtb(long ceiling) {
        String year = String.valueOf(LocalDate.now(ZoneId.of("Asia/Jakarta")).getYear());
        String body = "{\"ceiling\":" + ceiling + "}";
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(
                                            PlatformService.DISBURSEMENT.baseUrl() + "/api/budgets/BSU/52/" + year))
                                    .header("Content-Type", "application/json")
                                    .header("Authorization", BenchOfficers.bearer(BenchOfficers.FINANCE_MAKER))
                                    .PUT(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        "setting the NTB budget answered " + response.statusCode() + ": " + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

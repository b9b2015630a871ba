package id.go.kemensos.returnee.audit.replay;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * disbursement-service's live payment report grouped by program, province, regency and state, read from its JSON answer
 * or from its CSV export. The audit service never asks disbursement-service itself (services talk only through Kafka):
 * the auditor's command fetches the report, or the auditor hands the exported CSV to the API.
 */
public final class LivePaymentReport {

    public static final String QUERY = "/api/reports/payments?groupBy=program,province,regency,state";

    private LivePaymentReport() {}

    /**
     * @param accessToken the auditor's own access token: the report is read with their rights, as they would read it
     */
    public static Map<PaymentHistory.TotalKey, PaymentHistory.Total> fetch(
            URI disbursementBaseUrl, JsonMapper json, String accessToken) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(disbursementBaseUrl + QUERY))
                            .header("Authorization", "Bearer " + accessToken)
                            .timeout(Duration.ofSeconds(60))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 401 || response.statusCode() == 403) {
                throw new IllegalStateException(
                        "The live report refused the access token in PLATFORM_ACCESS_TOKEN (HTTP "
                                + response.statusCode() + "): it must be a valid, unexpired AUDITOR's token");
            }
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        "The live report answered HTTP " + response.statusCode() + ": " + response.body());
            }
            return fromJson(json.readTree(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the live report at " + disbursementBaseUrl + QUERY, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted reading the live report", e);
        }
    }

    /** Rows as the report's JSON gives them: program_id, province_code, regency_code, state, payments, total. */
    public static Map<PaymentHistory.TotalKey, PaymentHistory.Total> fromJson(JsonNode rows) {
        Map<PaymentHistory.TotalKey, PaymentHistory.Total> totals = new TreeMap<>();
        for (JsonNode row : rows) {
            put(
                    totals,
                    row.path("program_id").asString(),
                    row.path("province_code").asString(),
                    row.path("regency_code").asString(),
                    row.path("state").asString(),
                    row.path("payments").asLong(),
                    row.path("total").asLong());
        }
        return totals;
    }

    /**
     * The report's CSV export (header program,province,regency,state,payments,total; a UTF-8 byte-order mark is
     * allowed).
     */
    public static Map<PaymentHistory.TotalKey, PaymentHistory.Total> fromCsv(String csv) {
        String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        Map<PaymentHistory.TotalKey, PaymentHistory.Total> totals = new TreeMap<>();
        try {
            for (CSVRecord row : CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(new StringReader(text))) {
                put(
                        totals,
                        row.get("program"),
                        row.get("province"),
                        row.get("regency"),
                        row.get("state"),
                        Long.parseLong(row.get("payments")),
                        Long.parseLong(row.get("total")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "Not the live report's CSV grouped by program,province,regency,state: " + e.getMessage(), e);
        }
        return totals;
    }

    private static void put(
            Map<PaymentHistory.TotalKey, PaymentHistory.Total> totals,
            String program,
            String province,
            String regency,
            String state,
            long payments,
            long total) {
        totals.put(
                new PaymentHistory.TotalKey(program, province, regency, state),
                new PaymentHistory.Total(payments, total));
    }
}

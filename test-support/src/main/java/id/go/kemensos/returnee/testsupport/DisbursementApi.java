package id.go.kemensos.returnee.testsupport;

import id.go.kemensos.returnee.infra.launcher.PlatformService;
import tools.jackson.databind.JsonNode;

import java.util.Map;

/** disbursement-service's REST API as a finance officer's client calls it. */
public final class DisbursementApi {

    private final ServiceApi api = new ServiceApi(PlatformService.DISBURSEMENT);

    public record Response(int status, JsonNode body) {
    }

    /** Sets a budget ceiling; fails unless the API answers 200. */
    public JsonNode setCeiling(String programId, String provinceCode, String fiscalYear, long ceiling, String officer) {
        Response response = put("/api/budgets/" + programId + "/" + provinceCode + "/" + fiscalYear,
                Map.of("ceiling", ceiling, "setBy", officer));
        if (response.status() != 200) {
            throw new AssertionError("Setting the ceiling answered " + response.status() + ": " + response.body());
        }
        return response.body();
    }

    /** Imports a bank statement as a finance officer's browser does (multipart: the file and who imports it). */
    public Response reconcile(byte[] statement, String fileName, String importedBy) {
        return of(api.send(new MultipartForm(Map.of("importedBy", importedBy), "file", fileName, "text/csv", statement)
                .post(api.request("/api/reconciliations")).build()));
    }

    public Response post(String path, Map<String, ?> body) {
        return of(api.post(path, body));
    }

    public Response put(String path, Map<String, ?> body) {
        return of(api.put(path, body));
    }

    public Response get(String pathAndQuery) {
        return of(api.get(pathAndQuery));
    }

    /** The body as text when it is not JSON (a CSV report). */
    public String text(String pathAndQuery) {
        return api.get(pathAndQuery).text();
    }

    private static Response of(ServiceApi.Response response) {
        return new Response(response.status(), response.body());
    }
}

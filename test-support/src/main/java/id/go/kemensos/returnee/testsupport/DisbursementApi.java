package id.go.kemensos.returnee.testsupport;

import id.go.kemensos.returnee.infra.launcher.PlatformService;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * disbursement-service's REST API as a finance officer's client calls it (the maker, unless {@link #as} says
 * otherwise).
 */
public final class DisbursementApi {

    private final ServiceApi api;

    DisbursementApi() {
        this(new ServiceApi(PlatformService.DISBURSEMENT, OfficerLogin.FINANCE_MAKER));
    }

    private DisbursementApi(ServiceApi api) {
        this.api = api;
    }

    /** The same API called by another officer (null: without a token). */
    public DisbursementApi as(String officer) {
        return new DisbursementApi(officer == null ? api.anonymous() : api.as(officer));
    }

    public record Response(int status, JsonNode body) {}

    /** Sets a budget ceiling; fails unless the API answers 200. */
    public JsonNode setCeiling(String programId, String provinceCode, String fiscalYear, long ceiling) {
        Response response =
                put("/api/budgets/" + programId + "/" + provinceCode + "/" + fiscalYear, Map.of("ceiling", ceiling));
        if (response.status() != 200) {
            throw new AssertionError("Setting the ceiling answered " + response.status() + ": " + response.body());
        }
        return response.body();
    }

    /** Imports a bank statement as a finance officer's browser does (multipart: the file). */
    public Response reconcile(byte[] statement, String fileName) {
        return of(api.send(new MultipartForm(Map.of(), "file", fileName, "text/csv", statement)
                .post(api.request("/api/reconciliations"))
                .build()));
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

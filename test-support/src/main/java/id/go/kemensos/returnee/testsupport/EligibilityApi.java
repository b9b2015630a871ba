package id.go.kemensos.returnee.testsupport;

import id.go.kemensos.returnee.infra.launcher.PlatformService;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * eligibility-service's REST API as a ministry officer's client calls it (unless {@link #as} names another officer).
 */
public final class EligibilityApi {

    private final ServiceApi api;

    public EligibilityApi() {
        this(new ServiceApi(PlatformService.ELIGIBILITY, OfficerLogin.MINISTRY));
    }

    private EligibilityApi(ServiceApi api) {
        this.api = api;
    }

    /** The same API called by another officer (null: without a token). */
    public EligibilityApi as(String officer) {
        return new EligibilityApi(officer == null ? api.anonymous() : api.as(officer));
    }

    public record Response(int status, String text) {

        public JsonNode json() {
            return JsonMapper.builder().build().readTree(text);
        }
    }

    /** Every decision of a beneficiary, newest first. */
    public JsonNode decisionsOf(UUID beneficiaryId) {
        return get("/api/beneficiaries/" + beneficiaryId + "/decisions").json();
    }

    public Response get(String pathAndQuery) {
        return of(api.get(pathAndQuery));
    }

    public Response post(String path, Map<String, ?> body) {
        return of(api.post(path, body));
    }

    private static Response of(ServiceApi.Response response) {
        return new Response(response.status(), response.text());
    }
}

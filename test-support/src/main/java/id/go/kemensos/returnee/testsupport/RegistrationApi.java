package id.go.kemensos.returnee.testsupport;

import id.go.kemensos.returnee.infra.launcher.PlatformService;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * registration-service's REST API as a provincial clerk's client calls it. Unless {@link #as} names an officer, a
 * registration or an upload is made by the clerk of its province, and everything else by the NTB clerk.
 */
public final class RegistrationApi {

    private final ServiceApi api;
    private final boolean officerChosen;

    public RegistrationApi() {
        this(new ServiceApi(PlatformService.REGISTRATION, OfficerLogin.CLERK_NTB), false);
    }

    private RegistrationApi(ServiceApi api, boolean officerChosen) {
        this.api = api;
        this.officerChosen = officerChosen;
    }

    /** The same API called by this officer only (null: without a token). */
    public RegistrationApi as(String officer) {
        return new RegistrationApi(officer == null ? api.anonymous() : api.as(officer), true);
    }

    public record Response(int status, JsonNode body) {

        public UUID beneficiaryId() {
            return UUID.fromString(body.get("beneficiaryId").asString());
        }
    }

    public Response post(Map<String, Object> returnee) {
        Object province = returnee.get("provinceCode");
        ServiceApi clerk = officerChosen || province == null ? api : api.as(OfficerLogin.clerkOf(province.toString()));
        return of(clerk.post("/api/returnees", returnee));
    }

    /**
     * An officer's amendment of a registered returnee (PATCH: only the fields given change, e.g. phone or bank
     * account).
     */
    public Response amend(UUID beneficiaryId, Map<String, Object> changes) {
        return of(api.patch("/api/returnees/" + beneficiaryId, changes));
    }

    /** Uploads a provincial list as the province's clerk's browser does (multipart: the file and the province). */
    public Response upload(byte[] file, String fileName, String provinceCode) {
        ServiceApi clerk = officerChosen ? api : api.as(OfficerLogin.clerkOf(provinceCode));
        return of(clerk.send(new MultipartForm(
                        Map.of("provinceCode", provinceCode), "file", fileName, "application/octet-stream", file)
                .post(clerk.request("/api/uploads"))
                .build()));
    }

    /** An upload's status resource: progress, counts and failure reason. */
    public JsonNode uploadStatus(UUID uploadId) {
        return api.get("/api/uploads/" + uploadId).body();
    }

    /** GET of any path of the API, e.g. "/api/returnees?status=PAID". */
    public Response get(String pathAndQuery) {
        return of(api.get(pathAndQuery));
    }

    /** The calling officer's decision (REGISTER or REJECT) on a row an upload held for review. */
    public Response review(UUID uploadId, long rowNumber, String decision, String reason) {
        return of(api.post(
                "/api/uploads/" + uploadId + "/rows/" + rowNumber + "/review",
                Map.of("decision", decision, "reason", reason)));
    }

    /** Registers a new returnee and returns the pseudonymous beneficiary id; fails unless the API answers 201. */
    public UUID register(Map<String, Object> returnee) {
        Response response = post(returnee);
        if (response.status() != 201) {
            throw new AssertionError("Expected 201 Created, got " + response.status() + ": " + response.body());
        }
        return response.beneficiaryId();
    }

    private static Response of(ServiceApi.Response response) {
        return new Response(response.status(), response.body());
    }
}

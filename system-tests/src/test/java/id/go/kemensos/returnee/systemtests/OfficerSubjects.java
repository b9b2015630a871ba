package id.go.kemensos.returnee.systemtests;

import id.go.kemensos.returnee.testsupport.OfficerLogin;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The subject (the identity provider's user id) of a demo officer, as the services record it in events and records in
 * place of a name: read from the {@code sub} claim of the officer's own access token. The token is only decoded, not
 * verified: the services verify it; this only learns which subject they will record.
 */
final class OfficerSubjects {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String> SUBJECTS = new ConcurrentHashMap<>();

    private OfficerSubjects() {}

    /** @param username a demo officer's username ({@link OfficerLogin}) */
    static String of(String username) {
        return SUBJECTS.computeIfAbsent(username, OfficerSubjects::decode);
    }

    private static String decode(String username) {
        String bearer = OfficerLogin.bearer(username);
        String token = bearer.startsWith("Bearer ") ? bearer.substring("Bearer ".length()) : bearer;
        String[] parts = token.split("\\.");
        if (parts.length < 2) {
            throw new IllegalStateException("The access token of " + username + " is not a JWT");
        }
        JsonNode payload = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        String subject = payload.path("sub").asString("");
        if (subject.isBlank()) {
            throw new IllegalStateException("The access token of " + username + " has no subject (sub)");
        }
        return subject;
    }
}

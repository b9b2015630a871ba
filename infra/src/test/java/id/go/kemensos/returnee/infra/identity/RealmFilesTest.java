package id.go.kemensos.returnee.infra.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.kemensos.returnee.infra.stack.PlatformHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The realm that Keycloak imports (infra/keycloak/realm) gives the services what they check in a token (issuer aside,
 * which is the server's hostname option): audience returnee-platform, realm roles as {@code roles}, the province,
 * username and name, for every client; and the demo officers that {@link DemoOfficers} names, with their roles and
 * provinces.
 */
class RealmFilesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final PlatformHome HOME = PlatformHome.locate();
    private static final List<String> ROLES = List.of(
            "PROVINCIAL_OFFICER",
            "MINISTRY_OFFICER",
            "FINANCE_MAKER",
            "FINANCE_CHECKER",
            "AUDITOR",
            "PROTECTION_OFFICER",
            "DATA_PROTECTION_OFFICER",
            "PLATFORM_ADMIN",
            "METRICS_READER",
            "CASE_WORKER",
            "REFERRAL_PARTNER");

    private static JsonNode realm() throws IOException {
        return JSON.readTree(
                HOME.keycloakRealms().resolve("returnee-platform-realm.json").toFile());
    }

    private static JsonNode users() throws IOException {
        JsonNode users = JSON.readTree(
                HOME.keycloakRealms().resolve("returnee-platform-users-0.json").toFile());
        assertThat(users.get("realm").asString()).isEqualTo(IdentityProvider.REALM);
        return users.get("users");
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> nodes = new ArrayList<>();
        array.forEach(nodes::add);
        return nodes;
    }

    private static List<String> strings(JsonNode array) {
        return list(array).stream().map(JsonNode::asString).toList();
    }

    @Test
    void realmIsTheOneTheServicesTrustWithItsSecuritySettings() throws IOException {
        JsonNode realm = realm();
        assertThat(realm.get("realm").asString()).isEqualTo(IdentityProvider.REALM);
        assertThat(realm.get("enabled").asBoolean()).isTrue();
        assertThat(realm.get("bruteForceProtected").asBoolean()).isTrue();
        assertThat(realm.get("sslRequired").asString()).isEqualTo("external");
        assertThat(realm.get("accessTokenLifespan").asInt()).isEqualTo(300);
        assertThat(realm.get("registrationAllowed").asBoolean()).isFalse();
        assertThat(list(realm.get("users")))
                .as("demo officers live in the users file, which production does not import; the realm holds only "
                        + "service accounts")
                .allSatisfy(u -> assertThat(u.has("serviceAccountClientId")).isTrue())
                .allSatisfy(u -> assertThat(u.has("credentials")).isFalse());
        assertThat(IdentityProvider.issuerUri()).isEqualTo("http://127.0.0.1:8180/realms/returnee-platform");
    }

    @Test
    void realmRolesAreThePlatformsWithDescriptions() throws IOException {
        List<JsonNode> roles = list(realm().at("/roles/realm"));
        assertThat(roles).extracting(r -> r.get("name").asString()).containsExactlyInAnyOrderElementsOf(ROLES);
        assertThat(roles)
                .allSatisfy(r -> assertThat(r.get("description").asString())
                        .as("Keycloak keeps 255 characters of a role's description, and refuses the import otherwise")
                        .hasSizeBetween(21, 255));
    }

    @Test
    void userProfileDeclaresTheDefaultAttributesAndATwoDigitProvinceThatOnlyAdminsSeeAndEdit() throws IOException {
        JsonNode components = realm().at("/components/org.keycloak.userprofile.UserProfileProvider");
        assertThat(components.size()).isEqualTo(1);
        assertThat(components.get(0).get("providerId").asString()).isEqualTo("declarative-user-profile");
        JsonNode profile = JSON.readTree(
                components.get(0).at("/config/kc.user.profile.config").get(0).asString());
        Map<String, JsonNode> attributes = new LinkedHashMap<>();
        profile.get("attributes").forEach(a -> attributes.put(a.get("name").asString(), a));
        assertThat(attributes.keySet())
                .containsExactly("username", "email", "firstName", "lastName", "province", "partner");
        JsonNode partner = attributes.get("partner");
        assertThat(strings(partner.at("/permissions/edit"))).containsExactly("admin");
        Pattern partnerId =
                Pattern.compile(partner.at("/validations/pattern/pattern").asString());
        assertThat(partnerId.matcher("ntb-uptd-ppa").matches()).isTrue();
        assertThat(partnerId.matcher("NTB UPTD").matches()).isFalse();

        JsonNode province = attributes.get("province");
        assertThat(strings(province.at("/permissions/view"))).containsExactly("admin");
        assertThat(strings(province.at("/permissions/edit"))).containsExactly("admin");
        Pattern pattern =
                Pattern.compile(province.at("/validations/pattern/pattern").asString());
        assertThat(pattern.matcher("52").matches()).isTrue();
        assertThat(pattern.matcher("5").matches()).isFalse();
        assertThat(pattern.matcher("520").matches()).isFalse();
        assertThat(pattern.matcher("5a").matches()).isFalse();
    }

    @Test
    void everyClientGetsTheScopeWhoseMappersMakeTheClaimsTheServicesRead() throws IOException {
        JsonNode realm = realm();
        List<JsonNode> scopes = list(realm.get("clientScopes"));
        JsonNode api = scopes.stream()
                .filter(s -> s.get("name").asString().equals("returnee-platform-api"))
                .findFirst()
                .orElseThrow();
        Map<String, JsonNode> byKind = new LinkedHashMap<>();
        Map<String, JsonNode> byClaim = new LinkedHashMap<>();
        for (JsonNode mapper : api.get("protocolMappers")) {
            byKind.putIfAbsent(mapper.get("protocolMapper").asString(), mapper.get("config"));
            if (mapper.get("config").has("claim.name")) {
                byClaim.put(mapper.get("config").get("claim.name").asString(), mapper.get("config"));
            }
            assertThat(mapper.at("/config/access.token.claim").asString())
                    .as(mapper.toString())
                    .isEqualTo("true");
        }
        assertThat(byKind.get("oidc-audience-mapper")
                        .get("included.custom.audience")
                        .asString())
                .isEqualTo("returnee-platform");
        assertThat(byKind).containsKeys("oidc-sub-mapper", "oidc-full-name-mapper");
        JsonNode roles = byKind.get("oidc-usermodel-realm-role-mapper");
        assertThat(roles.get("claim.name").asString()).isEqualTo("roles");
        assertThat(roles.get("multivalued").asString()).isEqualTo("true");
        JsonNode province = byClaim.get("province");
        assertThat(province.get("user.attribute").asString()).isEqualTo("province");
        assertThat(province.get("jsonType.label").asString()).isEqualTo("String");
        assertThat(byClaim.get("partner").get("user.attribute").asString()).isEqualTo("partner");
        assertThat(byClaim.get("preferred_username").get("user.attribute").asString())
                .isEqualTo("username");

        assertThat(strings(realm.get("defaultDefaultClientScopes"))).containsExactly("returnee-platform-api");
        // Clients see only the platform's roles (fullScopeAllowed false): the roles claim carries nothing else.
        JsonNode mapping = list(realm.get("scopeMappings")).stream()
                .filter(m -> m.get("clientScope").asString().equals("returnee-platform-api"))
                .findFirst()
                .orElseThrow();
        assertThat(strings(mapping.get("roles"))).containsExactlyInAnyOrderElementsOf(ROLES);
        for (JsonNode client : realm.get("clients")) {
            assertThat(strings(client.get("defaultClientScopes")))
                    .as(client.get("clientId").asString())
                    .contains("returnee-platform-api");
            assertThat(client.get("fullScopeAllowed").asBoolean()).isFalse();
            assertThat(client.get("publicClient").asBoolean())
                    .as("%s: public, unless it only has a service account", client.get("clientId"))
                    .isEqualTo(!client.path("serviceAccountsEnabled").asBoolean());
            assertThat(client.get("implicitFlowEnabled").asBoolean()).isFalse();
        }
    }

    @Test
    void clientsAreTheCliTheConsoleWithPkceAndTheOneSecondExpiryProbe() throws IOException {
        Map<String, JsonNode> clients = new LinkedHashMap<>();
        realm().get("clients").forEach(c -> clients.put(c.get("clientId").asString(), c));
        assertThat(clients.keySet())
                .containsExactlyInAnyOrder(
                        DemoOfficers.CLI_CLIENT,
                        "returnee-console",
                        DemoOfficers.EXPIRY_PROBE_CLIENT,
                        DemoOfficers.METRICS_CLIENT);

        JsonNode cli = clients.get(DemoOfficers.CLI_CLIENT);
        assertThat(cli.get("directAccessGrantsEnabled").asBoolean()).isTrue();
        assertThat(cli.get("standardFlowEnabled").asBoolean()).isFalse();

        JsonNode console = clients.get("returnee-console");
        assertThat(console.get("standardFlowEnabled").asBoolean()).isTrue();
        assertThat(console.get("directAccessGrantsEnabled").asBoolean()).isFalse();
        assertThat(console.at("/attributes/pkce.code.challenge.method").asString())
                .isEqualTo("S256");
        assertThat(strings(console.get("webOrigins"))).containsExactly("+");
        List<String> redirects = strings(console.get("redirectUris"));
        assertThat(redirects).contains("http://127.0.0.1:8080/*", "http://localhost:8080/*");
        for (int port = 8081; port <= 8085; port++) {
            assertThat(redirects)
                    .contains(
                            "http://127.0.0.1:" + port + "/swagger-ui/oauth2-redirect.html",
                            "http://localhost:" + port + "/swagger-ui/oauth2-redirect.html");
        }

        JsonNode scraper = clients.get(DemoOfficers.METRICS_CLIENT);
        assertThat(scraper.get("serviceAccountsEnabled").asBoolean()).isTrue();
        assertThat(scraper.get("standardFlowEnabled").asBoolean()).isFalse();
        assertThat(scraper.get("directAccessGrantsEnabled").asBoolean()).isFalse();
        assertThat(scraper.has("secret"))
                .as("Keycloak makes the secret at import; none in the file production imports")
                .isFalse();
        JsonNode account = list(realm().get("users")).stream()
                .filter(u -> u.get("serviceAccountClientId").asString().equals(DemoOfficers.METRICS_CLIENT))
                .findFirst()
                .orElseThrow();
        assertThat(strings(account.get("realmRoles"))).containsExactly("METRICS_READER");

        JsonNode probe = clients.get(DemoOfficers.EXPIRY_PROBE_CLIENT);
        assertThat(probe.get("directAccessGrantsEnabled").asBoolean()).isTrue();
        assertThat(probe.at("/attributes/access.token.lifespan").asString()).isEqualTo("1");
    }

    @Test
    void demoOfficersAreThoseDemoOfficersNamesWithFixedIdsRolesProvincesAndLocalPasswords() throws IOException {
        Map<String, JsonNode> users = new LinkedHashMap<>();
        users().forEach(u -> users.put(u.get("username").asString(), u));
        assertThat(users.keySet())
                .containsExactlyInAnyOrderElementsOf(DemoOfficers.all().stream()
                        .map(DemoOfficers.Officer::username)
                        .toList());
        Set<UUID> ids = new HashSet<>();
        for (DemoOfficers.Officer officer : DemoOfficers.all()) {
            JsonNode user = users.get(officer.username());
            assertThat(ids.add(UUID.fromString(user.get("id").asString())))
                    .as("unique id of " + officer)
                    .isTrue();
            assertThat(user.get("enabled").asBoolean()).isTrue();
            assertThat(user.get("emailVerified").asBoolean()).isTrue();
            assertThat(user.get("firstName").asString()).isNotBlank();
            assertThat(user.get("lastName").asString()).isNotBlank();
            assertThat(strings(user.get("realmRoles"))).containsExactlyInAnyOrderElementsOf(officer.roles());
            assertThat(user.has("attributes") ? strings(user.at("/attributes/province")) : List.of())
                    .isEqualTo(officer.province().map(List::of).orElse(List.of()));
            JsonNode credential = user.get("credentials").get(0);
            assertThat(credential.get("type").asString()).isEqualTo("password");
            assertThat(credential.get("value").asString())
                    .isEqualTo(officer.username() + "-local")
                    .isEqualTo(officer.password());
            assertThat(credential.get("temporary").asBoolean()).isFalse();
        }
        assertThat(DemoOfficers.Officer.byUsername("clerk.ntb").province()).contains("52");
        assertThat(DemoOfficers.Officer.byUsername("clerk.bali").province()).contains("51");
        assertThat(DemoOfficers.Officer.byUsername("finance.lead").roles())
                .containsExactly("FINANCE_MAKER", "FINANCE_CHECKER");
    }

    @Test
    void unknownOfficerNamesTheKnownOnes() {
        DemoOfficers officers = new DemoOfficers("http://127.0.0.1:1", null);
        assertThatThrownBy(() -> officers.accessToken("root"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("clerk.ntb")
                .hasMessageContaining("auditor");
    }

    @Test
    void keycloakVersionIsTheSameInTheModuleTheStackAndCompose() throws IOException {
        Path root = HOME.root();
        assertThat(Files.readString(root.resolve("infra/keycloak/pom.xml")))
                .contains("<keycloak.version>" + IdentityProvider.KEYCLOAK_VERSION + "</keycloak.version>");
        String compose = Files.readString(root.resolve("infra/docker-compose.yml"));
        assertThat(compose)
                .contains("image: quay.io/keycloak/keycloak:" + IdentityProvider.KEYCLOAK_VERSION)
                .contains(
                        "./keycloak/realm/returnee-platform-realm.json:/opt/keycloak/data/import/returnee-platform-realm.json:ro")
                .doesNotContain("returnee-platform-users-")
                .contains("PLATFORM_ISSUER_URI: ${KC_HOSTNAME}/realms/" + IdentityProvider.REALM);
        // Every service takes the issuer from the shared environment.
        Matcher service =
                Pattern.compile("(?m)^  ([a-z-]+-service):\n((?:    .*\n)+)").matcher(compose);
        int services = 0;
        while (service.find()) {
            services++;
            assertThat(service.group(2)).as(service.group(1)).contains("<<: *service-env");
        }
        assertThat(services).isEqualTo(6);
        assertThat(HOME.keycloakDistribution().getFileName().toString())
                .isEqualTo("keycloak-" + IdentityProvider.KEYCLOAK_VERSION);
    }
}

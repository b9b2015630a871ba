package id.go.kemensos.returnee.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.kemensos.returnee.infra.stack.LocalStack;
import id.go.kemensos.returnee.infra.stack.StackDatabase;
import id.go.kemensos.returnee.privacy.DatabasePersonKeyStore;
import id.go.kemensos.returnee.privacy.PersonKeys;
import id.go.kemensos.returnee.privacy.PersonalDataCipher;
import id.go.kemensos.returnee.privacy.PlatformKeys;
import id.go.kemensos.returnee.testsupport.PlatformIntegrationTest;
import id.go.kemensos.returnee.testsupport.RunningPlatform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The key vault on the stack's database: registration's user creates a person's key and destroys it, every other
 * service's user reads it and can do neither; after destruction nothing sealed for the person opens, for anyone, and
 * the person's id never gets a key again.
 */
@PlatformIntegrationTest
class PersonKeyVaultIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static PlatformKeys keys;
    private static RunningPlatform platform;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.start();
        keys = PlatformKeys.load(LocalStack.keysDirectory(platform.stack().home()));
    }

    @Test
    void theServicesKeysAreOnDiskOnlySealedByVaultsTransitKey() throws Exception {
        Path directory = LocalStack.keysDirectory(platform.stack().home());
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .containsExactlyInAnyOrder(
                            "master-key.vault.json", "nik-index-key.vault.json", PlatformKeys.VAULT_TOKEN);
        }
        assertThat(Files.readString(directory.resolve("master-key.vault.json")))
                .contains("http://127.0.0.1:" + LocalStack.VAULT_PORT, LocalStack.PLATFORM_TRANSIT_KEY)
                .contains("encryptedKeyset");
        assertThat(platform.stack().health().get("vault-simulator"))
                .startsWith("UP")
                .contains(LocalStack.PLATFORM_TRANSIT_KEY);
    }

    private static PersonKeys as(String user) {
        DriverManagerDataSource database =
                new DriverManagerDataSource(StackDatabase.serverUrl(), user, user + "-local");
        return new PersonKeys(keys, new DatabasePersonKeyStore(new JdbcTemplate(database), Clock.systemUTC()));
    }

    @Test
    void registrationCreatesAndDestroysKeysEveryServiceReadsThemAndErasureHoldsEverywhere() {
        UUID person = UUID.randomUUID();
        PersonalDataCipher registration = new PersonalDataCipher(as("registration"), JSON);
        String sealed = registration.seal(person, "phone", "+6281234567890");

        for (String service : new String[] {"eligibility", "disbursement", "notification", "audit"}) {
            assertThat(new PersonalDataCipher(as(service), JSON).open(person, "phone", sealed))
                    .as(service)
                    .contains("+6281234567890");
            assertThatThrownBy(() -> new PersonalDataCipher(as(service), JSON)
                            .seal(UUID.randomUUID(), "phone", "+6281111111111"))
                    .as(service + " creates no key")
                    .hasStackTraceContaining("denied");
            assertThatThrownBy(() -> as(service).erase(person))
                    .as(service + " erases no one")
                    .hasStackTraceContaining("denied");
        }

        assertThat(as("registration").erase(person)).isTrue();
        for (String service : new String[] {"registration", "eligibility", "disbursement", "notification", "audit"}) {
            assertThat(new PersonalDataCipher(as(service), JSON).open(person, "phone", sealed))
                    .as(service)
                    .isEmpty();
        }
        // A fresh reader: one that held the key unwrapped may use it for up to PersonKeys.DEFAULT_KEPT (tested in
        // platform-privacy).
        assertThatThrownBy(
                        () -> new PersonalDataCipher(as("registration"), JSON).seal(person, "phone", "+6281234567890"))
                .isInstanceOf(PersonKeys.PersonErased.class);
    }
}

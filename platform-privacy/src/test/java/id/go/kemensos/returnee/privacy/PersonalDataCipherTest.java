package id.go.kemensos.returnee.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import id.go.kemensos.returnee.contracts.registration.BankAccount;
import id.go.kemensos.returnee.contracts.registration.PersonalDetails;
import id.go.kemensos.returnee.contracts.registration.ReturneeCategory;
import id.go.kemensos.returnee.contracts.registration.ReturneeRegistered;
import id.go.kemensos.returnee.contracts.registration.Sex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class PersonalDataCipherTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path keysDir;

    private static PlatformKeys platform;

    @BeforeAll
    static void keys() {
        PlatformKeys.generateIfAbsent(keysDir);
        platform = PlatformKeys.load(keysDir);
    }

    @Test
    void aSealedFieldOpensForItsPersonAndFieldOnlyAndHidesTheText() {
        PersonalDataCipher cipher = new PersonalDataCipher(new PersonKeys(platform, new MemoryPersonKeyStore()), JSON);
        UUID siti = UUID.randomUUID();
        UUID lalu = UUID.randomUUID();
        cipher.seal(lalu, "fullName", "LALU MUHAMMAD ZAINI");

        String sealed = cipher.seal(siti, "fullName", "SITI AMINAH");
        assertThat(sealed)
                .startsWith("pd1:")
                .doesNotContain("SITI")
                .isNotEqualTo(cipher.seal(siti, "fullName", "SITI AMINAH"));
        assertThat(cipher.open(siti, "fullName", sealed)).contains("SITI AMINAH");
        assertThat(cipher.seal(siti, "phone", null)).isNull();
        assertThatThrownBy(() -> cipher.open(siti, "phone", sealed))
                .as("another field")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cipher.open(lalu, "fullName", sealed))
                .as("another person")
                .isInstanceOf(IllegalArgumentException.class);
        String altered = sealed.substring(0, sealed.length() - 2) + (sealed.endsWith("AA") ? "AB" : "AA");
        assertThatThrownBy(() -> cipher.open(siti, "fullName", altered)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void erasingAPersonMakesEverythingSealedForThemUnreadableAndNothingNewIsSealed() {
        MemoryPersonKeyStore store = new MemoryPersonKeyStore();
        PersonKeys keys = new PersonKeys(platform, store);
        PersonalDataCipher cipher = new PersonalDataCipher(keys, JSON);
        UUID siti = UUID.randomUUID();
        UUID lalu = UUID.randomUUID();
        String name = cipher.seal(siti, "fullName", "SITI AMINAH");
        String account = cipher.seal(siti, "accountNumber", "012301012345501");
        String other = cipher.seal(lalu, "fullName", "LALU MUHAMMAD ZAINI");

        assertThat(keys.erase(siti)).isTrue();

        assertThat(cipher.open(siti, "fullName", name)).isEmpty();
        assertThat(cipher.open(siti, "accountNumber", account)).isEmpty();
        assertThat(cipher.open(lalu, "fullName", other))
                .as("others are untouched")
                .contains("LALU MUHAMMAD ZAINI");
        assertThatThrownBy(() -> cipher.seal(siti, "phone", "+6281234567890"))
                .isInstanceOf(PersonKeys.PersonErased.class);
        assertThat(keys.erase(siti)).as("once").isFalse();
    }

    @Test
    void aWrappedKeyNeedsTheMasterKeyAndItsOwnPerson(@TempDir Path otherKeys) {
        MemoryPersonKeyStore store = new MemoryPersonKeyStore();
        UUID siti = UUID.randomUUID();
        UUID lalu = UUID.randomUUID();
        new PersonKeys(platform, store).forPerson(siti);
        assertThat(new String(store.keys.get(siti), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("AesGcmKey");

        PlatformKeys.generateIfAbsent(otherKeys);
        assertThatThrownBy(() -> new PersonKeys(PlatformKeys.load(otherKeys), store).existing(siti))
                .as("another master key")
                .isInstanceOf(IllegalStateException.class);
        store.keys.put(lalu, store.keys.get(siti));
        assertThatThrownBy(() -> new PersonKeys(platform, store).existing(lalu))
                .as("moved to another person")
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void keysAreGeneratedOnceAndAMissingKeyIsNamed(@TempDir Path dir) throws Exception {
        PlatformKeys.generateIfAbsent(dir);
        String master = Files.readString(dir.resolve(PlatformKeys.MASTER_KEY));
        PlatformKeys.generateIfAbsent(dir);
        assertThat(Files.readString(dir.resolve(PlatformKeys.MASTER_KEY)))
                .as("never replaced")
                .isEqualTo(master);
        Files.delete(dir.resolve(PlatformKeys.NIK_INDEX_KEY));
        PlatformKeys withoutIndexKey = PlatformKeys.load(dir);
        assertThatThrownBy(() -> new BlindIndex(withoutIndexKey))
                .as("only registration needs it")
                .hasMessageContaining(PlatformKeys.NIK_INDEX_KEY);
        Files.delete(dir.resolve(PlatformKeys.MASTER_KEY));
        assertThatThrownBy(() -> PlatformKeys.load(dir)).hasMessageContaining(PlatformKeys.MASTER_KEY);
    }

    @Test
    void aPersonsDetailsAreSealedWholeAndARegistrationFromBeforeSealingIsReadAsItWasWritten() {
        PersonKeys keys = new PersonKeys(platform, new MemoryPersonKeyStore());
        PersonalDataCipher cipher = new PersonalDataCipher(keys, JSON);
        UUID siti = UUID.randomUUID();
        keys.createAll(java.util.List.of(siti));
        PersonalDetails details = new PersonalDetails(
                "5201********0001",
                "SITI AMINAH",
                java.time.LocalDate.of(1990, 5, 17),
                "+6281234567890",
                new BankAccount("002", "012301012345501", "SITI AMINAH"),
                ReturneeCategory.KPO,
                "IOM",
                null,
                null);

        String sealed = cipher.seal(siti, details);
        assertThat(sealed).doesNotContain("SITI").doesNotContain("KPO");
        ReturneeRegistered event = ReturneeRegistered.sealed(
                siti,
                Sex.FEMALE,
                "52",
                "5201",
                "MY",
                java.time.LocalDate.of(2019, 9, 1),
                true,
                2,
                true,
                null,
                java.time.Instant.now(),
                sealed);
        assertThat(cipher.details(event)).contains(details);
        ReturneeRegistered before = new ReturneeRegistered(
                siti,
                "5201********0001",
                "SITI AMINAH",
                Sex.FEMALE,
                details.birthDate(),
                "52",
                "5201",
                ReturneeCategory.KPO,
                "IOM",
                "MY",
                java.time.LocalDate.of(2019, 9, 1),
                "+6281234567890",
                details.bankAccount(),
                true,
                null,
                true,
                null,
                java.time.Instant.now(),
                null,
                null);
        assertThat(cipher.details(before)).contains(details);

        keys.erase(siti);
        assertThat(cipher.details(event)).isEmpty();
    }

    @Test
    void aBatchOfKeysIsReadInOneGoAndAKeyDestroyedElsewhereIsForgottenWithinItsTime() {
        MemoryPersonKeyStore store = new MemoryPersonKeyStore();
        UUID siti = UUID.randomUUID();
        UUID lalu = UUID.randomUUID();
        new PersonKeys(platform, store).createAll(java.util.List.of(siti, lalu));
        PersonKeys elsewhere = new PersonKeys(platform, store, Duration.ofMillis(200));
        PersonalDataCipher cipher = new PersonalDataCipher(elsewhere, JSON);
        String name =
                new PersonalDataCipher(new PersonKeys(platform, store), JSON).seal(siti, "fullName", "SITI AMINAH");

        elsewhere.load(java.util.List.of(siti, lalu, UUID.randomUUID()));
        store.destroy(siti);
        assertThat(cipher.open(siti, "fullName", name))
                .as("kept unwrapped for a while")
                .contains("SITI AMINAH");
        await().atMost(Duration.ofSeconds(5))
                .until(() -> cipher.open(siti, "fullName", name).isEmpty());
        elsewhere.forget(lalu);
        assertThat(elsewhere.existing(lalu)).as("read again from the store").isPresent();
    }
}

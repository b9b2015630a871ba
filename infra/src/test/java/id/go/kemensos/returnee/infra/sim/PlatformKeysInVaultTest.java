package id.go.kemensos.returnee.infra.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.kemensos.returnee.infra.sim.VaultTransitSimulator.Capability;
import id.go.kemensos.returnee.privacy.BlindIndex;
import id.go.kemensos.returnee.privacy.PlatformKeys;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform's keys sealed by a Vault transit key, through the real client (Spring Vault) against the transit
 * simulator: what the files alone give away, who may open them, and what Vault's faults and absence do to a service's
 * start.
 */
class PlatformKeysInVaultTest {

    private static final String NIK = "5202015508900001";
    private static final String KEY = "returnee-platform";

    @TempDir
    Path work;

    private VaultTransitSimulator vault;
    private Path keys;

    @BeforeEach
    void start() {
        vault = new VaultTransitSimulator(0, work.resolve("vault/state.json"));
        vault.start();
        vault.createKey(KEY);
        keys = work.resolve("keys");
    }

    @AfterEach
    void stop() {
        vault.close();
    }

    @Test
    void keysOfAnEarlierStackAreSealedWithoutChangingThemAndOpenOnlyWithADecryptToken() throws Exception {
        PlatformKeys.generateIfAbsent(keys);
        String clearMaster = Files.readString(keys.resolve(PlatformKeys.MASTER_KEY));
        String indexBefore = new BlindIndex(PlatformKeys.load(keys)).of(NIK);

        seal();

        assertThat(keys.resolve(PlatformKeys.MASTER_KEY))
                .as("the clear file is gone")
                .doesNotExist();
        assertThat(keys.resolve(PlatformKeys.NIK_INDEX_KEY)).doesNotExist();
        String sealedMaster = Files.readString(keys.resolve("master-key.vault.json"));
        assertThat(sealedMaster).contains(vault.baseUrl(), KEY).doesNotContain(keyValueOf(clearMaster));
        assertThatThrownBy(() -> PlatformKeys.load(keys))
                .as("no token yet")
                .hasMessageContaining(PlatformKeys.VAULT_TOKEN);

        PlatformKeys.writeVaultToken(keys, vault.issueToken(EnumSet.of(Capability.DECRYPT)));
        assertThat(new BlindIndex(PlatformKeys.load(keys)).of(NIK))
                .as("the same key material, now sealed")
                .isEqualTo(indexBefore);

        seal();
        assertThat(Files.readString(keys.resolve("master-key.vault.json")))
                .as("a sealed key is never replaced")
                .isEqualTo(sealedMaster);
    }

    @Test
    void aTokenThatMayOnlyEncryptOrIsRevokedCannotOpenTheKeys() {
        seal();
        String sealer = vault.issueToken(EnumSet.of(Capability.ENCRYPT));
        PlatformKeys.writeVaultToken(keys, sealer);
        assertThatThrownBy(() -> PlatformKeys.load(keys)).hasMessageContaining("permission denied");

        String reader = vault.issueToken(EnumSet.of(Capability.DECRYPT));
        PlatformKeys.writeVaultToken(keys, reader);
        PlatformKeys.load(keys);
        vault.revokeToken(reader);
        assertThatThrownBy(() -> PlatformKeys.load(keys)).hasMessageContaining("permission denied");
    }

    @Test
    void oneKeysSealedFileCannotBePassedOffAsTheOther() throws Exception {
        seal();
        PlatformKeys.writeVaultToken(keys, vault.issueToken(EnumSet.of(Capability.DECRYPT)));
        Files.copy(
                keys.resolve("nik-index-key.vault.json"),
                keys.resolve("master-key.vault.json"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        assertThatThrownBy(() -> PlatformKeys.load(keys)).hasMessageContaining("cannot be opened");
    }

    @Test
    void vaultFailingHalfItsCallsStillOpensTheKeysAndARestartedVaultStillKnowsThem() {
        // A seeded draw, so the run is the same every time: faults come, but never six in a row (the client's
        // attempts).
        long seed = 20261205L;
        assertThat(longestRunOfFaults(new Random(seed), 0.5, 40)).isBetween(2, 5);
        vault.close();
        vault = new VaultTransitSimulator(0, work.resolve("vault/state.json"), new Random(seed));
        vault.start();
        seal();
        String reader = vault.issueToken(EnumSet.of(Capability.DECRYPT));
        PlatformKeys.writeVaultToken(keys, reader);
        String index = new BlindIndex(PlatformKeys.load(keys)).of(NIK);

        vault.faults(FaultProfile.errors(0.5));
        for (int start = 0; start < 5; start++) {
            assertThat(new BlindIndex(PlatformKeys.load(keys)).of(NIK)).isEqualTo(index);
        }
        assertThat(vault.faultsInjected())
                .as("faults were injected and retried")
                .isPositive();

        int port = vault.port();
        vault.close();
        vault = new VaultTransitSimulator(port, work.resolve("vault/state.json"));
        vault.start();
        assertThat(vault.knowsToken(reader)).isTrue();
        assertThat(new BlindIndex(PlatformKeys.load(keys)).of(NIK)).isEqualTo(index);
    }

    @Test
    void anUnreachableVaultStopsTheStartWithItsAddressAndAMovedVaultIsReachedByVaultAddr() {
        seal();
        PlatformKeys.writeVaultToken(keys, vault.issueToken(EnumSet.of(Capability.DECRYPT)));
        String address = vault.baseUrl();
        vault.close();

        assertThatThrownBy(() -> PlatformKeys.load(keys))
                .hasMessageContaining("cannot be opened")
                .hasMessageContaining(address)
                .hasMessageContaining("decrypt");

        vault = new VaultTransitSimulator(0, work.resolve("vault/state.json"));
        vault.start();
        assertThat(vault.baseUrl()).isNotEqualTo(address);
        assertThat(new BlindIndex(PlatformKeys.load(keys, URI.create(vault.baseUrl()))).of(NIK))
                .hasSize(64);
    }

    private static int longestRunOfFaults(Random random, double rate, int draws) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < draws; i++) {
            run = random.nextDouble() < rate ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }

    private void seal() {
        String sealer = vault.issueToken(EnumSet.of(Capability.ENCRYPT));
        PlatformKeys.sealInVault(keys, URI.create(vault.baseUrl()), sealer, KEY);
        vault.revokeToken(sealer);
    }

    /** The base64 key material inside a clear Tink JSON keyset. */
    private static String keyValueOf(String clearKeyset) {
        int start = clearKeyset.indexOf("\"value\"");
        int open = clearKeyset.indexOf('"', clearKeyset.indexOf(':', start) + 1);
        return clearKeyset.substring(open + 1, clearKeyset.indexOf('"', open + 1));
    }
}

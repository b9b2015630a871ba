package id.go.kemensos.returnee.privacy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class BlindIndexTest {

    @Test
    void theSameNikGivesTheSameIndexUnderOneKeyAndAnotherUnderAnother(@TempDir Path one, @TempDir Path two) {
        PlatformKeys.generateIfAbsent(one);
        PlatformKeys.generateIfAbsent(two);
        BlindIndex index = new BlindIndex(PlatformKeys.load(one));

        String siti = index.of("5202015508900001");
        assertThat(siti).hasSize(64).matches("[0-9a-f]+").doesNotContain("5202015508900001");
        assertThat(index.of(" 5202015508900001 ")).isEqualTo(siti);
        assertThat(new BlindIndex(PlatformKeys.load(one)).of("5202015508900001")).as("the same key, later").isEqualTo(siti);
        assertThat(index.of("5202015508900002")).isNotEqualTo(siti);
        assertThat(new BlindIndex(PlatformKeys.load(two)).of("5202015508900001")).as("without this key").isNotEqualTo(siti);
    }
}

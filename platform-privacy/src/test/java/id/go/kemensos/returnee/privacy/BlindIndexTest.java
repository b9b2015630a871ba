package id.go.kemensos.returnee.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlindIndexTest {

    @Test
    void theSameNikGivesTheSameIndexUnderOneKeyAndAnotherUnderAnother(@TempDir Path one, @TempDir Path two) {
        PlatformKeys.generateIfAbsent(one);
        PlatformKeys.generateIfAbsent(two);
        BlindIndex index = new BlindIndex(PlatformKeys.load(one));

        String siti = index.of("5202015508900001");
        assertThat(siti).hasSize(64).matches("[0-9a-f]+").doesNotContain("5202015508900001");
        assertThat(index.of(" 5202015508900001 ")).isEqualTo(siti);
        assertThat(new BlindIndex(PlatformKeys.load(one)).of("5202015508900001"))
                .as("the same key, later")
                .isEqualTo(siti);
        assertThat(index.of("5202015508900002")).isNotEqualTo(siti);
        assertThat(new BlindIndex(PlatformKeys.load(two)).of("5202015508900001"))
                .as("without this key")
                .isNotEqualTo(siti);
    }

    @Test
    void aNameIsSearchedByTheTokensOfItsWordsWhichManyWordsShare(@TempDir Path keys) {
        PlatformKeys.generateIfAbsent(keys);
        BlindIndex index = new BlindIndex(PlatformKeys.load(keys));

        assertThat(BlindIndex.nameWords("Hj. Siti  Aminah binti-Ahmad, S"))
                .containsExactly("HJ", "SITI", "AMINAH", "BINTI", "AHMAD");
        assertThat(BlindIndex.nameWords(null)).isEmpty();
        String siti = index.nameToken("SITI");
        assertThat(siti).matches("[0-9a-f]{4}").isEqualTo(index.nameToken("SITI"));
        assertThat(siti)
                .as("apart from the NIK index under the same key")
                .isNotEqualTo(index.of("SITI").substring(0, 4));
        // 2 bytes: among 200,000 distinct words, tokens repeat; a match is a candidate, confirmed by opening the name.
        long distinct = java.util.stream.IntStream.range(0, 200_000)
                .mapToObj(i -> index.nameToken("W" + i))
                .distinct()
                .count();
        assertThat(distinct).isLessThanOrEqualTo(65_536).isGreaterThan(60_000);
    }
}

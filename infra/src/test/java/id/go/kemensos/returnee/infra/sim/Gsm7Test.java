package id.go.kemensos.returnee.infra.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Gsm7Test {

    private static final String PAID = "Yth. SITI AMINAH, bantuan stimulan usaha Rp960.000 sdh ditransfer ke rek BRI "
            + "***1234 tgl 12/03/2025. Tidak ada biaya apapun. Info: Dinsos setempat / 171";

    @Test
    void platformNoticesAreSingleGsm7Messages() {
        assertThat(Gsm7.isGsm7(PAID)).isTrue();
        assertThat(Gsm7.segments(PAID)).isEqualTo(1);
        assertThat(Gsm7.encoding(PAID)).isEqualTo("GSM7");
    }

    @Test
    void gsm7SplitsAt160SingleAnd153PerPart() {
        assertThat(Gsm7.segments("a".repeat(160))).isEqualTo(1);
        assertThat(Gsm7.segments("a".repeat(161))).isEqualTo(2);
        assertThat(Gsm7.segments("a".repeat(306))).isEqualTo(2);
        assertThat(Gsm7.segments("a".repeat(307))).isEqualTo(3);
        assertThat(Gsm7.segments("")).isZero();
    }

    @Test
    void extensionCharactersCostTwoSeptetsAndAreNeverSplit() {
        assertThat(Gsm7.isGsm7("^{}\\[~]|€")).isTrue();
        assertThat(Gsm7.segments("a".repeat(159) + "€")).isEqualTo(2);
        assertThat(Gsm7.segments("a".repeat(158) + "€")).isEqualTo(1);
        // 306 septets would fit two parts, but the escape pair cannot straddle the first boundary.
        assertThat(Gsm7.segments("a".repeat(152) + "€" + "a".repeat(152))).isEqualTo(3);
    }

    @Test
    void anythingOutsideGsm7SwitchesTheWholeMessageToUcs2() {
        assertThat(Gsm7.isGsm7("Bantuan untuk Pak Ā")).isFalse();
        assertThat(Gsm7.isGsm7("Selamat 🎉")).isFalse();
        assertThat(Gsm7.encoding("ā")).isEqualTo("UCS2");
        assertThat(Gsm7.segments("ā" + "a".repeat(69))).isEqualTo(1);
        assertThat(Gsm7.segments("ā" + "a".repeat(70))).isEqualTo(2);
        assertThat(Gsm7.segments("ā" + "a".repeat(133))).isEqualTo(2);
        assertThat(Gsm7.segments("ā" + "a".repeat(134))).isEqualTo(3);
        // An emoji is a surrogate pair: two units that stay in one part.
        assertThat(Gsm7.segments("a".repeat(66) + "🎉" + "a".repeat(66))).isEqualTo(3);
    }

    @Test
    void gsm7AccentedLettersStayGsm7() {
        assertThat(Gsm7.isGsm7("èéùìòÇØøÅåÄÖÑÜäöñüà£¥§¿¡ΔΦΓΛΩΠΨΣΘΞ@$_\n\r")).isTrue();
        assertThat(Gsm7.isGsm7("ç")).isFalse(); // only the capital Ç is in the basic table
    }
}

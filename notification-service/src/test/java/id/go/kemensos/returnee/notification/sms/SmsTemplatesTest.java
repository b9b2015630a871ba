package id.go.kemensos.returnee.notification.sms;

import id.go.kemensos.returnee.infra.sim.Gsm7;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SmsTemplatesTest {

    /** Words that would reveal why someone came home (Law 21/2007 art. 44) or invite phishing. */
    private static final List<String> FORBIDDEN = List.of("korban", "perdagangan orang", "tppo", "trafficking", "victim",
            "deport", "dideportasi", "deportasi", "kpo", "http", "www", ".com", "bit.ly");

    private final SmsTemplates templates = new SmsTemplates();

    private static Map<String, String> params(String name) {
        return Map.of("name", name, "amount", SmsQueue.rupiah(960_000), "bank", "Bank NTB Syariah", "account", "***1234",
                "date", "12/03/2025");
    }

    @ParameterizedTest
    @EnumSource(SmsTemplate.class)
    void everyTemplateFitsOneGsm7SegmentEvenWithAVeryLongName(SmsTemplate template) {
        String text = templates.render(template, params("NI LUH PUTU AYU KOMANG SRI WAHYUNI DEWI ANGGRENI PRATIWI SARASWATI"));

        assertThat(text).hasSizeLessThanOrEqualTo(160).startsWith("Yth. NI LUH");
        assertThat(Gsm7.isGsm7(text)).as("GSM-7 only: %s", text).isTrue();
        assertThat(Gsm7.segments(text)).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(SmsTemplate.class)
    void noTemplateRevealsCategoryOrCarriesALink(SmsTemplate template) {
        String text = templates.render(template, params("SITI AMINAH")).toLowerCase();

        assertThat(FORBIDDEN).allSatisfy(word -> assertThat(text).doesNotContain(word));
        assertThat(text).contains("171");
    }

    @Test
    void thePaymentMessageGivesAmountBankAndOnlyTheLastFourDigits() {
        String text = templates.render(SmsTemplate.PAYMENT_SENT, Map.of("name", "SITI AMINAH", "amount", SmsQueue.rupiah(960_000),
                "bank", "BRI", "account", "***5501", "date", "12/03/2025"));

        assertThat(text).isEqualTo("Yth. SITI AMINAH, bantuan stimulan usaha Rp960.000 sdh ditransfer ke rek BRI ***5501 tgl "
                + "12/03/2025. Tidak ada biaya apapun. Info: Dinsos setempat / 171");
    }

    @Test
    void rupiahUsesIndonesianThousandsSeparators() {
        assertThat(SmsQueue.rupiah(960_000)).isEqualTo("Rp960.000");
        assertThat(SmsQueue.rupiah(5_050_000)).isEqualTo("Rp5.050.000");
    }
}

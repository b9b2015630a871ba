package id.go.kemensos.returnee.notification.sms;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kemensos.returnee.infra.sim.Gsm7;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SmsTemplatesTest {

    /** Words that would reveal why someone came home (Law 21/2007 art. 44) or invite phishing. */
    private static final List<String> FORBIDDEN = List.of(
            "korban",
            "perdagangan orang",
            "tppo",
            "trafficking",
            "victim",
            "deport",
            "dideportasi",
            "deportasi",
            "kpo",
            "perdagangan",
            "trafficked",
            "http",
            "www",
            ".com",
            "bit.ly");

    private final SmsTemplates templates = new SmsTemplates();

    private static Map<String, String> params(String name) {
        return Map.of(
                "name",
                name,
                "amount",
                SmsQueue.rupiah(960_000),
                "bank",
                "Bank NTB Syariah",
                "account",
                "***1234",
                "date",
                "12/03/2025");
    }

    /** Every template in every language, with the longest reason where the template has one. */
    static Stream<Arguments> everyTemplateInEveryLanguage() {
        return SmsTemplates.LANGUAGES.stream()
                .flatMap(language -> Stream.of(SmsTemplate.values()).map(t -> Arguments.of(language, t)));
    }

    private String render(String language, SmsTemplate template, String name) {
        Map<String, String> params = new HashMap<>(params(name));
        String longestReason = templates.criteriaWithReasons().stream()
                .map(c -> templates.reason(c, language))
                .max(Comparator.comparingInt(String::length))
                .orElseThrow();
        params.put("reason", longestReason);
        return templates.render(template, language, params);
    }

    @ParameterizedTest(name = "{1} in {0}")
    @MethodSource("everyTemplateInEveryLanguage")
    void everyTemplateFitsOneGsm7SegmentEvenWithAVeryLongName(String language, SmsTemplate template) {
        String text = render(language, template, "NI LUH PUTU AYU KOMANG SRI WAHYUNI DEWI ANGGRENI PRATIWI SARASWATI");

        assertThat(text).hasSizeLessThanOrEqualTo(160).contains("NI LUH").doesNotContain("{");
        assertThat(Gsm7.isGsm7(text)).as("GSM-7 only: %s", text).isTrue();
        assertThat(Gsm7.segments(text)).isEqualTo(1);
    }

    @ParameterizedTest(name = "{1} in {0}")
    @MethodSource("everyTemplateInEveryLanguage")
    void noTemplateRevealsCategoryOrCarriesALink(String language, SmsTemplate template) {
        String text = render(language, template, "SITI AMINAH").toLowerCase();

        assertThat(FORBIDDEN).allSatisfy(word -> assertThat(text).doesNotContain(word));
        assertThat(text).contains("171");
    }

    @Test
    void everyReasonIsPlainWordsWithoutTheCategory() {
        for (String language : SmsTemplates.LANGUAGES) {
            for (String criterion : templates.criteriaWithReasons()) {
                assertThat(FORBIDDEN)
                        .allSatisfy(word -> assertThat(
                                        templates.reason(criterion, language).toLowerCase())
                                .doesNotContain(word));
            }
        }
        assertThat(templates.reason("C4", "id")).isEqualTo("belum terdaftar di DTKS");
        assertThat(templates.reason("C4", "en")).isEqualTo("not listed in DTKS");
        assertThat(templates.reason("C99", "id")).isEqualTo(templates.reason("OTHER", "id"));
    }

    @Test
    void thePaymentMessageGivesAmountBankAndOnlyTheLastFourDigits() {
        String text = templates.render(
                SmsTemplate.PAYMENT_SENT,
                Map.of(
                        "name",
                        "SITI AMINAH",
                        "amount",
                        SmsQueue.rupiah(960_000),
                        "bank",
                        "BRI",
                        "account",
                        "***5501",
                        "date",
                        "12/03/2025"));

        assertThat(text)
                .isEqualTo("Yth. SITI AMINAH, bantuan stimulan usaha Rp960.000 sdh ditransfer ke rek BRI ***5501 tgl "
                        + "12/03/2025. Tidak ada biaya apapun. Info: Dinsos setempat / 171");
    }

    @Test
    void rupiahUsesIndonesianThousandsSeparators() {
        assertThat(SmsQueue.rupiah(960_000)).isEqualTo("Rp960.000");
        assertThat(SmsQueue.rupiah(5_050_000)).isEqualTo("Rp5.050.000");
    }
}

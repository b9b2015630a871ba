package id.go.kemensos.returnee.notification.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.kemensos.returnee.contracts.program.Program;
import id.go.kemensos.returnee.contracts.program.ProgramCatalogue;
import id.go.kemensos.returnee.infra.sim.Gsm7;
import id.go.kemensos.returnee.testsupport.SmsTemplateMarks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
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

    private static final ProgramCatalogue PROGRAMS = ProgramCatalogue.load("");
    private final SmsTemplates templates = new SmsTemplates(PROGRAMS, "");

    @TempDir
    Path programsDir;

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
                "12/03/2025",
                "due",
                "12/03/2025",
                "code",
                "1234567890",
                SmsTemplates.REGENCY,
                "7109", // Kab. Kep. Siau Tagulandang Biaro, one of the longest names
                SmsTemplates.RESOLUTION,
                "NOT_RESOLVED");
    }

    /** Every template of every declared program in every language. */
    static Stream<Arguments> everyTemplateInEveryLanguage() {
        return PROGRAMS.all().stream()
                .flatMap(program -> SmsTemplates.LANGUAGES.stream()
                        .flatMap(language -> Stream.of(SmsTemplate.values())
                                .map(t -> Arguments.of(language, t, program.programId()))));
    }

    /** Rendered with the program's longest refusal reason where the template has one. */
    private String render(String language, SmsTemplate template, String programId, String name) {
        Map<String, String> params = new HashMap<>(params(name));
        params.put("program", programId);
        params.put("criterion", longestReason(programId, language));
        return templates.render(template, language, params);
    }

    private static String longestReason(String programId, String language) {
        Program program = PROGRAMS.find(programId).orElseThrow();
        return program.refusalReasons().keySet().stream()
                .max(Comparator.comparingInt(
                        c -> program.refusalReason(c, language).orElse("").length()))
                .orElseThrow();
    }

    @ParameterizedTest(name = "{2} {1} in {0}")
    @MethodSource("everyTemplateInEveryLanguage")
    void everyTemplateFitsOneGsm7SegmentEvenWithAVeryLongName(String language, SmsTemplate template, String program) {
        String text = render(
                language, template, program, "NI LUH PUTU AYU KOMANG SRI WAHYUNI DEWI ANGGRENI PRATIWI SARASWATI");

        assertThat(text)
                .hasSizeLessThanOrEqualTo(160)
                .as("at least 20 characters of the name are left")
                .contains("NI LUH PUTU AYU KOMA")
                .doesNotContain("{");
        assertThat(Gsm7.isGsm7(text)).as("GSM-7 only: %s", text).isTrue();
        assertThat(Gsm7.segments(text)).isEqualTo(1);
    }

    @ParameterizedTest(name = "{2} {1} in {0}")
    @MethodSource("everyTemplateInEveryLanguage")
    void noTemplateRevealsCategoryOrCarriesALink(String language, SmsTemplate template, String program) {
        String text = render(language, template, program, "SITI AMINAH").toLowerCase();

        assertThat(FORBIDDEN).allSatisfy(word -> assertThat(text).doesNotContain(word));
        assertThat(text).contains("171");
    }

    @Test
    void everyReasonIsPlainWordsWithoutTheCategory() {
        for (Program program : PROGRAMS.all()) {
            for (String language : SmsTemplates.LANGUAGES) {
                for (String criterion : program.refusalReasons().keySet()) {
                    assertThat(FORBIDDEN)
                            .allSatisfy(word -> assertThat(templates
                                            .reason(program, criterion, language)
                                            .toLowerCase())
                                    .doesNotContain(word));
                }
            }
        }
        Program grant = PROGRAMS.find("BSU").orElseThrow();
        assertThat(templates.reason(grant, "C4", "id")).isEqualTo("belum terdata miskin di DTSEN");
        assertThat(templates.reason(grant, "C4", "en")).isEqualTo("not listed as poor in DTSEN");
        assertThat(templates.reason(grant, "C99", "id")).isEqualTo("lihat keterangan di Dinsos");
        assertThat(templates.render(
                        SmsTemplate.NOT_ELIGIBLE,
                        "en",
                        Map.of("name", "SITI AMINAH", "program", "BSU", "criterion", "C5")))
                .contains("business grant: account not in your own name.");
    }

    @Test
    void aSecondProgramSpeaksWithItsOwnTextsAndAPaymentOfUnnamedProgramWithTheGrants() throws Exception {
        Files.writeString(programsDir.resolve("BPU-KLU.yaml"), secondProgram(true));
        ProgramCatalogue catalogue = ProgramCatalogue.load(programsDir.toString());
        SmsTemplates both = new SmsTemplates(catalogue, "");

        assertThat(both.render(
                        SmsTemplate.ELIGIBLE,
                        "id",
                        Map.of("name", "BAIQ NURUL", "program", "BPU-KLU", "amount", SmsQueue.rupiah(1_500_000))))
                .isEqualTo("Yth. BAIQ NURUL, Anda LAYAK menerima bantuan pemulihan usaha Rp1.500.000. Info: 171");
        assertThat(both.render(
                        SmsTemplate.NOT_ELIGIBLE,
                        "id",
                        Map.of("name", "BAIQ NURUL", "program", "BPU-KLU", "criterion", "K1")))
                .isEqualTo("Yth. BAIQ NURUL, belum memenuhi syarat: usia belum 18 tahun. Info: 171");
        assertThat(both.render(SmsTemplate.PAYMENT_FAILED, "id", Map.of("name", "SITI AMINAH")))
                .as("queued before payments named their program: the grant's text")
                .startsWith("Yth. SITI AMINAH, transfer bantuan ke rek Anda belum berhasil.");
    }

    @Test
    void aProgramWithoutATextStopsTheStartNamingProgramTemplateAndLanguage() throws Exception {
        Files.writeString(programsDir.resolve("BPU-KLU.yaml"), secondProgram(false));
        ProgramCatalogue catalogue = ProgramCatalogue.load(programsDir.toString());

        assertThatThrownBy(() -> new SmsTemplates(catalogue, ""))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("program BPU-KLU (" + programsDir.resolve("BPU-KLU.yaml")
                        + ") has no SMS text for PAYMENT_RETURNED (en)")
                .hasMessageNotContaining("BSU");
    }

    @Test
    void aTemplatesFileWithoutTheRegistrationTextStopsTheStart(@TempDir Path templatesDir) throws Exception {
        Files.writeString(templatesDir.resolve("sms-en.properties"), "REASON_OTHER=ask Dinas Sosial\n");

        assertThatThrownBy(() -> new SmsTemplates(PROGRAMS, templatesDir.toString()))
                .hasMessageContaining("sms-en.properties has no REGISTERED");
    }

    /** A regency's own grant as an operator would declare it; without its English payment-returned text if asked. */
    private static String secondProgram(boolean complete) {
        StringBuilder yaml = new StringBuilder("""
                programId: BPU-KLU
                ruleSet: bantuan-pemulihan-usaha-klu
                sms:
                """);
        for (String language : SmsTemplates.LANGUAGES) {
            yaml.append("  ").append(language).append(":\n");
            yaml.append(
                    "    ELIGIBLE: \"Yth. {name}, Anda LAYAK menerima bantuan pemulihan usaha {amount}. Info: 171\"\n");
            yaml.append("    NOT_ELIGIBLE: \"Yth. {name}, belum memenuhi syarat: {reason}. Info: 171\"\n");
            yaml.append("    PAYMENT_SENT: \"Yth. {name}, {amount} sdh ditransfer ke {bank} {account}. Info: 171\"\n");
            yaml.append("    PAYMENT_FAILED: \"Yth. {name}, transfer belum berhasil. Info: 171\"\n");
            if (complete || !language.equals("en")) {
                yaml.append("    PAYMENT_RETURNED: \"Yth. {name}, transfer dikembalikan bank. Info: 171\"\n");
            }
        }
        yaml.append("refusalReasons:\n  K1: {id: usia belum 18 tahun, en: under 18 years old}\n");
        return yaml.toString();
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
                        + "12/03/2025. Tanpa biaya apa pun. Info: Dinsos/171");
    }

    @ParameterizedTest(name = "{0} is written {1}")
    @CsvSource(delimiter = '|', textBlock = """
            NUR’AINI                | NUR'AINI
            SÍTI ÀMINAH              | SITI AMINAH
            I GUSTI  AYU KOMANG      | I GUSTI AYU KOMANG
            عبد الله  | bd allh
            LALU “ZAINI”       | LALU ZAINI
            """)
    void aNameIsWrittenInGsm7SoTheMessageStaysOneSegment(String typed, String written) {
        String text = templates.render(SmsTemplate.REGISTERED, Map.of("name", typed));

        assertThat(text).contains(written);
        assertThat(Gsm7.isGsm7(text)).as("GSM-7 only: %s", text).isTrue();
        assertThat(Gsm7.segments(text)).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource(delimiter = '|', textBlock = """
            REGISTERED     | id | 5202 | Info: Dinsos Kab. Lombok Tengah/171
            REGISTERED     | en | 5271 | Info: Dinsos Kota Mataram/171
            REGISTERED     | id | 7109 | Info: Dinsos setempat/171
            CASH_COLLECTED | id | 5202 | Info: Dinsos Kab. Lombok Tengah/171
            CASH_COLLECTED | id | 7109 | Info: Dinsos setempat/171
            """)
    void theOfficeIsTheRegencysWhereItsNameFitsBesideTwentyCharactersOfThePersons(
            SmsTemplate template, String language, String regency, String ending) {
        Map<String, String> params = new HashMap<>(params("NI LUH PUTU AYU KOMANG SRI WAHYUNI DEWI ANGGRENI"));
        params.put(SmsTemplates.REGENCY, regency);
        params.put("program", "BSU");

        String text = templates.render(template, language, params);

        assertThat(text).endsWith(ending).contains("NI LUH PUTU AYU KOMA").hasSizeLessThanOrEqualTo(160);
    }

    @Test
    void aShortNameLeavesRoomForALongerRegencyName() {
        Map<String, String> params = new HashMap<>(params("SITI"));
        params.put(SmsTemplates.REGENCY, "1671"); // Kota Palembang
        String shortName = templates.render(SmsTemplate.REGISTERED, "id", params);
        params.put("name", "NI LUH PUTU AYU KOMANG SRI WAHYUNI DEWI ANGGRENI");
        params.put(SmsTemplates.REGENCY, "7109"); // Kab. Kep. Siau Tagulandang Biaro, 32 characters
        String longName = templates.render(SmsTemplate.REGISTERED, "id", params);
        params.put("name", "SITI");
        String shortNameLongRegency = templates.render(SmsTemplate.REGISTERED, "id", params);

        assertThat(shortName).endsWith("Info: Dinsos Kota Palembang/171");
        assertThat(longName).endsWith("Info: Dinsos setempat/171").contains("NI LUH PUTU AYU KOMA");
        assertThat(shortNameLongRegency)
                .endsWith("Info: Dinsos Kab. Kep. Siau Tagulandang Biaro/171")
                .hasSizeLessThanOrEqualTo(160);
    }

    /** The benchmarks and the chaos run tell messages apart at the gateway by these marks. */
    @Test
    void theMarksTellTheRegistrationAndPaymentTextsFromEveryOther() {
        for (SmsTemplate template : SmsTemplate.values()) {
            for (String criterion :
                    PROGRAMS.find("BSU").orElseThrow().refusalReasons().keySet()) {
                Map<String, String> params = new HashMap<>(params("SITI AMINAH"));
                params.put("program", "BSU");
                params.put("criterion", criterion);
                String text = templates.render(template, "id", params);
                assertThat(SmsTemplateMarks.isRegistered(text))
                        .as("%s: %s", template, text)
                        .isEqualTo(template == SmsTemplate.REGISTERED);
                assertThat(SmsTemplateMarks.isPaymentSent(text))
                        .as("%s: %s", template, text)
                        .isEqualTo(template == SmsTemplate.PAYMENT_SENT);
            }
        }
    }

    @Test
    void rupiahUsesIndonesianThousandsSeparators() {
        assertThat(SmsQueue.rupiah(960_000)).isEqualTo("Rp960.000");
        assertThat(SmsQueue.rupiah(5_050_000)).isEqualTo("Rp5.050.000");
    }
}

package id.go.kemensos.returnee.contracts.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgramCatalogueTest {

    private static final String REGENCY_PROGRAM = """
            programId: BPU-KLU
            title: {id: Bantuan Pemulihan Usaha Lombok Utara, en: North Lombok business recovery grant}
            ruleSet: bantuan-pemulihan-usaha-klu
            drivesReturneeStatus: false
            sms:
              id: {ELIGIBLE: "Yth. {name}, Anda LAYAK menerima {amount}. Info: 171"}
            refusalReasons:
              K1: {id: belum berdomisili di Lombok Utara}
            """;

    @TempDir
    Path extra;

    @Test
    void theShippedGrantIsDeclaredAndDrivesTheReturneeStatus() {
        ProgramCatalogue catalogue = ProgramCatalogue.load("");

        Program grant = catalogue.statusProgram();
        assertThat(grant.programId()).isEqualTo("BSU");
        assertThat(grant.ruleSet()).isEqualTo("bantuan-stimulan-usaha");
        assertThat(grant.title().en()).isEqualTo("Business-stimulant grant");
        assertThat(grant.source()).contains("BSU.yaml");
        assertThat(grant.missingTexts(
                        List.of("ELIGIBLE", "NOT_ELIGIBLE", "PAYMENT_SENT", "PAYMENT_FAILED", "PAYMENT_RETURNED"),
                        List.of("id", "en")))
                .isEmpty();
        assertThat(grant.refusalReason("C4", "id")).contains("belum terdata miskin di DTSEN");
        assertThat(catalogue.all()).extracting(Program::ruleSet).containsOnlyOnce("bantuan-stimulan-usaha");
        assertThat(catalogue.all())
                .extracting(Program::ruleSet)
                .as("a law is not a program")
                .doesNotContain("tppo-victim-services");
    }

    @Test
    void aFileInTheExtraDirectoryAddsAProgramWithoutCode() throws Exception {
        Files.writeString(extra.resolve("BPU-KLU.yaml"), REGENCY_PROGRAM);

        ProgramCatalogue catalogue = ProgramCatalogue.load(extra.toString());

        assertThat(catalogue.all()).extracting(Program::programId).containsExactly("BPU-KLU", "BSU");
        Program added = catalogue.find("BPU-KLU").orElseThrow();
        assertThat(added.sms("ELIGIBLE", "id")).contains("Yth. {name}, Anda LAYAK menerima {amount}. Info: 171");
        assertThat(added.source()).isEqualTo(extra.resolve("BPU-KLU.yaml").toString());
        assertThat(catalogue.statusProgram().programId()).isEqualTo("BSU");
    }

    @Test
    void whatADeclarationLacksIsListedByTemplateCriterionAndLanguage() throws Exception {
        Files.writeString(extra.resolve("BPU-KLU.yaml"), REGENCY_PROGRAM);
        Program added = ProgramCatalogue.load(extra.toString()).find("BPU-KLU").orElseThrow();

        assertThat(added.missingTexts(List.of("ELIGIBLE", "PAYMENT_SENT"), List.of("id", "en")))
                .containsExactly("PAYMENT_SENT (id)", "ELIGIBLE (en)", "PAYMENT_SENT (en)");
        assertThat(added.missingRefusalReasons(List.of("K1", "K2"), List.of("id", "en")))
                .containsExactly("K1 (en)", "K2 (id)", "K2 (en)");
    }

    @Test
    void aFileWithTheSameProgramIdReplacesTheShippedDeclaration() throws Exception {
        String shipped = new String(
                ProgramCatalogue.class.getResourceAsStream("/programs/BSU.yaml").readAllBytes());
        Files.writeString(
                extra.resolve("BSU.yaml"),
                shipped.replace("bantuan stimulan usaha {amount} sdh", "bantuan usaha {amount} sudah"));

        Program grant = ProgramCatalogue.load(extra.toString()).find("BSU").orElseThrow();

        assertThat(grant.sms("PAYMENT_SENT", "id").orElseThrow()).contains("bantuan usaha {amount} sudah");
        assertThat(grant.source()).startsWith(extra.toString());
    }

    @Test
    void twoProgramsDrivingTheStatusAreRefusedNamingBoth() throws Exception {
        Files.writeString(
                extra.resolve("BPU-KLU.yaml"),
                REGENCY_PROGRAM.replace("drivesReturneeStatus: false", "drivesReturneeStatus: true"));

        assertThatThrownBy(() -> ProgramCatalogue.load(extra.toString()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Exactly one program must drive the returnee status")
                .hasMessageContaining("BPU-KLU.yaml")
                .hasMessageContaining("BSU.yaml");
    }

    @Test
    void anUnreadableOrIncompleteDeclarationIsRefusedNamingItsFile() throws Exception {
        Files.writeString(extra.resolve("typo.yaml"), REGENCY_PROGRAM.replace("ruleSet:", "rulesSet:"));
        assertThatThrownBy(() -> ProgramCatalogue.load(extra.toString()))
                .hasMessageContaining("typo.yaml")
                .hasMessageContaining("rulesSet");

        Files.writeString(extra.resolve("typo.yaml"), "title: {id: x}\nruleSet: y\n");
        assertThatThrownBy(() -> ProgramCatalogue.load(extra.toString()))
                .hasMessageContaining("typo.yaml")
                .hasMessageContaining("programId and ruleSet are required");
    }
}

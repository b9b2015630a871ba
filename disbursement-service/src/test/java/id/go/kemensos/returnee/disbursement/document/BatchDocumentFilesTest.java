package id.go.kemensos.returnee.disbursement.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class BatchDocumentFilesTest {

    private static final ZoneId WITA = ZoneId.of("Asia/Makassar");
    private static final UUID BATCH = UUID.fromString("01a24e20-0000-7000-8000-000000000001");

    private static NominalList lombok(String state, String checker) {
        List<NominalList.Line> lines = new ArrayList<>();
        lines.add(new NominalList.Line(
                1,
                UUID.randomUUID(),
                "SITI AMINAH",
                "5202************01",
                "Lombok Tengah",
                "***7890",
                960_000,
                "SETTLED"));
        lines.add(new NominalList.Line(
                2, UUID.randomUUID(), BatchDocuments.ERASED, "-", "Lombok Timur", "***1234", 960_000, "SENT"));
        return new NominalList(
                BATCH,
                "BSU",
                "2026",
                "52",
                "Nusa Tenggara Barat",
                "128",
                "PT Bank NTB Syariah",
                state,
                "Baiq Finance Maker",
                ZonedDateTime.of(2026, 12, 1, 9, 30, 0, 0, WITA),
                checker,
                checker == null ? null : ZonedDateTime.of(2026, 12, 1, 14, 5, 0, 0, WITA),
                lines);
    }

    @Test
    void theWorkbookListsEveryPaymentWithItsMaskedDataTheTotalAndBothOfficers() throws IOException {
        byte[] file = BatchDocumentFiles.nominalListXlsx(lombok("APPROVED", "Lalu Finance Checker"));

        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            Sheet sheet = book.getSheet("Daftar nominatif");
            DataFormatter text = new DataFormatter(java.util.Locale.ROOT);
            List<String> rows = new ArrayList<>();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                row.forEach(c -> cells.add(text.formatCellValue(c)));
                rows.add(String.join("|", cells));
            }
            assertThat(rows.get(0)).isEqualTo("DAFTAR NOMINATIF PENERIMA BANTUAN BSU 2026");
            assertThat(rows).anySatisfy(r -> assertThat(r).startsWith("Disiapkan|Baiq Finance Maker, 1 "));
            assertThat(rows).anySatisfy(r -> assertThat(r).startsWith("Disetujui|Lalu Finance Checker, 1 "));
            assertThat(rows).contains(String.join("|", BatchDocumentFiles.COLUMNS));
            assertThat(rows)
                    .anySatisfy(r -> assertThat(r)
                            .startsWith("1|SITI AMINAH|5202************01|Lombok Tengah|***7890|960,000|SETTLED|"));
            assertThat(rows).anySatisfy(r -> assertThat(r).startsWith("2|[data dihapus]|-|Lombok Timur|"));
            assertThat(rows.get(rows.size() - 1)).isEqualTo("Jumlah: 2 penerima|1,920,000");
            assertThat(sheet.getRow(sheet.getLastRowNum()).getCell(5).getNumericCellValue())
                    .as("a number finance can add up")
                    .isEqualTo(1_920_000d);
        }
    }

    @Test
    void thePdfListSaysWhatTheWorkbookSaysAndWhoHasNotApprovedYet() throws IOException {
        String text = pdfText(BatchDocumentFiles.nominalListPdf(lombok("PREPARED", null)));

        assertThat(text)
                .contains("DAFTAR NOMINATIF PENERIMA BANTUAN BSU 2026")
                .contains("SITI AMINAH")
                .contains("5202************01")
                .contains("960.000")
                .contains("1.920.000")
                .contains("Jumlah: 2 penerima")
                .contains("Baiq Finance Maker")
                .contains("(belum disetujui)")
                .contains("WITA");
    }

    @Test
    void theHandoverRecordNamesTheBankTheTotalAndTheOfficersAndIsOnlyMadeOnceApproved() throws IOException {
        String text = pdfText(BatchDocumentFiles.handoverRecordPdf(lombok("APPROVED", "Lalu Finance Checker")));

        assertThat(text)
                .contains("BERITA ACARA SERAH TERIMA BANTUAN")
                .contains("2 penerima")
                .contains("Rp 1.920.000")
                .contains("PT Bank NTB Syariah")
                .contains("Baiq Finance Maker")
                .contains("Lalu Finance Checker")
                .contains("Diterima oleh (bank penyalur)");
        assertThatThrownBy(() -> BatchDocumentFiles.handoverRecordPdf(lombok("PREPARED", null)))
                .hasMessageContaining("PREPARED");
        assertThatThrownBy(() -> BatchDocumentFiles.handoverRecordPdf(lombok("REJECTED", "Lalu Finance Checker")))
                .hasMessageContaining("REJECTED");
    }

    private static String pdfText(byte[] pdf) throws IOException {
        PdfReader reader = new PdfReader(pdf);
        try {
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append('\n');
            }
            return text.toString();
        } finally {
            reader.close();
        }
    }
}

package id.go.kemensos.returnee.registration.sheet;

import static id.go.kemensos.returnee.registration.sheet.SheetFixtures.SAMPLE_HEADER;
import static id.go.kemensos.returnee.registration.sheet.SheetFixtures.SAMPLE_ROW;
import static id.go.kemensos.returnee.registration.sheet.SheetFixtures.readAll;
import static id.go.kemensos.returnee.registration.sheet.SheetFixtures.save;
import static id.go.kemensos.returnee.registration.sheet.SheetFixtures.textRow;
import static id.go.kemensos.returnee.registration.sheet.SheetFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file over a limit is refused whole, naming the limit; a file within them reads as before. */
class SheetLimitsTest {

    /** The sample sheet has 27 columns and cells of at most 27 characters. */
    private static final SheetLimits TIGHT = new SheetLimits(30, 40, 3, 100, 2_000);

    @TempDir
    Path dir;

    @Test
    void aListWithinTheLimitsReadsWhole() {
        String csv =
                SAMPLE_HEADER + ",,,,,,,,,,,\n" + (SAMPLE_ROW + "\n").repeat(3); // trailing delimiters are not columns
        try (SheetReader reader = SheetReader.open(utf8(csv), SheetFormat.CSV, TIGHT)) {
            assertThat(readAll(reader)).hasSize(3);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void csvOverEachLimitIsRefusedNamingIt() {
        assertRefused(SAMPLE_HEADER + "\n" + (SAMPLE_ROW + "\n").repeat(4), SheetLimitExceeded.Limit.ROWS, 3);
        assertRefused(
                SAMPLE_HEADER + "\n" + SAMPLE_ROW.replace("DUSUN X", "D".repeat(41)) + "\n",
                SheetLimitExceeded.Limit.CELL_LENGTH,
                40);
        assertRefused(SAMPLE_HEADER + ",a,b,c,d\n" + SAMPLE_ROW + "\n", SheetLimitExceeded.Limit.COLUMNS, 30);
        assertRefused(SAMPLE_HEADER + "\n" + SAMPLE_ROW + ",,,,,,x\n", SheetLimitExceeded.Limit.COLUMNS, 30);
    }

    @Test
    void theMessageSaysWhatToDoInBothLanguages() {
        assertThatThrownBy(() -> readCsv(SAMPLE_HEADER + "\n" + (SAMPLE_ROW + "\n").repeat(4)))
                .hasMessageContaining("lebih dari 3 baris")
                .hasMessageContaining("more than 3 rows; split it");
    }

    @Test
    void xlsxSharedStringTableOverTheLimitIsRefusedBeforeTheSheetIsRead() throws IOException {
        Path file = dir.resolve("many-strings.xlsx");
        try (Workbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("Daftar");
            textRow(sheet, 0, SAMPLE_HEADER.split(","));
            for (int i = 1; i <= 2; i++) {
                for (int c = 0; c < 27; c++) {
                    (sheet.getRow(i) != null ? sheet.getRow(i) : sheet.createRow(i))
                            .createCell(c)
                            .setCellValue("text " + i + "-" + c); // 54 distinct strings, 27 headers
                }
            }
            save(workbook, file);
        }
        SheetLimits fewStrings = new SheetLimits(30, 40, 3, 60, 2_000);
        assertThatThrownBy(() -> SheetReader.open(file, fewStrings))
                .asInstanceOf(type(SheetLimitExceeded.class))
                .satisfies(e -> assertThat(e.limit()).isEqualTo(SheetLimitExceeded.Limit.SHARED_STRINGS));
        assertThat(readAll(SheetReader.open(file, new SheetLimits(30, 40, 3, 100, 2_000))))
                .hasSize(2);
    }

    @Test
    void xlsxInlineCellOverTheLengthIsStoppedWhileStreaming() throws IOException {
        Path file = dir.resolve("long-cell.xlsx");
        try (SXSSFWorkbook workbook = new SXSSFWorkbook()) { // inline strings: never in the shared table
            Sheet sheet = workbook.createSheet("Daftar");
            textRow(sheet, 0, SAMPLE_HEADER.split(","));
            String[] values = SAMPLE_ROW.split(",", -1);
            values[7] = "x".repeat(30_000); // Excel's own maximum is 32,767
            textRow(sheet, 1, values);
            save(workbook, file);
        }
        try (SheetReader reader = SheetReader.open(file, TIGHT)) {
            assertThatThrownBy(() -> readAll(reader))
                    .asInstanceOf(type(SheetLimitExceeded.class))
                    .satisfies(e -> assertThat(e.limit()).isEqualTo(SheetLimitExceeded.Limit.CELL_LENGTH))
                    .satisfies(e -> assertThat(e.getMessage()).contains("row 2"));
        }
    }

    @Test
    void xlsxCellFarToTheRightIsRefusedAsAColumnOverTheLimit() throws IOException {
        Path file = dir.resolve("far-right.xlsx");
        try (Workbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("Daftar");
            textRow(sheet, 0, SAMPLE_HEADER.split(","));
            textRow(sheet, 1, SAMPLE_ROW.split(",", -1));
            sheet.getRow(1).createCell(16_000).setCellValue("x");
            save(workbook, file);
        }
        try (SheetReader reader = SheetReader.open(file, TIGHT)) {
            assertThatThrownBy(() -> readAll(reader))
                    .asInstanceOf(type(SheetLimitExceeded.class))
                    .satisfies(e -> assertThat(e.limit()).isEqualTo(SheetLimitExceeded.Limit.COLUMNS))
                    .satisfies(e -> assertThat(e.value()).isEqualTo(30));
        }
    }

    @Test
    void limitsMustBePositive() {
        assertThatThrownBy(() -> new SheetLimits(0, 1, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertRefused(String csv, SheetLimitExceeded.Limit limit, long value) {
        assertThatThrownBy(() -> readCsv(csv))
                .as(limit.name())
                .asInstanceOf(type(SheetLimitExceeded.class))
                .satisfies(e -> {
                    assertThat(e.limit()).isEqualTo(limit);
                    assertThat(e.value()).isEqualTo(value);
                    assertThat(e.limit().property()).startsWith("registration.upload.limits.");
                });
    }

    private static void readCsv(String csv) throws IOException {
        try (SheetReader reader = SheetReader.open(utf8(csv), SheetFormat.CSV, TIGHT)) {
            readAll(reader);
        }
    }
}

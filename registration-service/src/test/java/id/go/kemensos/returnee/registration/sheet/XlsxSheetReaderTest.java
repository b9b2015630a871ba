package id.go.kemensos.returnee.registration.sheet;

import static id.go.kemensos.returnee.registration.sheet.SheetColumn.*;
import static id.go.kemensos.returnee.registration.sheet.SheetFixtures.SAMPLE_HEADER;
import static id.go.kemensos.returnee.registration.sheet.SheetFixtures.SAMPLE_ROW;
import static id.go.kemensos.returnee.registration.sheet.SheetFixtures.csv;
import static id.go.kemensos.returnee.registration.sheet.SheetFixtures.readAll;
import static id.go.kemensos.returnee.registration.sheet.SheetFixtures.save;
import static id.go.kemensos.returnee.registration.sheet.SheetFixtures.textRow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** XLSX files are built here with POI's in-memory workbook (fine for tests; the reader itself only streams). */
class XlsxSheetReaderTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "shared strings: {0}")
    @ValueSource(booleans = {true, false})
    void readsTheOfficerSheetSampleRowLikeTheCsv(boolean sharedStrings) throws IOException {
        Path file = dir.resolve("sample.xlsx");
        // XSSFWorkbook writes shared strings; SXSSFWorkbook writes inline strings by default.
        try (Workbook workbook = sharedStrings ? new XSSFWorkbook() : new SXSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("Daftar");
            textRow(sheet, 0, SAMPLE_HEADER.split(","));
            textRow(sheet, 1, SAMPLE_ROW.split(",", -1));
            save(workbook, file);
        }
        List<SheetRow> fromCsv;
        try (SheetReader reader = csv(SAMPLE_HEADER + "\n" + SAMPLE_ROW + "\n")) {
            fromCsv = readAll(reader);
        }
        try (SheetReader reader = SheetReader.open(file)) {
            assertThat(reader.format()).isEqualTo(SheetFormat.XLSX);
            assertThat(reader.missingRequiredColumns()).isEmpty();
            assertThat(reader.unknownColumns()).isEmpty();
            List<SheetRow> rows = readAll(reader);
            assertThat(rows).singleElement().satisfies(row -> {
                assertThat(row.rowNumber()).isEqualTo(2);
                assertThat(row.text(NIK)).isEqualTo("5202015508900001");
                assertThat(row.text(RT)).isEqualTo("002");
                assertThat(row.cells()).isEqualTo(fromCsv.get(0).cells());
                assertThat(row.rawValues()).isEqualTo(fromCsv.get(0).rawValues());
            });
        }
    }

    @Test
    void showsNumbersAsTheClerkSeesThemAndFlagsThem() throws IOException {
        Path file = dir.resolve("numbers.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet();
            textRow(sheet, 0, "nik", "no_kk", "no_hp", "no_rekening", "tanggal_lahir", "kode_bank", "nama");
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue(5202015508900000d); // General format: Excel shows 5.20202E+15
            row.createCell(1).setCellValue(520201120315000d); // 15 digits: Excel dropped one, shows it whole
            row.createCell(2).setCellValue(81234567890d); // leading 0 lost, must not become 8.1234567890E10 or .0
            CellStyle wholeNumber = workbook.createCellStyle();
            wholeNumber.setDataFormat(workbook.createDataFormat().getFormat("0"));
            row.createCell(3).setCellValue(5202015508900000d);
            row.getCell(3).setCellStyle(wholeNumber);
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
            row.createCell(4).setCellValue(LocalDate.of(1990, 8, 15));
            row.getCell(4).setCellStyle(date);
            row.createCell(5).setCellValue(2.5d);
            CellStyle quoted = workbook.createCellStyle(); // what typing '5202... in Excel produces: a text cell
            quoted.setQuotePrefixed(true);
            row.createCell(6).setCellValue("5202015508900001");
            row.getCell(6).setCellStyle(quoted);
            save(workbook, file);
        }
        try (SheetReader reader = SheetReader.open(file)) {
            SheetRow row = readAll(reader).get(0);

            assertThat(row.cell(NIK)).satisfies(cell -> {
                assertThat(cell.text()).isEqualTo("5.20202E+15");
                assertThat(cell.typedAsNumber()).isTrue();
                assertThat(cell.number()).isEqualByComparingTo("5202015508900000");
            });
            assertThat(row.cell(NO_KK))
                    .extracting(SheetCell::text, SheetCell::typedAsNumber)
                    .containsExactly("520201120315000", true);
            assertThat(row.cell(NO_HP))
                    .extracting(SheetCell::text, SheetCell::typedAsNumber)
                    .containsExactly("81234567890", true);
            assertThat(row.cell(NO_REKENING).text()).isEqualTo("5202015508900000");
            assertThat(row.cell(TANGGAL_LAHIR)).satisfies(cell -> {
                assertThat(cell.date()).isEqualTo(LocalDate.of(1990, 8, 15));
                assertThat(cell.text()).isEqualTo("15-08-1990");
                assertThat(cell.number()).isEqualByComparingTo("33100");
            });
            assertThat(row.cell(KODE_BANK))
                    .extracting(SheetCell::text, SheetCell::number)
                    .containsExactly("2.5", new BigDecimal("2.5"));
            assertThat(row.cell(NAMA))
                    .extracting(SheetCell::text, SheetCell::typedAsNumber)
                    .containsExactly("5202015508900001", false);
        }
    }

    @Test
    void handlesSparseCellsBlankRowsAndTheDimensionHint() throws IOException {
        Path file = dir.resolve("sparse.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet();
            textRow(sheet, 0, "nik", "nama", "alamat", "no_hp", "kolom_lain");
            sheet.createRow(1).createCell(3).setCellValue("081234567890"); // only D2
            // row 3 absent from the file; row 4 exists but is empty text; row 5 has data; row 6 only styled
            sheet.createRow(3).createCell(1).setCellValue("   ");
            Row five = sheet.createRow(4);
            five.createCell(0).setCellValue("5202015508900001");
            five.createCell(2).setCellValue("DUSUN X");
            sheet.createRow(5).createCell(2).setCellStyle(workbook.createCellStyle());
            save(workbook, file);
        }
        try (SheetReader reader = SheetReader.open(file)) {
            assertThat(reader.unknownColumns()).containsExactly("kolom_lain");
            assertThat(reader.totalRowsHint()).hasValue(5);
            List<SheetRow> rows = readAll(reader);

            assertThat(rows).extracting(SheetRow::rowNumber).containsExactly(2L, 5L);
            assertThat(rows.get(0).rawValues()).containsExactly("", "", "", "081234567890", "");
            assertThat(rows.get(0).cell(NIK)).isEqualTo(SheetCell.EMPTY);
            assertThat(rows.get(1).rawValues()).containsExactly("5202015508900001", "", "DUSUN X", "", "");
            assertThat(reader.blankRowsSkipped()).isEqualTo(2);
        }
    }

    @Test
    void findsTheHeaderBelowBlankRowsAndReportsMissingColumns() throws IOException {
        Path file = dir.resolve("late-header.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet();
            textRow(sheet, 2, "Full Name", "Phone");
            textRow(sheet, 3, "SITI AMINAH", "081234567890");
            save(workbook, file);
        }
        try (SheetReader reader = SheetReader.open(Files.newInputStream(file), SheetFormat.XLSX)) {
            assertThat(reader.headerNames()).containsExactly("Full Name", "Phone");
            assertThat(reader.missingRequiredColumns()).contains(NIK, KODE_BANK).doesNotContain(NAMA, NO_HP);
            assertThat(readAll(reader)).singleElement().satisfies(row -> {
                assertThat(row.rowNumber()).isEqualTo(4);
                assertThat(row.text(NAMA)).isEqualTo("SITI AMINAH");
            });
        }
    }

    /** As offices send them: an instructions sheet first, and a merged title above the table. */
    @Test
    void theListIsFoundOnItsOwnSheetBelowATitle() throws IOException {
        Path file = dir.resolve("with-title.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            textRow(workbook.createSheet("Petunjuk"), 0, "Isi daftar pada sheet Daftar, mulai baris 3");
            Sheet sheet = workbook.createSheet("Daftar");
            textRow(sheet, 0, "DAFTAR PMI PURNA PROVINSI NTB 2026");
            sheet.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(0, 0, 0, 12));
            textRow(sheet, 2, SAMPLE_HEADER.split(","));
            textRow(sheet, 3, SAMPLE_ROW.split(",", -1));
            save(workbook, file);
        }
        try (SheetReader reader = SheetReader.open(file)) {
            assertThat(reader.missingRequiredColumns()).isEmpty();
            assertThat(readAll(reader)).singleElement().satisfies(row -> {
                assertThat(row.rowNumber()).isEqualTo(4);
                assertThat(row.text(NAMA)).isEqualTo("SITI AMINAH");
            });
        }
    }

    /** Old Mac Excel counts dates from 1904: a birth date typed there is still the date the clerk sees. */
    @Test
    void aDateInA1904WorkbookIsTheDateTheClerkSees() throws IOException {
        Path file = dir.resolve("mac-1904.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            var ct = workbook.getCTWorkbook();
            (ct.isSetWorkbookPr() ? ct.getWorkbookPr() : ct.addNewWorkbookPr()).setDate1904(true);
            Sheet sheet = workbook.createSheet("Daftar");
            textRow(sheet, 0, SAMPLE_HEADER.split(","));
            textRow(sheet, 1, SAMPLE_ROW.split(",", -1));
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            var born = sheet.getRow(1).createCell(6);
            born.setCellValue(LocalDate.of(1990, 8, 15));
            born.setCellStyle(date);
            save(workbook, file);
        }
        try (SheetReader reader = SheetReader.open(file)) {
            assertThat(readAll(reader))
                    .singleElement()
                    .satisfies(row ->
                            assertThat(row.cell(TANGGAL_LAHIR).dateValue()).contains(LocalDate.of(1990, 8, 15)));
        }
    }

    @Test
    void anEmptyWorkbookHasNoHeaderAndNoRows() throws IOException {
        Path file = dir.resolve("empty.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            workbook.createSheet();
            save(workbook, file);
        }
        try (SheetReader reader = SheetReader.open(file)) {
            assertThat(reader.missingRequiredColumns()).containsExactlyElementsOf(SheetColumn.REQUIRED);
            assertThat(reader.totalRowsHint()).isEmpty();
            assertThat(readAll(reader)).isEmpty();
        }
    }

    @Test
    void aHandlerExceptionReachesTheCallerUnchanged() throws IOException {
        Path file = dir.resolve("stop.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet();
            textRow(sheet, 0, "nik");
            textRow(sheet, 1, "1");
            textRow(sheet, 2, "2");
            save(workbook, file);
        }
        try (SheetReader reader = SheetReader.open(file)) {
            assertThatThrownBy(() -> reader.read(row -> {
                        throw new IllegalArgumentException("stop");
                    }))
                    .isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessage("stop");
            assertThat(reader.rowsRead()).isEqualTo(1);
        }
    }

    @Test
    void aDeclaredXlsxThatIsNotOneIsASheetReadException() {
        assertThatThrownBy(() -> SheetReader.open(SheetFixtures.utf8("nik,nama\n1,A\n"), SheetFormat.XLSX))
                .isInstanceOf(SheetReadException.class);
    }
}

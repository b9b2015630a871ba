package id.go.kemensos.returnee.registration.sheet;

import static id.go.kemensos.returnee.registration.sheet.SheetFixtures.SAMPLE_HEADER;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Large generated files read row by row; counts only, rates are printed for information and never asserted. */
class SheetStreamingTest {

    private static final int CSV_ROWS = 200_000;
    private static final int XLSX_ROWS = 50_000;

    @TempDir
    Path dir;

    @Test
    void streamsA200kRowCsv() throws IOException {
        Path file = dir.resolve("ntb-200k.csv");
        String[] columns = SAMPLE_HEADER.split(",");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(SAMPLE_HEADER.replace(',', ';'));
            out.write("\r\n");
            for (int i = 0; i < CSV_ROWS; i++) {
                out.write(csvRow(i, columns.length));
                out.write("\r\n");
            }
        }
        AtomicLong nikChars = new AtomicLong();
        long start = System.nanoTime();
        try (SheetReader reader = SheetReader.open(file)) {
            long read = reader.read(
                    row -> nikChars.addAndGet(row.text(SheetColumn.NIK).length()));

            assertThat(read).isEqualTo(CSV_ROWS);
            assertThat(reader.rowsRead()).isEqualTo(CSV_ROWS);
            assertThat(nikChars.get()).isEqualTo(16L * CSV_ROWS);
        }
        report("CSV", CSV_ROWS, start);
    }

    @Test
    void streamsA50kRowXlsx() throws IOException {
        Path file = dir.resolve("ntb-50k.xlsx");
        String[] columns = SAMPLE_HEADER.split(",");
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(null, 100, true, true)) {
            Sheet sheet = workbook.createSheet();
            Row header = sheet.createRow(0);
            for (int c = 0; c < columns.length; c++) {
                header.createCell(c).setCellValue(columns[c]);
            }
            for (int i = 0; i < XLSX_ROWS; i++) {
                Row row = sheet.createRow(i + 1);
                String[] values = csvRow(i, columns.length).split(";", -1);
                for (int c = 0; c < values.length; c++) {
                    row.createCell(c).setCellValue(values[c]);
                }
                row.getCell(13).setCellValue(81_200_000_000d + i); // phone typed as a number
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
            workbook.dispose();
        }
        AtomicLong lastRowNumber = new AtomicLong();
        AtomicLong plainPhones = new AtomicLong();
        long start = System.nanoTime();
        try (SheetReader reader = SheetReader.open(file)) {
            long read = reader.read(row -> {
                if (row.text(SheetColumn.NO_HP).matches("812\\d{8}")) {
                    plainPhones.incrementAndGet();
                }
                lastRowNumber.set(row.rowNumber());
            });

            assertThat(read).isEqualTo(XLSX_ROWS);
            assertThat(plainPhones.get()).isEqualTo(XLSX_ROWS);
            assertThat(lastRowNumber.get()).isEqualTo(XLSX_ROWS + 1L);
        }
        report("XLSX", XLSX_ROWS, start);
    }

    /** A row in the shape of the sample, unique NIK per row, {@code ;}-separated with a quoted address. */
    private static String csvRow(int i, int width) {
        String nik = "52020155089" + String.format("%05d", i % 100_000);
        String row = (i + 1) + ";" + nik + ";5202011203150007;NAMA KE-" + i
                + ";P;LOMBOK TENGAH;15-08-1990;\"DUSUN X; RT 2\";002;001;"
                + "PRAYA;PRAYA;LOMBOK "
                + "TENGAH;081234567890;KPO;;MY;DOMESTIC_WORK;02-09-2019;SPLP;RPTC;BRI;002;012301012345501;"
                + "NAMA KE-" + i + ";YA;2;YA;";
        assertThat(row.split(";(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1)).hasSize(width);
        return row;
    }

    private static void report(String format, int rows, long startNanos) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        Runtime rt = Runtime.getRuntime();
        System.gc(); // only to make the printed figure meaningful; nothing is asserted on it
        System.out.printf(
                "%s: %,d rows in %.2f s (%,.0f rows/s), heap used after GC %,d MB%n",
                format, rows, seconds, rows / seconds, (rt.totalMemory() - rt.freeMemory()) >> 20);
    }
}

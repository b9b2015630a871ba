package id.go.kemensos.returnee.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Broken and hostile returnee lists, each made from a kind and a seed (so a failure replays): wrong encodings,
 * delimiters and quoting gone wrong, ragged and enormous rows, empty and binary files, truncated and corrupt workbooks,
 * zip bombs, entity expansion, formulas, 1904 dates, merged titles and extra sheets. Used by the upload fuzzing tests,
 * in registration-service's unit tests and through the running service.
 */
public final class HostileFiles {

    /** The header of the lists made here: the ministry's column names, in the ministry's order. */
    public static final String HEADER =
            "no,nik,nama_sesuai_ktp,jenis_kelamin,tanggal_lahir,kabupaten_kota,no_hp,kategori,negara_tujuan,"
                    + "tanggal_kepulangan,sumber_rujukan,kode_bank,no_rekening,nama_pemilik_rekening,status_dtks,"
                    + "desil_dtsen,ikut_bimbingan";

    /** The large files (the bomb, the laughs, the string table) take seconds to make: made once, then shared. */
    private static final Map<String, byte[]> MADE_ONCE = new ConcurrentHashMap<>();

    /** What a file was made to be. */
    public enum Kind {
        CLERKS_LIST,
        INVALID_UTF8,
        BROKEN_QUOTING,
        RAGGED_ROWS,
        TEN_THOUSAND_COLUMNS,
        MEGABYTE_CELL,
        EMPTY,
        HEADER_ONLY,
        BINARY_NAMED_CSV,
        TRUNCATED_XLSX,
        CORRUPT_XLSX,
        ZIP_BOMB,
        ENTITY_EXPANSION,
        HUGE_SHARED_STRINGS,
        FORMULAS,
        DATES_1904,
        MERGED_CELLS_AND_SHEETS
    }

    public record HostileFile(Kind kind, long seed, long rows, byte[] bytes) {

        @Override
        public String toString() {
            return kind + " (seed " + seed + ", " + bytes.length + " bytes)";
        }

        /** As a clerk would name it: .xlsx for what is a ZIP archive, .csv for the rest. */
        public String fileName() {
            boolean zip = bytes.length > 1 && bytes[0] == 'P' && bytes[1] == 'K';
            return kind.name().toLowerCase(java.util.Locale.ROOT) + "-" + seed + (zip ? ".xlsx" : ".csv");
        }
    }

    /** The file, and how many rows of a list it holds where that is known (-1 where the damage decides). */
    public static HostileFile make(Kind kind, long seed) {
        Random random = new Random(seed);
        int rows = 1 + random.nextInt(30);
        return switch (kind) {
            case CLERKS_LIST -> file(kind, seed, rows, encoded(list(random, rows, ';'), random));
            case INVALID_UTF8 -> file(kind, seed, rows, invalidUtf8(list(random, rows, ','), random));
            case BROKEN_QUOTING -> file(kind, seed, -1, brokenQuoting(list(random, 1 + rows, ','), random));
            case RAGGED_ROWS -> ragged(kind, seed, random, rows);
            case TEN_THOUSAND_COLUMNS ->
                file(kind, seed, -1, utf8(HEADER + ",x".repeat(10_000) + "\n" + row(random, 1, ',') + "\n"));
            case MEGABYTE_CELL ->
                file(
                        kind,
                        seed,
                        -1,
                        utf8(HEADER + "\n" + row(random, 1, ',').replaceFirst(",", ",\"" + "A".repeat(1 << 20) + "\",")
                                + "\n"));
            case EMPTY -> file(kind, seed, -1, new byte[0]);
            case HEADER_ONLY -> file(kind, seed, 0, encoded(HEADER + (random.nextBoolean() ? "\r\n" : ""), random));
            case BINARY_NAMED_CSV -> file(kind, seed, -1, binary(random));
            case TRUNCATED_XLSX -> file(kind, seed, -1, truncated(workbook(random, Workbooks.PLAIN, rows), random));
            case CORRUPT_XLSX -> file(kind, seed, -1, corrupt(workbook(random, Workbooks.PLAIN, rows), random));
            case ZIP_BOMB -> file(kind, seed, -1, zipBomb());
            case ENTITY_EXPANSION -> file(kind, seed, -1, entityExpansion());
            case HUGE_SHARED_STRINGS -> file(kind, seed, -1, hugeSharedStrings());
            case FORMULAS ->
                random.nextBoolean()
                        ? file(kind, seed, rows, workbook(random, Workbooks.FORMULAS, rows))
                        : file(
                                kind,
                                seed,
                                1,
                                utf8(HEADER + "\n"
                                        + row(random, 1, ',').replaceFirst(",[^,]*,", ",=HYPERLINK(\"http://x\"),")
                                        + "\n"));
            case DATES_1904 -> file(kind, seed, rows, workbook(random, Workbooks.DATES_1904, rows));
            case MERGED_CELLS_AND_SHEETS -> file(kind, seed, rows, workbook(random, Workbooks.MERGED_AND_SHEETS, rows));
        };
    }

    private static HostileFile file(Kind kind, long seed, long rows, byte[] bytes) {
        return new HostileFile(kind, seed, rows, bytes);
    }

    /** A clerk's list: mostly good rows, some with a wrong phone, NIK, bank, date or category. */
    private static String list(Random random, int rows, char delimiter) {
        StringBuilder text = new StringBuilder(HEADER.replace(',', delimiter)).append("\r\n");
        for (int i = 1; i <= rows; i++) {
            text.append(row(random, i, delimiter)).append("\r\n");
        }
        return text.toString();
    }

    private static String row(Random random, int no, char delimiter) {
        boolean female = random.nextBoolean();
        LocalDate born = LocalDate.of(1960 + random.nextInt(45), 1 + random.nextInt(12), 1 + random.nextInt(28));
        String nik = String.format(
                "520201%02d%02d%02d%04d",
                born.getDayOfMonth() + (female ? 40 : 0),
                born.getMonthValue(),
                born.getYear() % 100,
                1 + random.nextInt(9_999));
        String[] values = {
            String.valueOf(no),
            nik,
            random.nextInt(10) == 0 ? "NI LUH PUTU ÀYU" : "SITI AMINAH",
            female ? "P" : "L",
            String.format("%02d-%02d-%d", born.getDayOfMonth(), born.getMonthValue(), born.getYear()),
            "LOMBOK TENGAH",
            "0812" + (10_000_000 + random.nextInt(89_999_999)),
            List.of("KPO", "PMIB_DEPORTEE", "PMI_PURNA", "OTHER_PPKS").get(random.nextInt(4)),
            "MY",
            "02-09-2019",
            "BP3MI",
            "002",
            "0123" + (10_000_000 + random.nextInt(89_999_999)) + "501",
            "SITI AMINAH",
            "YA",
            String.valueOf(1 + random.nextInt(10)),
            "YA"
        };
        int damage = random.nextInt(8); // one row in eight or so carries a mistake a clerk makes
        if (damage < values.length && random.nextInt(3) == 0) {
            values[1 + random.nextInt(values.length - 1)] = List.of(
                            "", "?", "31-02-2019", "5.20202E+15", "TIDAK TAHU", "999")
                    .get(random.nextInt(6));
        }
        return String.join(String.valueOf(delimiter), values);
    }

    /** The same text in one of the encodings offices' software saves, with or without a byte-order mark. */
    private static byte[] encoded(String text, Random random) {
        String encoding = List.of("UTF-8", "UTF-16LE", "UTF-16BE", "windows-1252", "ISO-8859-1")
                .get(random.nextInt(5));
        Charset charset = Charset.forName(encoding);
        boolean bom = !encoding.startsWith("windows") && !encoding.startsWith("ISO") && random.nextBoolean();
        return ((bom ? "\uFEFF" : "") + text).getBytes(charset);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] invalidUtf8(String text, Random random) {
        byte[] bytes = utf8(text);
        int header = HEADER.length() + 2;
        for (int i = 0; i < 1 + random.nextInt(20); i++) {
            bytes[header + random.nextInt(bytes.length - header)] = (byte) (0x80 + random.nextInt(0x80));
        }
        return bytes;
    }

    private static byte[] brokenQuoting(String text, Random random) {
        StringBuilder broken = new StringBuilder(text);
        int at = HEADER.length() + 2 + random.nextInt(text.length() - HEADER.length() - 2);
        broken.insert(at, random.nextBoolean() ? "\"" : "\"a\"b");
        return utf8(broken.toString());
    }

    /** Rows cut short or run long; a row cut to nothing is blank, not a row of the list. */
    private static HostileFile ragged(Kind kind, long seed, Random random, int rows) {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        int listed = 0;
        for (int i = 1; i <= rows; i++) {
            String[] cells = row(random, i, ',').split(",", -1);
            int keep = random.nextInt(cells.length + 5);
            for (int c = 0; c < keep; c++) {
                text.append(c < cells.length ? cells[c] : "extra" + c).append(c + 1 < keep ? "," : "");
            }
            listed += keep > 0 ? 1 : 0;
            text.append('\n');
        }
        return file(kind, seed, listed, utf8(text.toString()));
    }

    private static byte[] binary(Random random) {
        byte[] bytes = new byte[random.nextInt(4_096)];
        random.nextBytes(bytes);
        if (bytes.length > 1 && bytes[0] == 'P') {
            bytes[0] = 'Q'; // a ZIP would be read as a workbook; this one is "a .csv"
        }
        return bytes;
    }

    private enum Workbooks {
        PLAIN,
        FORMULAS,
        DATES_1904,
        MERGED_AND_SHEETS
    }

    private static byte[] workbook(Random random, Workbooks shape, int rows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            if (shape == Workbooks.DATES_1904) {
                var ct = workbook.getCTWorkbook();
                (ct.isSetWorkbookPr() ? ct.getWorkbookPr() : ct.addNewWorkbookPr()).setDate1904(true);
            }
            if (shape == Workbooks.MERGED_AND_SHEETS) {
                workbook.createSheet("Petunjuk").createRow(0).createCell(0).setCellValue("Isi mulai baris 3");
            }
            Sheet sheet = workbook.createSheet("Daftar");
            CellStyle dates = workbook.createCellStyle();
            dates.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            int first = 0;
            if (shape == Workbooks.MERGED_AND_SHEETS) {
                sheet.createRow(0).createCell(0).setCellValue("DAFTAR PMI PURNA NTB");
                sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 10));
                first = 2;
            }
            String[] header = HEADER.split(",");
            Row head = sheet.createRow(first);
            for (int c = 0; c < header.length; c++) {
                head.createCell(c).setCellValue(header[c]);
            }
            for (int r = 1; r <= rows; r++) {
                String[] values = row(random, r, ',').split(",", -1);
                Row row = sheet.createRow(first + r);
                for (int c = 0; c < values.length; c++) {
                    Cell cell = row.createCell(c);
                    if (c == 4 && shape == Workbooks.DATES_1904) {
                        cell.setCellValue(LocalDate.of(1970 + random.nextInt(30), 1 + random.nextInt(12), 1));
                        cell.setCellStyle(dates);
                    } else if (c == 6 && shape == Workbooks.FORMULAS) {
                        cell.setCellFormula("\"0812\"&\"12345678\"");
                    } else {
                        cell.setCellValue(values[c]);
                    }
                }
                if (shape == Workbooks.MERGED_AND_SHEETS && r % 3 == 0) {
                    sheet.addMergedRegion(new CellRangeAddress(first + r, first + r, 8, 9));
                }
            }
            if (shape == Workbooks.MERGED_AND_SHEETS) {
                workbook.createSheet("Rekap").createRow(0).createCell(0).setCellFormula("COUNTA(Daftar!B:B)-1");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] truncated(byte[] workbook, Random random) {
        return java.util.Arrays.copyOf(workbook, 4 + random.nextInt(workbook.length - 4));
    }

    private static byte[] corrupt(byte[] workbook, Random random) {
        byte[] bytes = workbook.clone();
        for (int i = 0; i < 1 + random.nextInt(50); i++) {
            bytes[4 + random.nextInt(bytes.length - 4)] = (byte) random.nextInt(256);
        }
        return bytes;
    }

    /** A workbook whose sheet inflates from under a megabyte to 1 GB of spaces. */
    private static byte[] zipBomb() {
        return MADE_ONCE.computeIfAbsent(
                "bomb",
                k -> rawWorkbook(
                        out -> {
                            byte[] spaces = new byte[1 << 20];
                            java.util.Arrays.fill(spaces, (byte) ' ');
                            out.write(
                                    utf8(
                                            "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"));
                            for (int i = 0; i < 1024; i++) {
                                out.write(spaces);
                            }
                            out.write(utf8("</sheetData></worksheet>"));
                        },
                        null));
    }

    /** "Billion laughs": entities that expand to gigabytes if a parser resolves them. */
    private static byte[] entityExpansion() {
        return MADE_ONCE.computeIfAbsent("laughs", k -> {
            StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY l0 \"ha\">");
            for (int i = 1; i < 10; i++) {
                dtd.append("<!ENTITY l")
                        .append(i)
                        .append(" \"")
                        .append(("&l" + (i - 1) + ";").repeat(10))
                        .append("\">");
            }
            dtd.append(
                    "]><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                            + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&l9;</t></is></c></row></sheetData></worksheet>");
            return rawWorkbook(out -> out.write(utf8(dtd.toString())), null);
        });
    }

    /** A shared-string table of three million entries, far over the limit. */
    private static byte[] hugeSharedStrings() {
        return MADE_ONCE.computeIfAbsent(
                "strings",
                k -> rawWorkbook(
                        out -> out.write(
                                utf8(
                                        "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                                                + "<sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row></sheetData></worksheet>")),
                        out -> {
                            out.write(utf8("<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                                    + "count=\"3000000\" uniqueCount=\"3000000\">"));
                            byte[] entry = utf8("<si><t>x</t></si>");
                            for (int i = 0; i < 3_000_000; i++) {
                                out.write(entry);
                            }
                            out.write(utf8("</sst>"));
                        }));
    }

    @FunctionalInterface
    private interface Part {
        void write(ZipOutputStream out) throws IOException;
    }

    /** The smallest package POI opens as a workbook, with the sheet (and shared strings) written by hand. */
    private static byte[] rawWorkbook(Part sheet, Part sharedStrings) {
        String ns = "http://schemas.openxmlformats.org/";
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                entry(
                        zip,
                        "[Content_Types].xml",
                        "<Types xmlns=\"" + ns + "package/2006/content-types\">"
                                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-"
                                + "officedocument.spreadsheetml.sheet.main+xml\"/>"
                                + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-"
                                + "officedocument.spreadsheetml.worksheet+xml\"/>"
                                + (sharedStrings == null
                                        ? ""
                                        : "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd."
                                                + "openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>")
                                + "</Types>");
                entry(
                        zip,
                        "_rels/.rels",
                        "<Relationships xmlns=\"" + ns + "package/2006/relationships\">"
                                + "<Relationship Id=\"rId1\" Type=\"" + ns
                                + "officeDocument/2006/relationships/officeDocument\""
                                + " Target=\"xl/workbook.xml\"/></Relationships>");
                entry(
                        zip,
                        "xl/workbook.xml",
                        "<workbook xmlns=\"" + ns + "spreadsheetml/2006/main\" xmlns:r=\"" + ns
                                + "officeDocument/2006/relationships\"><sheets><sheet name=\"Daftar\" sheetId=\"1\" r:id=\"rId1\"/>"
                                + "</sheets></workbook>");
                entry(
                        zip,
                        "xl/_rels/workbook.xml.rels",
                        "<Relationships xmlns=\"" + ns
                                + "package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"" + ns
                                + "officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                                + (sharedStrings == null
                                        ? ""
                                        : "<Relationship Id=\"rId2\" Type=\"" + ns
                                                + "officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>")
                                + "</Relationships>");
                zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
                sheet.write(zip);
                zip.closeEntry();
                if (sharedStrings != null) {
                    zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
                    sharedStrings.write(zip);
                    zip.closeEntry();
                }
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void entry(ZipOutputStream zip, String name, String xml) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(utf8(xml));
        zip.closeEntry();
    }

    private HostileFiles() {}
}

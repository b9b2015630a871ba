package id.go.kemensos.returnee.registration.sheet;

import static id.go.kemensos.returnee.registration.sheet.SheetColumn.*;
import static id.go.kemensos.returnee.registration.sheet.SheetFixtures.SAMPLE_HEADER;
import static id.go.kemensos.returnee.registration.sheet.SheetFixtures.SAMPLE_ROW;
import static id.go.kemensos.returnee.registration.sheet.SheetFixtures.csv;
import static id.go.kemensos.returnee.registration.sheet.SheetFixtures.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvSheetReaderTest {

    @Test
    void readsTheOfficerSheetSampleRowAsTyped() throws IOException {
        try (SheetReader reader = csv(SAMPLE_HEADER + "\n" + SAMPLE_ROW + "\n")) {
            List<SheetRow> rows = readAll(reader);

            assertThat(reader.format()).isEqualTo(SheetFormat.CSV);
            assertThat(reader.missingRequiredColumns()).isEmpty();
            assertThat(reader.unknownColumns()).isEmpty();
            assertThat(reader.totalRowsHint()).isEmpty();
            assertThat(rows).singleElement().satisfies(row -> {
                assertThat(row.rowNumber()).isEqualTo(2);
                assertThat(row.text(NIK)).isEqualTo("5202015508900001");
                assertThat(row.text(NAMA)).isEqualTo("SITI AMINAH");
                assertThat(row.text(RT)).isEqualTo("002");
                assertThat(row.text(NO_HP)).isEqualTo("081234567890");
                assertThat(row.text(KODE_BANK)).isEqualTo("002");
                assertThat(row.text(NO_REKENING)).isEqualTo("012301012345501");
                assertThat(row.text(TANGGAL_KEPULANGAN)).isEqualTo("02-09-2019");
                assertThat(row.cell(KETERANGAN)).isEqualTo(SheetCell.EMPTY);
                assertThat(row.cell(NIK).typedAsNumber()).isFalse();
                assertThat(row.rawValues()).containsExactly(SAMPLE_ROW.split(",", -1));
            });
        }
    }

    /** A clerk's name with letters outside ASCII, in each encoding an office's software saves CSV in. */
    @ParameterizedTest(name = "{0}, byte-order mark {1}")
    @CsvSource({
        "UTF-8, false",
        "UTF-8, true",
        "UTF-16LE, true",
        "UTF-16LE, false",
        "UTF-16BE, true",
        "UTF-16BE, false",
        "windows-1252, false"
    })
    void readsTheEncodingsOfficesSaveIn(String encoding, boolean bom) throws IOException {
        String name = "SÉBASTIEN NIÑO";
        String text = SAMPLE_HEADER + "\r\n" + SAMPLE_ROW.replace("SITI AMINAH,P", name + ",P") + "\r\n";
        byte[] body = text.getBytes(java.nio.charset.Charset.forName(encoding));
        byte[] mark = bom ? "\uFEFF".getBytes(java.nio.charset.Charset.forName(encoding)) : new byte[0];
        byte[] file = new byte[mark.length + body.length];
        System.arraycopy(mark, 0, file, 0, mark.length);
        System.arraycopy(body, 0, file, mark.length, body.length);

        try (SheetReader reader = SheetReader.open(new java.io.ByteArrayInputStream(file))) {
            assertThat(reader.missingRequiredColumns()).isEmpty();
            assertThat(reader.headerNames()).first().isEqualTo("no");
            assertThat(readAll(reader))
                    .singleElement()
                    .satisfies(row -> assertThat(row.text(NAMA)).isEqualTo(name));
        }
    }

    @Test
    void readsASemicolonFileWithBomCrlfQuotedDelimiterAndNewline() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/sheets/ntb-semicolon-bom-crlf.csv");
                SheetReader reader = SheetReader.open(in)) {
            List<SheetRow> rows = readAll(reader);

            assertThat(reader.format()).isEqualTo(SheetFormat.CSV);
            assertThat(reader.headerNames()).first().isEqualTo("No"); // BOM gone
            assertThat(reader.missingRequiredColumns()).isEmpty();
            assertThat(reader.unknownColumns()).isEmpty();
            assertThat(rows).extracting(SheetRow::rowNumber).containsExactly(2L, 4L);
            assertThat(rows.get(0).text(ALAMAT)).isEqualTo("DUSUN X; GANG 2\r\nDEKAT MASJID");
            assertThat(rows.get(0).text(DESA_KELURAHAN)).isEqualTo("PRAYA");
            assertThat(rows.get(1).text(TANGGAL_LAHIR)).isEqualTo("01/01/1985");
            assertThat(rows.get(1).text(KETERANGAN)).isEqualTo("kata \"ibu\"");
            assertThat(reader.blankRowsSkipped()).isEqualTo(1); // the trailing blank line is no row of the list
            assertThat(reader.rowsRead()).isEqualTo(2);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "comma, LF                  | nik,nama\\n1,A\\n                 | ,",
                "semicolon, CRLF            | nik;nama\\r\\n1;A\\r\\n           | ;",
                "tie goes to comma          | nik;nama,x\\n1;A,b\\n             | ,",
                "quoted commas do not count | \"a,b,c\";nik;nama\\n1;2;3\\n       | ;",
                "blank lines above header   | \\n\\n;;\\nnik;nama;hp\\n1;2;3\\n   | ;",
            })
    void detectsTheDelimiterFromTheHeaderLine(String name, String text, char expected) throws IOException {
        String csv = text.replace("\\n", "\n").replace("\\r", "\r");
        assertThat(CsvSheetReader.detectDelimiter(new BufferedReader(new StringReader(csv))))
                .isEqualTo(expected);
    }

    @Test
    void honoursExcelsSepLineWithoutCountingItAsARow() throws IOException {
        try (SheetReader reader = csv("sep=;\r\nnik;nama\r\n5202015508900001;SITI, AMINAH\r\n")) {
            assertThat(readAll(reader)).singleElement().satisfies(row -> {
                assertThat(row.rowNumber()).isEqualTo(2);
                assertThat(row.text(NAMA)).isEqualTo("SITI, AMINAH");
            });
        }
    }

    @Test
    void matchesHeadersInAnyOrderCaseAndSpacingAndEnglishAliases() throws IOException {
        String text = """
                Phone Number,FULL NAME,  Date of Birth ,Sex,National ID,Return Date,Bank Code,Account Number,Account Holder
                081234567890,SITI AMINAH,15-08-1990,P,5202015508900001,02-09-2019,002,012301012345501,SITI AMINAH
                """;
        try (SheetReader reader = csv(text)) {
            assertThat(reader.missingRequiredColumns()).isEmpty();
            assertThat(reader.hasColumn(NO_KK)).isFalse();
            assertThat(readAll(reader)).singleElement().satisfies(row -> {
                assertThat(row.text(NIK)).isEqualTo("5202015508900001");
                assertThat(row.text(NO_HP)).isEqualTo("081234567890");
                assertThat(row.text(TANGGAL_LAHIR)).isEqualTo("15-08-1990");
                assertThat(row.text(NAMA_PEMILIK_REKENING)).isEqualTo("SITI AMINAH");
                assertThat(row.rawValues()).first().isEqualTo("081234567890");
            });
        }
    }

    @Test
    void reportsUnknownColumnsOnceAndKeepsTheirValuesInTheRawRow() throws IOException {
        String text =
                SAMPLE_HEADER + ",nama_ibu,email\n" + SAMPLE_ROW + ",HAJAR,a@b.id\n" + SAMPLE_ROW + ",HAJAR,c@d.id\n";
        try (SheetReader reader = csv(text)) {
            List<SheetRow> rows = readAll(reader);

            assertThat(reader.unknownColumns()).containsExactly("nama_ibu", "email");
            assertThat(rows)
                    .hasSize(2)
                    .allSatisfy(row -> assertThat(row.rawValues())
                            .hasSize(SAMPLE_HEADER.split(",").length + 2)
                            .contains("HAJAR"));
        }
    }

    @Test
    void aRepeatedColumnIsReportedAndTheFirstOneWins() throws IOException {
        try (SheetReader reader = csv("nik,nama,NIK\n111,A,222\n")) {
            assertThat(reader.unknownColumns()).containsExactly("NIK");
            assertThat(readAll(reader))
                    .singleElement()
                    .satisfies(row -> assertThat(row.text(NIK)).isEqualTo("111"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "all present              | " + SAMPLE_HEADER + "| ''",
                "no phone, no bank at all | "
                        + "nik,nama,jenis_kelamin,tanggal_lahir,tanggal_kepulangan,no_rekening,nama_pemilik_rekening"
                        + " | NO_HP KODE_BANK",
                "bank name is enough      | "
                        + "nik,nama,jenis_kelamin,tanggal_lahir,no_hp,tanggal_kepulangan,nama_bank,no_rekening,"
                        + "nama_pemilik_rekening | ''",
                "only names               | nama,alamat | NIK JENIS_KELAMIN TANGGAL_LAHIR NO_HP TANGGAL_KEPULANGAN "
                        + "KODE_BANK NO_REKENING NAMA_PEMILIK_REKENING",
            })
    void reportsMissingRequiredColumnsWithoutThrowing(String name, String header, String missing) throws IOException {
        try (SheetReader reader = csv(header + "\n")) {
            assertThat(reader.missingRequiredColumns())
                    .map(Enum::name)
                    .containsExactly(
                            missing.isBlank() ? new String[0] : missing.strip().split(" "));
            assertThat(readAll(reader)).isEmpty();
        }
    }

    @Test
    void anEmptyFileHasNoRowsAndMissesEveryRequiredColumn() throws IOException {
        try (SheetReader reader = csv("")) {
            assertThat(reader.headerNames()).isEmpty();
            assertThat(reader.missingRequiredColumns()).containsExactlyElementsOf(SheetColumn.REQUIRED);
            assertThat(readAll(reader)).isEmpty();
        }
    }

    @Test
    void aShortRowGetsEmptyCellsAndAPaddedRawRow() throws IOException {
        try (SheetReader reader = csv("nik,nama,no_hp,kode_bank\n5202015508900001,SITI AMINAH\n")) {
            assertThat(readAll(reader)).singleElement().satisfies(row -> {
                assertThat(row.text(NAMA)).isEqualTo("SITI AMINAH");
                assertThat(row.cell(NO_HP).isBlank()).isTrue();
                assertThat(row.rawValues()).containsExactly("5202015508900001", "SITI AMINAH", "", "");
            });
        }
    }

    @Test
    void skipsBlankRowsButKeepsRowNumbersTruthful() throws IOException {
        String text = "nik,nama\n\n111,A\n , \n,,\n222,B\n\n333,C\n\n\n";
        try (SheetReader reader = csv(text)) {
            List<SheetRow> rows = readAll(reader);

            assertThat(rows).extracting(SheetRow::rowNumber).containsExactly(3L, 6L, 8L);
            assertThat(rows).extracting(row -> row.text(NIK)).containsExactly("111", "222", "333");
            assertThat(reader.blankRowsSkipped()).isEqualTo(4);
            assertThat(reader.rowsRead()).isEqualTo(3);
        }
    }

    @Test
    void opensAPathAndRecognisesCsvByContent(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("daftar.xlsx"); // misnamed: content wins
        Files.writeString(file, SAMPLE_HEADER + "\r\n" + SAMPLE_ROW + "\r\n", StandardCharsets.UTF_8);
        try (SheetReader reader = SheetReader.open(file)) {
            assertThat(reader.format()).isEqualTo(SheetFormat.CSV);
            assertThat(readAll(reader)).hasSize(1);
        }
        assertThat(SheetFormat.fromFileName("Daftar PMI NTB.CSV")).contains(SheetFormat.CSV);
        assertThat(SheetFormat.fromFileName("daftar.xlsx")).contains(SheetFormat.XLSX);
        assertThat(SheetFormat.fromFileName("daftar.xls")).isEmpty();
    }

    @Test
    void readsOnlyOnce() throws IOException {
        try (SheetReader reader = csv("nik\n1\n")) {
            readAll(reader);
            assertThatThrownBy(() -> reader.read(row -> {})).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void aTitleAboveTheTableIsNotItsHeaderNorARow() throws IOException {
        try (SheetReader reader =
                csv("DAFTAR PMI PURNA NTB,,\nPer 1 Desember 2026\n\n" + SAMPLE_HEADER + "\n" + SAMPLE_ROW + "\n")) {
            assertThat(reader.missingRequiredColumns()).isEmpty();
            assertThat(readAll(reader)).singleElement().satisfies(row -> {
                assertThat(row.rowNumber()).isEqualTo(5);
                assertThat(row.text(NIK)).isEqualTo("5202015508900001");
            });
        }
    }

    @Test
    void brokenQuotingIsASheetReadException() throws IOException {
        try (SheetReader reader = csv("nik,nama\n111,\"A\"B\n")) {
            assertThatThrownBy(() -> readAll(reader))
                    .isInstanceOf(SheetReadException.class)
                    .hasMessageContaining("line");
        }
    }

    @Test
    void aHandlerExceptionStopsTheRead() throws IOException {
        try (SheetReader reader = csv("nik\n1\n2\n3\n")) {
            assertThatThrownBy(() -> reader.read(row -> {
                        if (row.rowNumber() == 3) {
                            throw new IllegalArgumentException("stop at 3");
                        }
                    }))
                    .hasMessage("stop at 3");
            assertThat(reader.rowsRead()).isEqualTo(2);
        }
    }

    /**
     * An error report the platform wrote (a formula-like cell behind an apostrophe), fixed and uploaded again, reads as
     * meant.
     */
    @Test
    void theApostropheBeforeAFormulaLikeCellIsDroppedOnReading() throws IOException {
        String row = SAMPLE_ROW.replace("081234567890", "'+6281234567890").replace("DUSUN X", "'-DUSUN X");
        try (SheetReader reader = csv(SAMPLE_HEADER + "\n" + row + "\n")) {
            SheetRow read = readAll(reader).get(0);
            assertThat(read.text(NO_HP)).isEqualTo("+6281234567890");
            assertThat(read.text(ALAMAT)).isEqualTo("-DUSUN X");
        }
        try (SheetReader reader = csv(SAMPLE_HEADER + "\n" + SAMPLE_ROW.replace("DUSUN X", "'DUSUN X") + "\n")) {
            assertThat(readAll(reader).get(0).text(ALAMAT))
                    .as("an apostrophe before ordinary text is the clerk's")
                    .isEqualTo("'DUSUN X");
        }
    }
}

package id.go.kemensos.returnee.registration.sheet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The provincial returnee list's columns (as {@link SheetColumn} names them), a fictitious row, and helpers to read
 * small sheets in tests.
 */
final class SheetFixtures {

    static final String SAMPLE_HEADER =
            "no,nik,no_kk,nama_sesuai_ktp,jenis_kelamin,tempat_lahir,tanggal_lahir,alamat,rt,rw,"
                    + "desa_kelurahan,kecamatan,kabupaten_kota,no_hp,kategori,status_tppo,negara_tujuan,jenis_pekerjaan_eksploitasi,"
                    + "tanggal_kepulangan,dokumen_kepulangan,sumber_rujukan,nama_bank,kode_bank,no_rekening,nama_pemilik_rekening,"
                    + "status_dtks,desil_dtsen,ikut_bimbingan,keterangan";
    static final String SAMPLE_ROW =
            "1,5202015508900001,5202011203150007,SITI AMINAH,P,LOMBOK TENGAH,15-08-1990,DUSUN X,002,001,"
                    + "PRAYA,PRAYA,LOMBOK "
                    + "TENGAH,081234567890,KPO,,MY,DOMESTIC_WORK,02-09-2019,SPLP,RPTC,BRI,002,012301012345501,"
                    + "SITI AMINAH,YA,2,YA,";

    private SheetFixtures() {}

    static InputStream utf8(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    static SheetReader csv(String text) {
        return SheetReader.open(utf8(text), SheetFormat.CSV);
    }

    /** Reads every row; the reader stays usable for its counters. */
    static List<SheetRow> readAll(SheetReader reader) {
        List<SheetRow> rows = new ArrayList<>();
        reader.read(rows::add);
        return rows;
    }

    /** Writes texts into a sheet's row (created if absent), leaving empty values as absent cells, as Excel does. */
    static void textRow(Sheet sheet, int index, String... values) {
        Row row = sheet.getRow(index) != null ? sheet.getRow(index) : sheet.createRow(index);
        for (int i = 0; i < values.length; i++) {
            if (!values[i].isEmpty()) {
                row.createCell(i).setCellValue(values[i]);
            }
        }
    }

    static void save(Workbook workbook, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            workbook.write(out);
        }
    }
}

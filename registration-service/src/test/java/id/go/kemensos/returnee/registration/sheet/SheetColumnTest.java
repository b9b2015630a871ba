package id.go.kemensos.returnee.registration.sheet;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kemensos.returnee.registration.validation.SheetColumns;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SheetColumnTest {

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "nama_sesuai_ktp         | NAMA",
                "Nama Sesuai KTP         | NAMA",
                "NAMA-SESUAI-KTP         | NAMA",
                "  nama.sesuai.ktp       | NAMA",
                "Full Name               | NAMA",
                "name                    | NAMA",
                "NIK                     | NIK",
                "National ID             | NIK",
                "\uFEFFnik               | NIK",
                "No. KK                  | NO_KK",
                "Sex                     | JENIS_KELAMIN",
                "gender                  | JENIS_KELAMIN",
                "Date of Birth           | TANGGAL_LAHIR",
                "birth_date              | TANGGAL_LAHIR",
                "Place of Birth          | TEMPAT_LAHIR",
                "Address                 | ALAMAT",
                "Desa/Kelurahan          | DESA_KELURAHAN",
                "village                 | DESA_KELURAHAN",
                "District                | KECAMATAN",
                "Kabupaten/Kota          | KABUPATEN_KOTA",
                "Regency/City            | KABUPATEN_KOTA",
                "No. HP                  | NO_HP",
                "Phone Number            | NO_HP",
                "mobile                  | NO_HP",
                "Category                | KATEGORI",
                "Destination Country     | NEGARA_TUJUAN",
                "Exploitation Type       | JENIS_PEKERJAAN_EKSPLOITASI",
                "Return Date             | TANGGAL_KEPULANGAN",
                "Return Document         | DOKUMEN_KEPULANGAN",
                "Referral Source         | SUMBER_RUJUKAN",
                "Bank Name               | NAMA_BANK",
                "Bank Code               | KODE_BANK",
                "Account Number          | NO_REKENING",
                "Account Holder          | NAMA_PEMILIK_REKENING",
                "account name            | NAMA_PEMILIK_REKENING",
                "DTKS Status             | STATUS_DTKS",
                "Desil DTSEN             | DESIL_DTSEN",
                "DTSEN decile            | DESIL_DTSEN",
                "Attended Guidance       | IKUT_BIMBINGAN",
                "Social Guidance         | IKUT_BIMBINGAN",
                "Remarks                 | KETERANGAN",
                "notes                   | KETERANGAN",
                "No.                     | NO",
            })
    void matchesHeadersIgnoringCaseAndSeparators(String header, SheetColumn expected) {
        assertThat(SheetColumn.forHeader(header)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "nama ibu", "email", "nik2", "tanggal"})
    void doesNotGuessUnknownHeaders(String header) {
        assertThat(SheetColumn.forHeader(header)).isEmpty();
    }

    @Test
    void everySheetNameOfTheOfficerSheetHasAColumn() {
        assertThat(SheetFixtures.SAMPLE_HEADER.split(","))
                .allSatisfy(name -> assertThat(SheetColumn.forHeader(name))
                        .map(SheetColumn::sheetName)
                        .contains(name));
        assertThat(Arrays.stream(SheetColumn.values()).map(SheetColumn::sheetName))
                .containsExactlyInAnyOrder(SheetFixtures.SAMPLE_HEADER.split(","));
        assertThat(SheetColumn.NIK.sheetName()).isEqualTo(SheetColumns.NIK);
    }
}

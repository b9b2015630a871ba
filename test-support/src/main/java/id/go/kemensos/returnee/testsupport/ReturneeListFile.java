package id.go.kemensos.returnee.testsupport;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;

/**
 * A provincial list as a clerk exports it from Excel: semicolons, a BOM, CRLF, Indonesian headers, DD-MM-YYYY dates.
 * Most rows are good; at fixed positions a row has an invalid phone (rejected), repeats the NIK of a row five above
 * (rejected as a duplicate) or gives a sex that its NIK contradicts (held for review), so that every outcome is
 * exercised and the expected counts are known exactly.
 */
public final class ReturneeListFile {

    public static final String HEADER =
            "no;NIK;Nama Sesuai KTP;jenis_kelamin;tanggal_lahir;kabupaten_kota;no_hp;kategori;negara_tujuan;"
                    + "tanggal_kepulangan;sumber_rujukan;kode_bank;no_rekening;nama_pemilik_rekening;status_dtks;desil_dtsen;"
                    + "ikut_bimbingan";
    private static final DateTimeFormatter CLERK_DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    public record Expected(long rows, long accepted, long rejected, long held) {}

    private final SyntheticReturnees returnees;

    public ReturneeListFile(SyntheticReturnees returnees) {
        this.returnees = returnees;
    }

    public Expected write(Path file, int rows) throws IOException {
        long rejected = 0;
        long held = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write('\uFEFF');
            out.write(HEADER);
            out.write("\r\n");
            for (int i = 0; i < rows; i++) {
                Kind kind = Kind.of(i);
                rejected += kind == Kind.INVALID_PHONE || kind == Kind.DUPLICATE_NIK ? 1 : 0;
                held += kind == Kind.SEX_CONTRADICTS_NIK ? 1 : 0;
                out.write(line(i, kind));
            }
        }
        return new Expected(rows, rows - rejected - held, rejected, held);
    }

    /** Whether the row of this index is one the upload accepts (the others are rejected or held for review). */
    public static boolean accepted(int index) {
        return Kind.of(index) == Kind.GOOD;
    }

    private enum Kind {
        GOOD,
        INVALID_PHONE,
        DUPLICATE_NIK,
        SEX_CONTRADICTS_NIK;

        static Kind of(int index) {
            if (index % 100 == 7) {
                return INVALID_PHONE;
            }
            if (index % 100 == 13) {
                return DUPLICATE_NIK;
            }
            return index % 200 == 21 ? SEX_CONTRADICTS_NIK : GOOD;
        }
    }

    private String line(int i, Kind kind) {
        String name = returnees.name(i);
        boolean female = SyntheticReturnees.female(i) ^ kind == Kind.SEX_CONTRADICTS_NIK;
        return String.join(
                        ";",
                        String.valueOf(i + 1),
                        kind == Kind.DUPLICATE_NIK ? returnees.nik(i - 5) : returnees.nik(i),
                        name,
                        female ? "P" : "L",
                        CLERK_DATE.format(returnees.birthDate(i)),
                        "LOMBOK TENGAH",
                        kind == Kind.INVALID_PHONE ? "0812" : returnees.phone(i),
                        "PMIB_DEPORTEE",
                        "MY",
                        "02-09-2019",
                        "BP3MI",
                        "002",
                        returnees.accountNumber(i),
                        name,
                        "YA",
                        "2",
                        "YA")
                + "\r\n";
    }
}

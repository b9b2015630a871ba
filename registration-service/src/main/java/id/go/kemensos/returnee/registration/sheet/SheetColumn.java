package id.go.kemensos.returnee.registration.sheet;

import id.go.kemensos.returnee.registration.validation.SheetColumns;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The canonical columns of the provincial returnee list (the header names below, in the order of the ministry's
 * template). Offices rename, reorder and translate headers, so each column is matched by its sheet name and a few
 * Indonesian and English aliases, ignoring case and treating spaces, underscores, dashes, dots and slashes alike
 * ({@code Nama Sesuai KTP} = {@code nama_sesuai_ktp}).
 */
public enum SheetColumn {
    NO(SheetColumns.ROW_NO, "nomor", "no urut"),
    NIK(SheetColumns.NIK, "national id", "national id number", "nik ktp", "no ktp"),
    NO_KK(SheetColumns.FAMILY_CARD, "nomor kk", "kk", "family card", "family card number"),
    NAMA(SheetColumns.NAME, "nama", "nama lengkap", "name", "full name"),
    JENIS_KELAMIN(SheetColumns.SEX, "jk", "sex", "gender"),
    TEMPAT_LAHIR(SheetColumns.BIRTH_PLACE, "place of birth", "birth place", "birthplace"),
    TANGGAL_LAHIR(SheetColumns.BIRTH_DATE, "tgl lahir", "birth date", "date of birth", "birthdate", "dob"),
    ALAMAT(SheetColumns.ADDRESS, "address"),
    RT(SheetColumns.RT),
    RW(SheetColumns.RW),
    DESA_KELURAHAN(SheetColumns.VILLAGE, "desa", "kelurahan", "village"),
    KECAMATAN(SheetColumns.DISTRICT, "district", "subdistrict", "sub district"),
    KABUPATEN_KOTA(SheetColumns.REGENCY, "kabupaten", "kota", "kab kota", "regency", "city", "regency city"),
    NO_HP(SheetColumns.PHONE, "nomor hp", "hp", "no telp", "phone", "mobile", "phone number", "mobile number"),
    KATEGORI(SheetColumns.CATEGORY, "category"),
    STATUS_TPPO(
            SheetColumns.TRAFFICKING_STATUS,
            "status korban tppo",
            "indikasi tppo",
            "status korban",
            "trafficking status",
            "victim status"),
    NEGARA_TUJUAN(SheetColumns.DESTINATION_COUNTRY, "destination country", "destination", "country"),
    JENIS_PEKERJAAN_EKSPLOITASI(
            SheetColumns.EXPLOITATION_TYPE, "jenis eksploitasi", "exploitation type", "exploitation"),
    TANGGAL_KEPULANGAN(SheetColumns.RETURN_DATE, "tgl kepulangan", "return date", "date of return"),
    DOKUMEN_KEPULANGAN(SheetColumns.RETURN_DOCUMENT, "return document"),
    SUMBER_RUJUKAN(SheetColumns.REFERRAL_SOURCE, "referral source", "referral", "referred by"),
    NAMA_BANK(SheetColumns.BANK_NAME, "bank", "bank name"),
    KODE_BANK(SheetColumns.BANK_CODE, "bank code"),
    NO_REKENING(
            SheetColumns.ACCOUNT_NUMBER,
            "nomor rekening",
            "rekening",
            "account number",
            "account no",
            "bank account number"),
    NAMA_PEMILIK_REKENING(
            SheetColumns.ACCOUNT_HOLDER, "pemilik rekening", "account holder", "account holder name", "account name"),
    STATUS_DTKS(SheetColumns.DTKS_STATUS, "dtks", "dtks status"),
    DESIL_DTSEN(SheetColumns.DTSEN_DECILE, "desil", "dtsen", "desil dtsen", "dtsen decile", "decile"),
    IKUT_BIMBINGAN(
            SheetColumns.SOCIAL_GUIDANCE,
            "bimbingan sosial",
            "attended guidance",
            "social guidance",
            "attended social guidance"),
    KETERANGAN(SheetColumns.NOTES, "catatan", "notes", "note", "remarks");

    /** Without a bank column the transfer cannot be made; either the code or the name identifies the bank. */
    public static final List<SheetColumn> REQUIRED = List.of(
            NIK,
            NAMA,
            JENIS_KELAMIN,
            TANGGAL_LAHIR,
            NO_HP,
            TANGGAL_KEPULANGAN,
            KODE_BANK,
            NO_REKENING,
            NAMA_PEMILIK_REKENING);

    private static final Pattern SEPARATORS = Pattern.compile("[\\s_\\-./\\\\]+");
    private static final Map<String, SheetColumn> BY_NAME = new HashMap<>();

    static {
        for (SheetColumn column : values()) {
            register(column.sheetName, column);
            for (String alias : column.aliases) {
                register(alias, column);
            }
        }
    }

    private final String sheetName;
    private final List<String> aliases;

    SheetColumn(String sheetName, String... aliases) {
        this.sheetName = sheetName;
        this.aliases = List.of(aliases);
    }

    /** The template's header name, as used in validation problems and the error report. */
    public String sheetName() {
        return sheetName;
    }

    public List<String> aliases() {
        return aliases;
    }

    /** The column a header cell names, if any. */
    public static Optional<SheetColumn> forHeader(String header) {
        return header == null ? Optional.empty() : Optional.ofNullable(BY_NAME.get(normalise(header)));
    }

    /** Lower case, separators collapsed to one underscore, a BOM or surrounding quotes and separators dropped. */
    static String normalise(String header) {
        String text = header.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
        text = SEPARATORS.matcher(text).replaceAll("_");
        int start = 0;
        int end = text.length();
        while (start < end && (text.charAt(start) == '_' || text.charAt(start) == '"')) {
            start++;
        }
        while (end > start && (text.charAt(end - 1) == '_' || text.charAt(end - 1) == '"')) {
            end--;
        }
        return text.substring(start, end);
    }

    private static void register(String name, SheetColumn column) {
        SheetColumn previous = BY_NAME.put(normalise(name), column);
        if (previous != null && previous != column) {
            throw new IllegalStateException("Header alias '" + name + "' names both " + previous + " and " + column);
        }
    }
}

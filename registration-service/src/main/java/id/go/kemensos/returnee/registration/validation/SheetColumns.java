package id.go.kemensos.returnee.registration.validation;

/**
 * Header names of the provincial returnee list's template that validation problems point at. The upload reader's
 * {@code sheet.SheetColumn} maps each of these (and its aliases) to a canonical column.
 */
public final class SheetColumns {

    public static final String ROW_NO = "no";
    public static final String NIK = "nik";
    public static final String FAMILY_CARD = "no_kk";
    public static final String NAME = "nama_sesuai_ktp";
    public static final String SEX = "jenis_kelamin";
    public static final String BIRTH_PLACE = "tempat_lahir";
    public static final String BIRTH_DATE = "tanggal_lahir";
    public static final String ADDRESS = "alamat";
    public static final String RT = "rt";
    public static final String RW = "rw";
    public static final String VILLAGE = "desa_kelurahan";
    public static final String DISTRICT = "kecamatan";
    public static final String REGENCY = "kabupaten_kota";
    public static final String PHONE = "no_hp";
    public static final String CATEGORY = "kategori";
    /** Whether the person is indicated or identified as a trafficking victim, apart from the category. */
    public static final String TRAFFICKING_STATUS = "status_tppo";

    public static final String DESTINATION_COUNTRY = "negara_tujuan";
    public static final String EXPLOITATION_TYPE = "jenis_pekerjaan_eksploitasi";
    public static final String RETURN_DATE = "tanggal_kepulangan";
    public static final String RETURN_DOCUMENT = "dokumen_kepulangan";
    public static final String REFERRAL_SOURCE = "sumber_rujukan";
    public static final String BANK_NAME = "nama_bank";
    public static final String BANK_CODE = "kode_bank";
    public static final String ACCOUNT_NUMBER = "no_rekening";
    public static final String ACCOUNT_HOLDER = "nama_pemilik_rekening";
    public static final String DTKS_STATUS = "status_dtks";
    /** The household's welfare decile in DTSEN (1 poorest .. 10), which replaced DTKS (Inpres 4/2025). */
    public static final String DTSEN_DECILE = "desil_dtsen";

    public static final String SOCIAL_GUIDANCE = "ikut_bimbingan";
    public static final String NOTES = "keterangan";

    private SheetColumns() {}
}

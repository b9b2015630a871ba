package id.go.kemensos.returnee.registration.validation;

/** Header names of the officers' sheet (DOMAIN.md section 8) that validation problems point at. */
public final class SheetColumns {

    public static final String NIK = "nik";
    public static final String SEX = "jenis_kelamin";
    public static final String BIRTH_DATE = "tanggal_lahir";
    public static final String REGENCY = "kabupaten_kota";
    public static final String PHONE = "no_hp";
    public static final String RETURN_DATE = "tanggal_kepulangan";
    public static final String BANK_CODE = "kode_bank";
    public static final String ACCOUNT_NUMBER = "no_rekening";
    public static final String ACCOUNT_HOLDER = "nama_pemilik_rekening";

    private SheetColumns() {
    }
}

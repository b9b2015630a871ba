package id.go.kemensos.returnee.testsupport;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Named returnee fixtures. Every call makes a new person (unique NIK, phone and account) so that tests on the shared,
 * persistent local stack never collide with earlier runs.
 */
public final class ReturneeMother {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final int RUN = ThreadLocalRandom.current().nextInt(100, 1000);

    private ReturneeMother() {}

    /** Siti Aminah of Lombok Tengah, NTB: a deported migrant worker, as in the officers' sample sheet. */
    public static Map<String, Object> sitiAminahLombokTengah() {
        return returnee("SITI AMINAH", "FEMALE", "5202", "PMIB_DEPORTEE", "002");
    }

    /** A returned migrant worker from Lombok Timur, paid through Bank NTB Syariah. */
    public static Map<String, Object> laluZainiLombokTimur() {
        return returnee("LALU MUHAMMAD ZAINI", "MALE", "5203", "PMI_PURNA", "128");
    }

    /** A deportee from Malaysia back in Denpasar, Bali: another province, with a budget of its own. */
    public static Map<String, Object> nyomanSuartaDenpasar() {
        return returnee("I NYOMAN SUARTA", "MALE", "5171", "PMIB_DEPORTEE", "002");
    }

    /** A deportee back in Kabupaten Badung, Bali: Denpasar's neighbour, in the same province's budget. */
    public static Map<String, Object> madeWijayaBadung() {
        return returnee("I MADE WIJAYA", "MALE", "5103", "PMIB_DEPORTEE", "002");
    }

    /** A deportee back in Kabupaten Bima, NTB (on Sumbawa): a regency no other test uses. */
    public static Map<String, Object> ahmadBima() {
        return returnee("AHMAD SYAHRIR", "MALE", "5206", "PMIB_DEPORTEE", "002");
    }

    /**
     * A deportee back in Kota Mataram, NTB: a city where the grant's bank opens accounts in bulk for people without one
     * (BSU.yaml collectiveAccounts).
     */
    public static Map<String, Object> rinaWulandariMataram() {
        return returnee("RINA WULANDARI", "FEMALE", "5271", "PMIB_DEPORTEE", "002");
    }

    /** A deportee back in Lombok Utara, NTB: the regency whose own program ProgramsAsDataIT declares. */
    public static Map<String, Object> baiqNurulLombokUtara() {
        return returnee("BAIQ NURUL HIDAYATI", "FEMALE", "5208", "PMIB_DEPORTEE", "002");
    }

    /**
     * The same returnee born on another date, with a NIK that says so (its DDMMYY part, plus 40 on the day for a woman):
     * registration checks that the two agree.
     */
    public static Map<String, Object> bornOn(Map<String, Object> returnee, LocalDate born) {
        String nik = (String) returnee.get("nik");
        int day = born.getDayOfMonth() + ("FEMALE".equals(returnee.get("sex")) ? 40 : 0);
        returnee.put("birthDate", born.toString());
        returnee.put(
                "nik",
                nik.substring(0, 6)
                        + String.format("%02d%02d%02d", day, born.getMonthValue(), born.getYear() % 100)
                        + String.format("%04d", ThreadLocalRandom.current().nextInt(1, 10_000)));
        return returnee;
    }

    private static Map<String, Object> returnee(
            String name, String sex, String regency, String category, String bankCode) {
        // One key per call and run, spread over a NIK's birth date (DDMMYY) and serial so that NIKs stay well formed.
        long key = RUN * 100_000L + SEQUENCE.incrementAndGet();
        int serial = (int) (key % 9_999) + 1;
        long rest = key / 9_999;
        int day = (int) (rest % 28) + 1;
        int month = (int) (rest / 28 % 12) + 1;
        int year = 60 + (int) (rest / 28 / 12 % 40);
        boolean female = sex.equals("FEMALE");
        String digits8 = String.format("%08d", key % 100_000_000L);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("nik", String.format("%s01%02d%02d%02d%04d", regency, female ? day + 40 : day, month, year, serial));
        r.put("fullName", name);
        r.put("sex", sex);
        r.put("birthDate", String.format("19%02d-%02d-%02d", year, month, day));
        r.put("provinceCode", regency.substring(0, 2));
        r.put("regencyCode", regency);
        r.put("category", category);
        r.put("referralSource", "BP3MI");
        r.put("destinationCountry", "MY");
        r.put("returnDate", "2019-09-02");
        r.put("phone", "0812" + digits8);
        r.put("bankCode", bankCode);
        r.put("accountNumber", "0123" + digits8 + "501");
        r.put("accountHolderName", name);
        r.put("dtksListed", true);
        r.put("dtsenDecile", 2);
        r.put("attendedSocialGuidance", true);
        return r;
    }

    /** The header of a provincial list as a CSV with semicolons, the columns {@link #listRow} fills. */
    public static final String LIST_HEADER =
            "nik;nama_sesuai_ktp;jenis_kelamin;tanggal_lahir;kabupaten_kota;no_hp;kategori;"
                    + "tanggal_kepulangan;sumber_rujukan;kode_bank;no_rekening;nama_pemilik_rekening;status_dtks;desil_dtsen;"
                    + "ikut_bimbingan\r\n";

    /** A fixture as a row of such a list, in Lombok Timur, under the NIK given (a test may give a malformed one). */
    public static String listRow(Map<String, Object> r, String nik) {
        String[] birth = ((String) r.get("birthDate")).split("-");
        return String.join(
                        ";",
                        nik,
                        (String) r.get("fullName"),
                        "L",
                        birth[2] + "-" + birth[1] + "-" + birth[0],
                        "LOMBOK TIMUR",
                        (String) r.get("phone"),
                        (String) r.get("category"),
                        "02-09-2019",
                        "BP3MI",
                        (String) r.get("bankCode"),
                        (String) r.get("accountNumber"),
                        (String) r.get("accountHolderName"),
                        "YA",
                        String.valueOf(r.getOrDefault("dtsenDecile", "")),
                        "YA")
                + "\r\n";
    }

    /** The E.164 form of a fixture's phone, as the platform stores and the SMS gateway sees it. */
    public static String phoneE164(Map<String, Object> returnee) {
        return "+62" + ((String) returnee.get("phone")).substring(1);
    }
}

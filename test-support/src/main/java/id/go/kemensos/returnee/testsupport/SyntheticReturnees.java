package id.go.kemensos.returnee.testsupport;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Random;

/**
 * Returnees for one run, all adults in Lombok Tengah (52/5202) with the profile of the eligible sample returnee. What
 * must be unique is derived from the index and a per-run random salt: the NIK (the registry answers 200 instead of 201
 * for a NIK it already has, so a clash with an earlier run shows up as "already registered"), the phone number (how
 * this run's SMS are recognised) and the account number (how this run's bank transfers are recognised).
 */
public final class SyntheticReturnees {

    /** NIK digits 1-6: province 52, regency 02, district 01. */
    private static final String NIK_REGION = "520201";

    private static final LocalDate OLDEST_BIRTH_DATE = LocalDate.of(1960, 1, 1);
    /**
     * Birth dates spread over about 35 years, so everyone is an adult; the NIK's serial changes every DAYS returnees.
     */
    private static final int DAYS = 13_000;

    private static final String[] GIVEN_NAMES = {
        "SITI",
        "AHMAD",
        "BAIQ",
        "LALU",
        "NURUL",
        "MUHAMMAD",
        "SRI",
        "HADI",
        "DEWI",
        "AGUS",
        "RINA",
        "SUPRIADI",
        "WAHYUNI",
        "ZAINAL",
        "FITRI",
        "JUNAIDI"
    };
    private static final String[] FAMILY_NAMES = {
        "AMINAH",
        "ZAINI",
        "HIDAYATI",
        "RAHMAN",
        "SAFITRI",
        "HAMDANI",
        "WULANDARI",
        "MAULANA",
        "HASANAH",
        "SAPUTRA",
        "KURNIASIH",
        "FAUZI"
    };

    private final int serialSalt;
    private final int daySalt;
    private final int phoneSalt;
    private final int accountSalt;

    public SyntheticReturnees(Random random) {
        this.serialSalt = random.nextInt(9_999);
        this.daySalt = random.nextInt(DAYS);
        this.phoneSalt = random.nextInt(100_000_000);
        this.accountSalt = random.nextInt(100_000);
    }

    /** Kept as an E.164 number too: the SMS gateway sees the normalised form. */
    public String phone(int index) {
        return "0812" + String.format(Locale.ROOT, "%08d", (phoneSalt + (long) index) % 100_000_000);
    }

    public String phoneE164(int index) {
        return "+62" + phone(index).substring(1);
    }

    public String accountNumber(int index) {
        return String.format(Locale.ROOT, "9%05d%09d", accountSalt, index);
    }

    /** NIK: region, birth date as DDMMYY (day + 40 for women), 4-digit serial (the KTP numbering). */
    public String nik(int index) {
        LocalDate birthDate = birthDate(index);
        int day = birthDate.getDayOfMonth() + (female(index) ? 40 : 0);
        int serial = 1 + (serialSalt + index / DAYS) % 9_999;
        return String.format(
                Locale.ROOT,
                "%s%02d%02d%02d%04d",
                NIK_REGION,
                day,
                birthDate.getMonthValue(),
                birthDate.getYear() % 100,
                serial);
    }

    public String name(int index) {
        return GIVEN_NAMES[index % GIVEN_NAMES.length] + " "
                + FAMILY_NAMES[(index / GIVEN_NAMES.length) % FAMILY_NAMES.length];
    }

    public String json(int index) {
        String name = name(index);
        return """
                {"nik":"%s","fullName":"%s","sex":"%s","birthDate":"%s","provinceCode":"52","regencyCode":"5202",\
                "category":"PMIB_DEPORTEE","referralSource":"BP3MI","destinationCountry":"MY","returnDate":"2019-09-02",\
                "phone":"%s","bankCode":"002","accountNumber":"%s","accountHolderName":"%s","dtksListed":true,\
                "dtsenDecile":2,"attendedSocialGuidance":true}""".formatted(
                        nik(index),
                        name,
                        female(index) ? "FEMALE" : "MALE",
                        birthDate(index),
                        phone(index),
                        accountNumber(index),
                        name);
    }

    public LocalDate birthDate(int index) {
        return OLDEST_BIRTH_DATE.plusDays((daySalt + index) % DAYS);
    }

    public static boolean female(int index) {
        return index % 2 == 1;
    }
}
